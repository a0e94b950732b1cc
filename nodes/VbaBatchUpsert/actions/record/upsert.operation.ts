import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { dispatchBatches } from '../../../shared/dispatch';
import { toNodeApiError } from '../../../shared/errors';
import { parsePositiveInteger } from '../../../shared/item-problem';
import { ItemRun } from '../../../shared/item-run';
import { sharedPacer } from '../../../shared/pacer-registry';
import { readRequestOptions } from '../../../shared/request-options';
import { planBatches } from '../../helpers/plan-batches';
import { VBA_LIMIT, VBA_REQUESTS } from '../../helpers/request-profile';
import { settleBatch } from '../../helpers/settle-batch';
import { putBatch, VBA_CREDENTIAL, vbaConnection } from '../../transport';
import { ItemPreparer } from './prepare-item';

export { upsertDescription as description } from './upsert.description';

/** Records per request unless Batch Size says otherwise; well under VBAPI's 30-second timeout. */
const DEFAULT_BATCH_SIZE = 100;

function batchSizeOf(run: ItemRun, options: IDataObject): number {
	if (options.batchSize === undefined) return DEFAULT_BATCH_SIZE;
	const size = parsePositiveInteger(options.batchSize);
	if (size === undefined) {
		throw new NodeOperationError(run.node, `Batch Size is ${JSON.stringify(options.batchSize)}; it must be a whole number of at least 1`);
	}
	return size;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = ItemRun.start(this, { succeeded: 'saved in VBAPI' });
	// Batch Size and the request options shape the run as a whole, so they are read once. Unknown
	// Fields and Output are per item, read by ItemPreparer.
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const requests = readRequestOptions(options, VBA_REQUESTS);
	const batchSize = batchSizeOf(run, options);
	// Fields has noDataExpression, so its mode is the same for every item.
	const autoMap = this.getNodeParameter('columns.mappingMode', 0, 'autoMapInputData') === 'autoMapInputData';
	const preparer = new ItemPreparer(this, run.node, autoMap);

	const ready = run.check((itemIndex, item) => preparer.prepare(item, itemIndex));
	const { batches, resultOnly, dropped } = planBatches(ready, run.items.length, batchSize);

	const connection = await vbaConnection(this, requests.timeoutSeconds * 1000);
	const settle = { ledger: run.ledger, node: run.node, items: run.items, resultOnly, dropped };
	await dispatchBatches(batches, {
		// Each lane's request that meets an expired ID token logs in again by itself: n8n's
		// httpRequestWithAuthentication refreshes per request (a 401 calls preAuthentication and
		// repeats once), so the node cannot hold the other lanes during one refresh. One expiry costs
		// at most one login per lane.
		concurrency: requests.concurrency,
		pacer: sharedPacer(run.node, VBA_CREDENTIAL, VBA_LIMIT, requests.requestsPerSecond, connection.baseUrl),
		signal: this.getExecutionCancelSignal?.(),
		stop: run.stop,
		send: async (batch) => await putBatch(this, connection, batch.payload.path, batch.payload.records),
		settle: (batch, response) => settleBatch(settle, batch, response),
		fail: (batch, error) => {
			const { entity } = batch.payload;
			for (const itemIndex of batch.itemIndexes) {
				const droppedFields = dropped.get(itemIndex);
				const apiError = toNodeApiError(run.node, error, {
					itemIndex,
					action: `send a ${entity.displayName} batch`,
					write: { idempotent: batch.idempotent, vendor: 'VBAPI', what: 'record' },
				});
				run.ledger.fail(itemIndex, apiError, droppedFields ? { droppedFields } : undefined);
			}
		},
	});
	return run.finish();
}
