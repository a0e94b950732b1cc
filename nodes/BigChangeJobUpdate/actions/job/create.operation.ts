import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemLedger, ItemParameter } from '../../../shared';
import { buildCreateBody, type CustomFieldInput } from '../../changes';
import { bigChangeError } from '../../errors';
import { prepareAll, readBack, refusalError, REQUEST_DEFAULTS, sendPerItem, type ReadBack, type RequestSettings } from '../../run';
import { bigChangeConnection, bigChangeRequest } from '../../transport';

export { createDescription as description } from './create.description';

interface CreateOptions extends RequestSettings {
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
	const node = this.getNode();
	const items = this.getInputData();
	const ledger = new ItemLedger(items.length, node);
	const options = this.getNodeParameter('options', 0, {}) as CreateOptions;
	const typeId = new ItemParameter<unknown>(this, node, 'typeId', '');
	const contactId = new ItemParameter<unknown>(this, node, 'contactId', '');
	const fields = new ItemParameter<IDataObject>(this, node, 'additionalFields', {});
	const customFields = new ItemParameter<CustomFieldInput[]>(this, node, 'customFields.field', []);
	const ready = prepareAll(this, ledger, (itemIndex) => {
		const item = items[itemIndex];
		const built = buildCreateBody({
			typeId: typeId.value(itemIndex, item),
			contactId: contactId.value(itemIndex, item),
			fields: fields.value(itemIndex, item),
			customFields: customFields.value(itemIndex, item),
		});
		return built.ok ? built.body : refusalError(this, itemIndex, built);
	});
	if (ready.length > 0) {
		const connection = await bigChangeConnection(this, (options.timeoutSeconds ?? REQUEST_DEFAULTS.timeoutSeconds) * 1000);
		await sendPerItem<IDataObject, Created>(
			this,
			ready.map(({ itemIndex, prepared }) => ({ itemIndex, payload: prepared, idempotent: false })),
			options,
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
						ledger.fail(itemIndex, error);
					}
				},
				fail: ({ itemIndex, payload }, error) =>
					ledger.fail(itemIndex, bigChangeError(node, error, { operation: 'create', itemIndex, sent: payload, pastedToken: connection.pastedToken })),
			},
		);
	}
	const failure = ledger.firstFailure();
	if (failure && !this.continueOnFail()) throw failure;
	return ledger.toNodeOutput();
}
