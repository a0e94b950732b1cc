import type { IDataObject } from 'n8n-workflow';

import { parseCharType } from './char-types';
import { BATCH_METHODS, type BatchMethod, type Entry } from './entries';

/** Stands for "char type not known" on an item that names none; no result is listed under it. */
export const UNKNOWN_CHAR_TYPE = 0;

/** Submit's `n8n-item-N`: N is the item's place in the run, which is its place in the batch. */
function submittedPosition(referenceId: string): number {
	const match = /^n8n-item-(\d+)$/.exec(referenceId);
	return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

/**
 * What Submit Batch tells about an entry it sent in batch `batchId`: on the item when it does not
 * wait, in a failed item's `details` when the batch was accepted but its outcome is not known
 * (the time limit, a lost status answer). Get Batch reads it back with `submittedEntry`.
 */
export function submittedFields(entry: Entry, batchId: number): IDataObject {
	return {
		batchId,
		method: entry.method,
		...(entry.kind === 'record' ? { charTypeId: entry.charTypeId } : { relationship: true }),
		referenceId: entry.referenceId,
	};
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The batch entry an item stands for when it carries what `submittedFields` gave it, on the item
 * itself or in a failed item's `details`; undefined when it carries no `referenceId`. Only what
 * the item says is known: no record ID or title, so its result is found by `referenceId`, else by
 * its position among the batch's items of its char type.
 */
export function submittedEntry(itemIndex: number, item: IDataObject): Entry | undefined {
	const json = item.referenceId === undefined && isObject(item.details) ? item.details : item;
	const referenceId = typeof json.referenceId === 'number' ? String(json.referenceId) : json.referenceId;
	if (typeof referenceId !== 'string' || referenceId.trim() === '') return undefined;
	const named = typeof json.method === 'string' ? json.method.trim().toUpperCase() : '';
	// Items from elsewhere may name no method; the messages then speak of processing the record.
	const method = ((BATCH_METHODS as readonly string[]).includes(named) ? named : '') as BatchMethod;
	if (json.relationship === true) return { kind: 'relationship', itemIndex, method, payload: {}, referenceId };
	return { kind: 'record', itemIndex, method, charTypeId: parseCharType(json.charTypeId) ?? UNKNOWN_CHAR_TYPE, payload: {}, referenceId };
}

/** In the order Submit put them into the batch, which is what matching by position relies on. */
export function inSubmitOrder(entries: readonly Entry[]): Entry[] {
	return [...entries].sort((a, b) => submittedPosition(a.referenceId) - submittedPosition(b.referenceId) || a.itemIndex - b.itemIndex);
}
