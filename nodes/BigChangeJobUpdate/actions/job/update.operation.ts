import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator } from 'n8n-workflow';

import { ItemLedger } from '../../../shared';
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

function prepare(context: IExecuteFunctions, emptyValues: EmptyValuePolicy, itemIndex: number): Change | ReturnType<typeof refusalError> {
	const job = readJobId(context.getNodeParameter('jobId', itemIndex) as INodeParameterResourceLocator);
	if (!job.ok) return refusalError(context, itemIndex, { field: 'Job', problem: job.problem.replace(/^Job ID /, 'ID ') });
	const built = buildUpdateBody({
		set: context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		clear: context.getNodeParameter('clearFields', itemIndex, []),
		customFields: context.getNodeParameter('customFields.field', itemIndex, []) as CustomFieldInput[],
		emptyValues,
	});
	return built.ok ? { jobId: job.jobId, body: built.body } : refusalError(context, itemIndex, built);
}

/** PATCH /v1/jobs/{jobId} per item, with only the fields the user touched. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const ledger = new ItemLedger(this.getInputData().length, node);
	const options = this.getNodeParameter('options', 0, {}) as UpdateOptions;
	const readAfter = options.output === 'job';
	const ready = prepareAll(this, ledger, (itemIndex) => prepare(this, options.emptyValues ?? 'keep', itemIndex));

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
