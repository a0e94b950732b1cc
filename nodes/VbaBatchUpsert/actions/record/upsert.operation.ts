import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';

import { BatchBuilder } from '../../../shared/batch-builder';
import { dispatchBatches, type Batch } from '../../../shared/dispatch';
import { toNodeApiError } from '../../../shared/errors';
import { ItemParameter } from '../../../shared/item-parameter';
import { ItemLedger } from '../../../shared/ledger';
import { RequestPacer } from '../../../shared/pacer';
import { buildPath, type VbaEntity } from '../../catalog';
import { entityFromParameter } from '../../methods/entity-parameter';
import { awaitsAssignedKey } from '../../multi-status';
import { settleBatch } from '../../settle-batch';
import { putBatch, vbaConnection } from '../../transport';
import { RecordProblem, RecordValidator, type UnknownFieldPolicy } from '../../validation';

export { upsertDescription as description } from './upsert.description';

interface UpsertOptions {
	batchSize?: number;
	concurrency?: number;
	requestsPerSecond?: number;
	timeoutSeconds?: number;
	unknownFields?: UnknownFieldPolicy;
	output?: 'merge' | 'result';
}

interface Prepared {
	path: string;
	record: IDataObject;
}

/** VBAPI's documented limit is 25 requests/s sustained with bursts of 50 per API key. */
const VBA_BURST = 50;

/** Parent keys from the Parent Keys parameter, falling back to the record's own field of that name. */
function parentKeys(
	readers: Readers,
	entity: VbaEntity,
	itemIndex: number,
	item: INodeExecutionData,
	input: IDataObject,
): { params: Record<string, string | number>; record: IDataObject } {
	const given = readers.parentKeys.value(itemIndex, item);
	const params: Record<string, string | number> = {};
	const record = { ...input };
	for (const param of entity.pathParams) {
		const fromParameter = given.find((key) => key.name === param.name)?.value;
		const fromRecord = param.field ? input[param.field] : undefined;
		const value = fromParameter !== undefined && fromParameter !== '' ? fromParameter : fromRecord;
		if (value === undefined || value === null || value === '') continue;
		params[param.name] = value as string | number;
		// The parent key travels in the path and, where the entity has the field, in the record too.
		if (param.field && (fromRecord === undefined || fromRecord === '')) record[param.field] = value as string | number;
	}
	return { params, record };
}

/**
 * The per-item parameters. Parent keys are read without the expression engine where that gives the
 * same value; mapped columns always go through getNodeParameter, which also checks them against the
 * resource mapper's schema.
 */
interface Readers {
	columns?: (itemIndex: number) => IDataObject;
	parentKeys: ItemParameter<Array<{ name: string; value: string }>>;
}

function prepare(
	readers: Readers,
	node: INode,
	entity: VbaEntity,
	validator: RecordValidator,
	item: INodeExecutionData,
	itemIndex: number,
): Prepared | NodeOperationError {
	const mapped = readers.columns ? readers.columns(itemIndex) : item.json;
	let input = mapped;
	let params: Record<string, string | number> = {};
	if (entity.pathParams.length > 0) ({ params, record: input } = parentKeys(readers, entity, itemIndex, item, mapped));

	const check = validator.check(input);
	if (check instanceof RecordProblem) {
		return new NodeOperationError(node, `Item ${itemIndex}: ${check.message}`, {
			itemIndex,
			description: `Nothing was sent for this item. Field: ${check.field}. Entity: ${entity.displayName} (${entity.id}).`,
		});
	}
	if (entity.pathParams.length === 0) return { path: entity.id, record: check };
	const missing = entity.pathParams.filter((param) => params[param.name] === undefined).map((param) => param.name);
	if (missing.length > 0) {
		return new NodeOperationError(node, `Item ${itemIndex}: parent key ${missing.join(', ')} is missing`, {
			itemIndex,
			description: `${entity.displayName} is nested under ${entity.id}; set the parent key under Parent Keys or in the item.`,
		});
	}
	return { path: buildPath(entity, params), record: check };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	// getNode() deep-copies the node on every call; once per run, not once per item.
	const node = this.getNode();
	const ledger = new ItemLedger(items.length, node);
	const locator = this.getNodeParameter('entity', 0) as INodeParameterResourceLocator;
	const entity = entityFromParameter(this, locator);
	if (!entity) throw new NodeOperationError(node, 'Choose the VBAPI entity to create or update');
	const options = this.getNodeParameter('options', 0, {}) as UpsertOptions;
	const autoMap = this.getNodeParameter('columns.mappingMode', 0, 'autoMapInputData') === 'autoMapInputData';
	const validator = new RecordValidator(entity, options.unknownFields ?? 'drop');
	const readers: Readers = {
		columns: autoMap ? undefined : (itemIndex) => this.getNodeParameter('columns.value', itemIndex, {}) as IDataObject,
		parentKeys: new ItemParameter<Array<{ name: string; value: string }>>(this, node, 'parentKeys.key', []),
	};
	const mergeInput = (options.output ?? 'merge') === 'merge';

	// Every item is checked before anything is sent, so a bad item cannot leave half a run applied.
	const builder = new BatchBuilder<IDataObject>(options.batchSize ?? 100);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let prepared: Prepared | NodeOperationError;
		try {
			prepared = prepare(readers, node, entity, validator, items[itemIndex], itemIndex);
		} catch (error) {
			prepared = new NodeOperationError(node, error as Error, { itemIndex });
		}
		if (prepared instanceof NodeOperationError) {
			ledger.fail(itemIndex, prepared);
			continue;
		}
		builder.add(prepared.path, itemIndex, prepared.record);
	}
	const invalid = ledger.firstFailure();
	if (invalid && !this.continueOnFail()) throw invalid;

	const batches: Array<Batch<{ path: string; records: IDataObject[] }>> = builder.finish().map((batch) => ({
		itemIndexes: batch.itemIndexes,
		payload: { path: batch.group, records: batch.records },
		// A record with key 0 asks VBAPI to create it with a new key: sending it twice creates it twice.
		idempotent: !batch.records.some((record) => awaitsAssignedKey(record, entity.keyFields)),
	}));

	const connection = await vbaConnection(this, (options.timeoutSeconds ?? 30) * 1000);
	const requestsPerSecond = options.requestsPerSecond ?? 25;
	await dispatchBatches(batches, {
		concurrency: options.concurrency ?? 5,
		pacer: RequestPacer.forVendorLimit({ requestsPerSecond, burst: VBA_BURST }),
		signal: this.getExecutionCancelSignal?.(),
		send: async (batch) => await putBatch(this, connection, batch.payload.path, batch.payload.records),
		settle: (batch, response) => settleBatch({ ledger, node, entity, items, mergeInput }, batch, response),
		fail: (batch, error) => {
			for (const itemIndex of batch.itemIndexes) {
				ledger.fail(itemIndex, toNodeApiError(node, error, { itemIndex, action: `send a ${entity.displayName} batch` }));
			}
		},
	});

	const failure = ledger.firstFailure();
	if (failure && !this.continueOnFail()) throw failure;
	return ledger.toNodeOutput();
}
