import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeParameterResourceLocator } from 'n8n-workflow';

import { ItemParameter, ItemRun, itemProblem, readRequestOptions, type ItemProblem } from '../../../shared';
import { buildUpdateBody, refusalProblem, type CustomFieldInput, type EmptyValuePolicy } from '../../helpers/changes';
import { readJobId } from '../../helpers/job-id';
import { readBack, type ReadBack } from '../../helpers/read-back';
import { BIGCHANGE_REQUESTS } from '../../helpers/request-profile';
import { sendPerItem, type ItemRequest } from '../../helpers/send-per-item';
import { bigChangeConnection, bigChangeRequest, jobPath } from '../../transport';
import { bigChangeError } from '../../transport/errors';

export { updateDescription as description } from './update.description';

interface UpdateOptions extends IDataObject {
	emptyValues?: EmptyValuePolicy;
	output?: 'summary' | 'job';
}

interface Change {
	jobId: number;
	body: IDataObject;
}

/** The per-item parameters, each read without the expression engine where that gives the same value. */
function updateReaders(context: IExecuteFunctions, node: INode) {
	return {
		jobId: new ItemParameter<INodeParameterResourceLocator>(context, node, 'jobId'),
		set: new ItemParameter<IDataObject>(context, node, 'updateFields', {}),
		clear: new ItemParameter<unknown>(context, node, 'clearFields', []),
		customFields: new ItemParameter<CustomFieldInput[]>(context, node, 'customFields.field', []),
	};
}

function prepare(readers: ReturnType<typeof updateReaders>, emptyValues: EmptyValuePolicy, itemIndex: number, item: INodeExecutionData): Change | ItemProblem {
	const job = readJobId(readers.jobId.value(itemIndex, item));
	if (!job.ok) return itemProblem(job.problem, 'jobId');
	const built = buildUpdateBody({
		set: readers.set.value(itemIndex, item),
		clear: readers.clear.value(itemIndex, item),
		customFields: readers.customFields.value(itemIndex, item),
		emptyValues,
	});
	return built.ok ? { jobId: job.jobId, body: built.body } : refusalProblem(built);
}

/** PATCH /v1/jobs/{jobId} per item, with only the fields the user touched. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = ItemRun.start(this, { succeeded: 'updated in BigChange' });
	const { node, ledger } = run;
	const options = this.getNodeParameter('options', 0, {}) as UpdateOptions;
	const settings = readRequestOptions(options, BIGCHANGE_REQUESTS);
	const readAfter = options.output === 'job';
	const readers = updateReaders(this, node);
	const ready = run.check((itemIndex, item) => prepare(readers, options.emptyValues ?? 'keep', itemIndex, item));

	// An item whose mapped values were all empty has nothing to change: it is not sent at all.
	const requests: Array<ItemRequest<Change>> = [];
	for (const { itemIndex, value } of ready) {
		if (Object.keys(value.body).length === 0) ledger.succeed(itemIndex, { jobId: value.jobId, updated: false, changes: {} });
		else requests.push({ itemIndex, payload: value, idempotent: true });
	}

	if (requests.length > 0) {
		const connection = await bigChangeConnection(this, settings.timeoutSeconds * 1000);
		await sendPerItem<Change, ReadBack | undefined>(this, run, requests, settings, {
			send: async ({ payload }, pacer) => {
				await bigChangeRequest(this, connection, { method: 'PATCH', path: jobPath(payload.jobId), body: payload.body });
				return readAfter ? await readBack(this, connection, payload.jobId, pacer) : undefined;
			},
			settle: ({ itemIndex, payload }, read) => {
				if (read === undefined) {
					ledger.succeed(itemIndex, { jobId: payload.jobId, updated: true, changes: payload.body });
				} else if ('job' in read) {
					ledger.succeed(itemIndex, read.job);
				} else {
					const error = bigChangeError(node, read.error, { operation: 'get', itemIndex, jobId: payload.jobId, pastedToken: connection.pastedToken });
					error.message = `Job ${payload.jobId} was updated, but reading it back failed: ${error.message.replace(/^Job \d+:? ?/, '').replace(/[.\s]+$/, '')}. The update itself was applied; running the item again is safe`;
					ledger.fail(itemIndex, error, { jobId: payload.jobId, updated: true });
				}
			},
			fail: ({ itemIndex, payload }, error) => {
				const context = { operation: 'update' as const, itemIndex, jobId: payload.jobId, sent: payload.body, pastedToken: connection.pastedToken };
				ledger.fail(itemIndex, bigChangeError(node, error, context), { jobId: payload.jobId });
			},
		});
	}
	return run.finish();
}
