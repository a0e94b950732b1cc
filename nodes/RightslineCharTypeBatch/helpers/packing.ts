import type { IDataObject } from 'n8n-workflow';

import { chunk } from '../../shared/chunk';
import type { BatchMethod, Entry } from './entries';

/** One `POST /v4/batch`: entries of one method, records keyed by char type ID. */
export interface PackedBatch {
	/** Position in the run, for messages ("batch 3 of 50"). */
	number: number;
	method: BatchMethod;
	entries: Entry[];
	body: IDataObject;
}

/** Rightsline processes at most 100 records and relationships per batch. */
export const MAX_BATCH_SIZE = 100;

function bodyOf(method: BatchMethod, entries: readonly Entry[], cancelIfRecordFails: boolean): IDataObject {
	const records: Record<string, IDataObject[]> = {};
	const relationships: IDataObject[] = [];
	for (const entry of entries) {
		if (entry.kind === 'relationship') relationships.push(entry.payload);
		else (records[String(entry.charTypeId)] ??= []).push(entry.payload);
	}
	const body: IDataObject = { method, batchOptions: { cancelIfRecordFails } };
	if (Object.keys(records).length > 0) body.records = records;
	if (relationships.length > 0) body.relationships = relationships;
	return body;
}

/**
 * Fills batches up to `batchSize`, one method per batch (Rightsline's rule) and in input order.
 * Char types share a batch: the 10-batches-per-client limit, not the record count, is what bounds
 * throughput, so 60 deals and 40 contacts travel as one batch rather than two.
 */
export function packBatches(entries: readonly Entry[], batchSize: number, cancelIfRecordFails: boolean): PackedBatch[] {
	const size = Math.min(MAX_BATCH_SIZE, Math.max(1, Math.floor(batchSize)));
	const byMethod = new Map<BatchMethod, Entry[]>();
	for (const entry of entries) {
		const list = byMethod.get(entry.method);
		if (list) list.push(entry);
		else byMethod.set(entry.method, [entry]);
	}
	const batches: PackedBatch[] = [];
	for (const [method, list] of byMethod) {
		for (const group of chunk(list, size)) {
			batches.push({ number: batches.length + 1, method, entries: group, body: bodyOf(method, group, cancelIfRecordFails) });
		}
	}
	return batches;
}
