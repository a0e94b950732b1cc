import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameterResourceLocator,
} from 'n8n-workflow';

import { ItemLedger, ItemParameter } from '../../../shared';
import { buildUpdateBody, type CustomFieldInput, type EmptyValuePolicy } from '../../changes';
import { bigChangeError } from '../../errors';
import { readJobId } from '../../job-id';
import { prepareAll, readBack, refusalError, REQUEST_DEFAULTS, sendPerItem, type ReadBack, type RequestSettings } from '../../run';
import { bigChangeConnection, bigChangeRequest, jobPath } from '../../transport';

export { updateDescription as description } from './update.description';

interface UpdateOptions extends RequestSettings {
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

function prepare(
	context: IExecuteFunctions,
	readers: ReturnType<typeof updateReaders>,
	emptyValues: EmptyValuePolicy,
	itemIndex: number,
	item: INodeExecutionData,
): Change | ReturnType<typeof refusalError> {
	const job = readJobId(readers.jobId.value(itemIndex, item));
	if (!job.ok) return refusalError(context, itemIndex, { field: 'Job', problem: job.problem.replace(/^Job ID /, 'ID ') });
	const built = buildUpdateBody({
		set: readers.set.value(itemIndex, item),
		clear: readers.clear.value(itemIndex, item),
		customFields: readers.customFields.value(itemIndex, item),
		emptyValues,
	});
	return built.ok ? { jobId: job.jobId, body: built.body } : refusalError(context, itemIndex, built);
}

/** PATCH /v1/jobs/{jobId} per item, with only the fields the user touched. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const items = this.getInputData();
	const ledger = new ItemLedger(items.length, node);
	const options = this.getNodeParameter('options', 0, {}) as UpdateOptions;
	const readAfter = options.output === 'job';
	const readers = updateReaders(this, node);
	const ready = prepareAll(this, ledger, (itemIndex) => prepare(this, readers, options.emptyValues ?? 'keep', itemIndex, items[itemIndex]));

	// An item whose mapped values were all empty has nothing to change: it is not sent at all.
	const requests = [];
	for (const { itemIndex, prepared } of ready) {
		if (Object.keys(prepared.body).length === 0) ledger.succeed(itemIndex, { jobId: prepared.jobId, updated: false, changes: {} });
		else requests.push({ itemIndex, payload: prepared, idempotent: true });
	}

	if (requests.length > 0) {
		const connection = await bigChangeConnection(this, (options.timeoutSeconds ?? REQUEST_DEFAULTS.timeoutSeconds) * 1000);
		await sendPerItem<Change, ReadBack | undefined>(this, requests, options, {
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
					ledger.fail(itemIndex, error);
				}
			},
			fail: ({ itemIndex, payload }, error) => {
				ledger.fail(
					itemIndex,
					bigChangeError(node, error, { operation: 'update', itemIndex, jobId: payload.jobId, sent: payload.body, pastedToken: connection.pastedToken }),
				);
			},
		});
	}

	const failure = ledger.firstFailure();
	if (failure && !this.continueOnFail()) throw failure;
	return ledger.toNodeOutput();
}
