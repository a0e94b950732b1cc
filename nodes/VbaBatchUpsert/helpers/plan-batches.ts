import type { IDataObject } from 'n8n-workflow';

import { BatchBuilder, type GroupedBatch } from '../../shared/batch-builder';
import type { Checked } from '../../shared/item-run';
import type { VbaEntity } from '../catalog';
import type { Prepared } from '../actions/record/prepare-item';
import { awaitsAssignedKey } from './multi-status';
import type { VbaBatch } from './settle-batch';

/** The requests of a run, and what settling their answers needs to know of each item. */
export interface BatchPlan {
	batches: VbaBatch[];
	/** 1 where the item's Output is Result Only. */
	resultOnly: Uint8Array;
	/** Unknown fields left out, by item index (only items that had some). */
	dropped: Map<number, string[]>;
}

/** Records of different entities, or of one entity under different parents, go in different requests. */
function groupOf(prepared: Prepared): string {
	return `${prepared.entity.id}\u0000${prepared.path}`;
}

/** A first batch of this many records or more sends its first record ahead alone (see probeFirst). */
export const PROBE_FROM = 10;

/**
 * The first request goes alone (an empty ID token logs in once, not once per lane, and a refused
 * login stops the run after one request) while every other batch waits for its answer. VBAPI's time
 * grows with the records in a batch (about 1 s for 100 on a busy server), so when other batches
 * wait behind a large first one, it carries one record: the wait is a round trip and one record's
 * time. Below PROBE_FROM records a batch's time is mostly the round trip, and it is sent whole.
 */
function probeFirst<R>(batches: Array<GroupedBatch<R>>): Array<GroupedBatch<R>> {
	const [first] = batches;
	if (batches.length < 2 || first.records.length < PROBE_FROM) return batches;
	const probe = { group: first.group, itemIndexes: first.itemIndexes.slice(0, 1), records: first.records.slice(0, 1) };
	const rest = { group: first.group, itemIndexes: first.itemIndexes.slice(1), records: first.records.slice(1) };
	return [probe, rest, ...batches.slice(1)];
}

export function planBatches(ready: ReadonlyArray<Checked<Prepared>>, itemCount: number, batchSize: number): BatchPlan {
	const resultOnly = new Uint8Array(itemCount);
	const dropped = new Map<number, string[]>();
	const builder = new BatchBuilder<IDataObject>(batchSize);
	const entityOfGroup = new Map<string, VbaEntity>();
	for (const { itemIndex, value } of ready) {
		if (value.resultOnly) resultOnly[itemIndex] = 1;
		if (value.dropped) dropped.set(itemIndex, value.dropped);
		const group = groupOf(value);
		entityOfGroup.set(group, value.entity);
		builder.add(group, itemIndex, value.record);
	}
	const batches = probeFirst(builder.finish()).map((batch): VbaBatch => {
		const entity = entityOfGroup.get(batch.group) as VbaEntity;
		return {
			itemIndexes: batch.itemIndexes,
			payload: { entity, path: batch.group.slice(batch.group.indexOf('\u0000') + 1), records: batch.records },
			// A record with key 0 asks VBAPI to create it with a new key: sending it twice creates it twice.
			idempotent: !batch.records.some((record) => awaitsAssignedKey(record, entity.keyFields)),
		};
	});
	return { batches, resultOnly, dropped };
}
