import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { ItemParameter, ItemRun, itemProblem, readRequestOptions } from '../../../shared';
import { readJobId } from '../../helpers/job-id';
import { BIGCHANGE_REQUESTS } from '../../helpers/request-profile';
import { sendPerItem } from '../../helpers/send-per-item';
import { bigChangeConnection, bigChangeRequest, jobPath } from '../../transport';
import { bigChangeError } from '../../transport/errors';
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
	const run = ItemRun.start(this, { succeeded: 'read', readOnly: true });
	const { node, ledger } = run;
	const settings = readRequestOptions(this.getNodeParameter('options', 0, {}) as IDataObject, BIGCHANGE_REQUESTS);
	const jobId = new ItemParameter<INodeParameterResourceLocator>(this, node, 'jobId');
	const ready = run.check((itemIndex, item) => {
		const job = readJobId(jobId.value(itemIndex, item));
		return job.ok ? job.jobId : itemProblem(job.problem, 'jobId');
	});
	if (ready.length > 0) {
		const connection = await bigChangeConnection(this, settings.timeoutSeconds * 1000);
		await sendPerItem<number, IDataObject>(
			this,
			run,
			ready.map(({ itemIndex, value }) => ({ itemIndex, payload: value, idempotent: true })),
			settings,
			{
				send: async ({ payload }) => await bigChangeRequest<IDataObject>(this, connection, { method: 'GET', path: jobPath(payload) }),
				settle: ({ itemIndex }, job) => ledger.succeed(itemIndex, job),
				fail: ({ itemIndex, payload }, error) =>
					ledger.fail(itemIndex, bigChangeError(node, error, { operation: 'get', itemIndex, jobId: payload, pastedToken: connection.pastedToken }), {
						jobId: payload,
					}),
			},
		);
	}
	return run.finish();
}
