import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { ItemLedger, ItemParameter } from '../../../shared';
import { bigChangeError } from '../../errors';
import { readJobId } from '../../job-id';
import { prepareAll, refusalError, REQUEST_DEFAULTS, sendPerItem, type RequestSettings } from '../../run';
import { bigChangeConnection, bigChangeRequest, jobPath } from '../../transport';
import { jobLocator, requestOptions } from './shared.description';

export const description: INodeProperties[] = [
	jobLocator(['get']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['job'], operation: ['get'] } },
		options: requestOptions,
	},
];

/** GET /v1/jobs/{jobId} per item; the job as BigChange answers it. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const items = this.getInputData();
	const ledger = new ItemLedger(items.length, node);
	const options = this.getNodeParameter('options', 0, {}) as RequestSettings;
	const jobId = new ItemParameter<INodeParameterResourceLocator>(this, node, 'jobId');
	const ready = prepareAll(this, ledger, (itemIndex) => {
		const job = readJobId(jobId.value(itemIndex, items[itemIndex]));
		return job.ok ? job.jobId : refusalError(this, itemIndex, { field: 'Job', problem: job.problem.replace(/^Job ID /, 'ID ') });
	});
	if (ready.length > 0) {
		const connection = await bigChangeConnection(this, (options.timeoutSeconds ?? REQUEST_DEFAULTS.timeoutSeconds) * 1000);
		await sendPerItem<number, IDataObject>(
			this,
			ready.map(({ itemIndex, prepared }) => ({ itemIndex, payload: prepared, idempotent: true })),
			options,
			{
				send: async ({ payload }) => await bigChangeRequest<IDataObject>(this, connection, { method: 'GET', path: jobPath(payload) }),
				settle: ({ itemIndex }, job) => ledger.succeed(itemIndex, job),
				fail: ({ itemIndex, payload }, error) =>
					ledger.fail(itemIndex, bigChangeError(node, error, { operation: 'get', itemIndex, jobId: payload, pastedToken: connection.pastedToken })),
			},
		);
	}
	const failure = ledger.firstFailure();
	if (failure && !this.continueOnFail()) throw failure;
	return ledger.toNodeOutput();
}
