import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemParameter, ItemRun, readRequestOptions, setFailureFacts } from '../../../shared';
import { buildCreateBody, refusalProblem, type CustomFieldInput } from '../../helpers/changes';
import { readBack, type ReadBack } from '../../helpers/read-back';
import { BIGCHANGE_REQUESTS } from '../../helpers/request-profile';
import { sendPerItem } from '../../helpers/send-per-item';
import { bigChangeConnection, bigChangeRequest } from '../../transport';
import { bigChangeError } from '../../transport/errors';

export { createDescription as description } from './create.description';

interface CreateOptions extends IDataObject {
	output?: 'summary' | 'job';
}

interface Created {
	jobId: number;
	read?: ReadBack;
}

/**
 * POST /v1/jobs per item. Never repeated once it may have reached BigChange (timeout, lost
 * connection, 500): a second POST would create a second job. 429 and 503 are repeated, since
 * BigChange did not act on those.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = ItemRun.start(this, { succeeded: 'created in BigChange' });
	const { node, ledger } = run;
	const options = this.getNodeParameter('options', 0, {}) as CreateOptions;
	const settings = readRequestOptions(options, BIGCHANGE_REQUESTS);
	const typeId = new ItemParameter<unknown>(this, node, 'typeId', '');
	const contactId = new ItemParameter<unknown>(this, node, 'contactId', '');
	const fields = new ItemParameter<IDataObject>(this, node, 'additionalFields', {});
	const customFields = new ItemParameter<CustomFieldInput[]>(this, node, 'customFields.field', []);
	const ready = run.check((itemIndex, item) => {
		const built = buildCreateBody({
			typeId: typeId.value(itemIndex, item),
			contactId: contactId.value(itemIndex, item),
			fields: fields.value(itemIndex, item),
			customFields: customFields.value(itemIndex, item),
		});
		return built.ok ? built.body : refusalProblem(built);
	});
	if (ready.length > 0) {
		const connection = await bigChangeConnection(this, settings.timeoutSeconds * 1000);
		await sendPerItem<IDataObject, Created>(
			this,
			run,
			ready.map(({ itemIndex, value }) => ({ itemIndex, payload: value, idempotent: false })),
			settings,
			{
				send: async ({ payload }, pacer) => {
					const answer = await bigChangeRequest<{ id?: number }>(this, connection, { method: 'POST', path: '/v1/jobs', body: payload });
					const jobId = Number(answer?.id);
					return { jobId, read: options.output === 'job' && jobId > 0 ? await readBack(this, connection, jobId, pacer) : undefined };
				},
				settle: ({ itemIndex, payload }, { jobId, read }) => {
					if (read === undefined) {
						ledger.succeed(itemIndex, { jobId, created: true, values: payload });
					} else if ('job' in read) {
						ledger.succeed(itemIndex, read.job);
					} else {
						const error = bigChangeError(node, read.error, { operation: 'get', itemIndex, jobId, pastedToken: connection.pastedToken });
						error.message = `Job ${jobId} was created, but reading it back failed: ${error.message.replace(/^Job \d+:? ?/, '').replace(/[.\s]+$/, '')}. Do not run this item again: that would create a second job`;
						// The job exists: Retry On Fail and the run summary must treat it as applied, not as failed.
						setFailureFacts(error, { sent: true, mayHaveBeenApplied: true });
						ledger.fail(itemIndex, error, { jobId, created: true });
					}
				},
				fail: ({ itemIndex, payload }, error) =>
					ledger.fail(itemIndex, bigChangeError(node, error, { operation: 'create', itemIndex, sent: payload, pastedToken: connection.pastedToken })),
			},
		);
	}
	return run.finish();
}
