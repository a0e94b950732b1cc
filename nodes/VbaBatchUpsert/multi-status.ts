import type { IDataObject } from 'n8n-workflow';

/** One entry of the 207 body's `data` list, as VBAPI documents it. */
export interface VbaRecordResult {
	id?: Array<{ key?: string; value?: unknown }> | null;
	status?: number;
	body?: unknown;
}

export interface VbaMultiStatusEnvelope {
	data?: VbaRecordResult[] | null;
	error?: { title?: string | null; detail?: string | null; status?: number } | null;
}

/** What one sent record got back, matched to it. */
export type RecordOutcome =
	| { matched: true; status: number; message: string; key: IDataObject }
	| { matched: false; message: string };

/** Field names differ in case and underscores between request (`job_ID`) and result (`Job_ID`). */
function normalise(name: string): string {
	return name.replace(/_/g, '').toLowerCase();
}

function signatureOfRecord(record: IDataObject, keyFields: readonly string[]): string {
	return keyFields.map((field) => String(record[field] ?? '')).join('\u0000');
}

function resultKeyValues(result: VbaRecordResult): Map<string, string> {
	const values = new Map<string, string>();
	for (const pair of result.id ?? []) {
		if (pair?.key !== undefined) values.set(normalise(pair.key), String(pair.value ?? ''));
	}
	return values;
}

function signatureOfResult(result: VbaRecordResult, keyFields: readonly string[]): string | undefined {
	const values = resultKeyValues(result);
	const parts: string[] = [];
	for (const field of keyFields) {
		const value = values.get(normalise(field));
		if (value === undefined) return undefined;
		parts.push(value);
	}
	return parts.join('\u0000');
}

function isAssignedByServer(value: unknown): boolean {
	return value === 0 || value === '0';
}

/** A record whose integer key is 0 asks VBAPI to assign one, so the result carries a key it never had. */
function awaitsAssignedKey(record: IDataObject, keyFields: readonly string[]): boolean {
	return keyFields.some((field) => isAssignedByServer(record[field]));
}

/** Its key fields that the record did set (a parent key beside a server-assigned one) agree. */
function agreesOnSetKeys(record: IDataObject, keyFields: readonly string[], result: VbaRecordResult): boolean {
	const values = resultKeyValues(result);
	return keyFields.every(
		(field) => isAssignedByServer(record[field]) || values.get(normalise(field)) === String(record[field] ?? ''),
	);
}

function keyOf(result: VbaRecordResult): IDataObject {
	const key: IDataObject = {};
	for (const pair of result.id ?? []) {
		if (pair?.key !== undefined) key[pair.key] = pair.value as IDataObject[string];
	}
	return key;
}

function messageOf(result: VbaRecordResult): string {
	if (typeof result.body === 'string') return result.body;
	if (result.body === undefined || result.body === null) return '';
	return JSON.stringify(result.body);
}

/**
 * Matches the 207's per-record results to the records sent, since VBAPI does not promise their
 * order: by key values first (in order, for a key sent twice), then records awaiting a
 * server-assigned key by position among the results left over whose other key fields agree with
 * theirs. A record with no result is reported unmatched rather than guessed at.
 */
export function matchResults(
	records: readonly IDataObject[],
	keyFields: readonly string[],
	results: readonly VbaRecordResult[],
): RecordOutcome[] {
	const outcomes: Array<RecordOutcome | undefined> = new Array(records.length);
	const waitingByKey = new Map<string, number[]>();
	const positional: number[] = [];
	records.forEach((record, index) => {
		if (keyFields.length === 0 || awaitsAssignedKey(record, keyFields)) {
			positional.push(index);
			return;
		}
		const signature = signatureOfRecord(record, keyFields);
		const queue = waitingByKey.get(signature);
		if (queue) queue.push(index);
		else waitingByKey.set(signature, [index]);
	});

	const leftover: VbaRecordResult[] = [];
	for (const result of results) {
		const signature = keyFields.length ? signatureOfResult(result, keyFields) : undefined;
		const index = signature === undefined ? undefined : waitingByKey.get(signature)?.shift();
		if (index === undefined) leftover.push(result);
		else outcomes[index] = settled(result);
	}
	for (const index of positional) {
		const at = leftover.findIndex((result) => agreesOnSetKeys(records[index], keyFields, result));
		if (at >= 0) outcomes[index] = settled(leftover.splice(at, 1)[0]);
	}
	return outcomes.map(
		(outcome) => outcome ?? { matched: false, message: 'VBAPI returned no result for this record' },
	);
}

function settled(result: VbaRecordResult): RecordOutcome {
	return { matched: true, status: Number(result.status ?? 0), message: messageOf(result), key: keyOf(result) };
}

/** The 207 arrives labelled text/plain (a documented quirk), so the body may still be a string. */
export function parseMultiStatus(body: unknown): VbaMultiStatusEnvelope | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as VbaMultiStatusEnvelope).data)) {
		return undefined;
	}
	return parsed as VbaMultiStatusEnvelope;
}
