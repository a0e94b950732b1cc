import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { BatchBuilder } from '../../../shared/batch-builder';
import { dispatchBatches, type Batch } from '../../../shared/dispatch';
import { toNodeApiError } from '../../../shared/errors';
import { ItemLedger } from '../../../shared/ledger';
import { RequestPacer } from '../../../shared/pacer';
import type { VbaEntity } from '../../catalog';
import { awaitsAssignedKey } from '../../multi-status';
import { settleBatch, type VbaBatch } from '../../settle-batch';
import { putBatch, vbaConnection } from '../../transport';
import { ItemPreparer, Refused, type Prepared } from './prepare-item';

export { upsertDescription as description } from './upsert.description';

/**
 * Options that shape the run as a whole (how records are packed into requests and how fast they
 * go) rather than one item, so they are read once. Unknown Fields and Output are per item, read
 * by ItemPreparer.
 */
interface RunOptions {
	batchSize?: number;
	concurrency?: number;
	requestsPerSecond?: number;
	timeoutSeconds?: number;
}

/** VBAPI's documented limit is 25 requests/s sustained with bursts of 50 per API key. */
const VBA_BURST = 50;

/** Records of different entities, or of one entity under different parents, go in different requests. */
function groupOf(prepared: Prepared): string {
	return `${prepared.entity.id}\u0000${prepared.path}`;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	// getNode() deep-copies the node on every call; once per run, not once per item.
	const node = this.getNode();
	const ledger = new ItemLedger(items.length, node);
	const options = this.getNodeParameter('options', 0, {}) as RunOptions;
	// Fields has noDataExpression, so its mode is the same for every item.
	const autoMap = this.getNodeParameter('columns.mappingMode', 0, 'autoMapInputData') === 'autoMapInputData';
	const preparer = new ItemPreparer(this, node, autoMap);
	const resultOnly = new Uint8Array(items.length);
	const dropped = new Map<number, string[]>();

	// Every item is checked before anything is sent, so a bad item cannot leave half a run applied.
	const builder = new BatchBuilder<IDataObject>(options.batchSize ?? 100);
	const entityOfGroup = new Map<string, VbaEntity>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let prepared: Prepared | Refused;
		try {
			prepared = preparer.prepare(items[itemIndex], itemIndex);
		} catch (error) {
			prepared = new Refused(new NodeOperationError(node, error as Error, { itemIndex }));
		}
		if (prepared instanceof Refused) {
			ledger.fail(itemIndex, prepared.error, prepared.dropped ? { droppedFields: prepared.dropped } : undefined);
			continue;
		}
		if (prepared.resultOnly) resultOnly[itemIndex] = 1;
		if (prepared.dropped) dropped.set(itemIndex, prepared.dropped);
		const group = groupOf(prepared);
		entityOfGroup.set(group, prepared.entity);
		builder.add(group, itemIndex, prepared.record);
	}
	const invalid = ledger.firstFailure();
	if (invalid && !this.continueOnFail()) throw invalid;

	const batches: VbaBatch[] = builder.finish().map((batch) => {
		const entity = entityOfGroup.get(batch.group) as VbaEntity;
		return {
			itemIndexes: batch.itemIndexes,
			payload: { entity, path: batch.group.slice(batch.group.indexOf('\u0000') + 1), records: batch.records },
			// A record with key 0 asks VBAPI to create it with a new key: sending it twice creates it twice.
			idempotent: !batch.records.some((record) => awaitsAssignedKey(record, entity.keyFields)),
		};
	});

	const connection = await vbaConnection(this, (options.timeoutSeconds ?? 30) * 1000);
	const requestsPerSecond = options.requestsPerSecond ?? 25;
	await dispatchBatches(batches, {
		concurrency: options.concurrency ?? 5,
		pacer: RequestPacer.forVendorLimit({ requestsPerSecond, burst: VBA_BURST }),
		signal: this.getExecutionCancelSignal?.(),
		send: async (batch) => await putBatch(this, connection, batch.payload.path, batch.payload.records),
		settle: (batch, response) => settleBatch({ ledger, node, items, resultOnly, dropped }, batch, response),
		fail: (batch: Batch<VbaBatch['payload']>, error) => {
			for (const itemIndex of batch.itemIndexes) {
				const droppedFields = dropped.get(itemIndex);
				ledger.fail(
					itemIndex,
					toNodeApiError(node, error, { itemIndex, action: `send a ${batch.payload.entity.displayName} batch` }),
					droppedFields ? { droppedFields } : undefined,
				);
			}
		},
	});

	const failure = ledger.firstFailure();
	if (failure && !this.continueOnFail()) throw failure;
	return ledger.toNodeOutput();
}
