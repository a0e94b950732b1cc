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

/** What the success output shows of one record's result (a type, so it is an IDataObject too). */
export type RecordSummary = {
	status: number;
	message: string;
	key: IDataObject;
	/** `key` when the result named the record's own key; `position` for a record awaiting a new key. */
	keyMatchedBy?: 'key' | 'position';
	/** Set when the node cannot be sure this result is this record's (see matchResults). */
	warning?: string;
	/** Input fields that are not fields of the entity, so were not sent (Unknown Fields: Drop). */
	droppedFields?: string[];
};

/** Field names differ in case and underscores between request (`job_ID`) and result (`Job_ID`). */
function normalise(name: string): string {
	return name.replace(/_/g, '').toLowerCase();
}

function isAssignedByServer(value: unknown): boolean {
	return value === 0 || value === '0';
}

const SEPARATOR = '\u0000';

/**
 * Reads the key values of results. Result key names are normalised once per distinct spelling, not
 * once per result: a 100,000-record run has 100,000 results but one or two spellings.
 */
class ResultKeys {
	private readonly positionOf = new Map<string, number>();

	private readonly normalisedKeys: string[];

	constructor(keyFields: readonly string[]) {
		this.normalisedKeys = keyFields.map(normalise);
	}

	/** The result's value for each key field, in key-field order; undefined where it has none. */
	values(result: VbaRecordResult): Array<string | undefined> {
		const values = new Array<string | undefined>(this.normalisedKeys.length);
		for (const pair of result.id ?? []) {
			const position = this.position(pair?.key);
			if (position >= 0) values[position] = String(pair.value ?? '');
		}
		return values;
	}

	/** Where a result's key name sits among the key fields; -1 for none. */
	private position(key: string | undefined): number {
		if (key === undefined) return -1;
		let position = this.positionOf.get(key);
		if (position === undefined) {
			position = this.normalisedKeys.indexOf(normalise(key));
			this.positionOf.set(key, position);
		}
		return position;
	}

	signature(result: VbaRecordResult): string | undefined {
		if (this.normalisedKeys.length === 1) return this.single(result);
		const values = this.values(result);
		for (const value of values) if (value === undefined) return undefined;
		return values.join(SEPARATOR);
	}

	/** `values(result)[0]` for a one-field key, without the array: the common case, once per record. */
	private single(result: VbaRecordResult): string | undefined {
		let value: string | undefined;
		for (const pair of result.id ?? []) {
			if (this.position(pair?.key) === 0) value = String(pair.value ?? '');
		}
		return value;
	}
}

function signatureOfRecord(record: IDataObject, keyFields: readonly string[]): string {
	if (keyFields.length === 1) return String(record[keyFields[0]] ?? '');
	return keyFields.map((field) => String(record[field] ?? '')).join(SEPARATOR);
}

/** A record whose integer key is 0 asks VBAPI to assign one, so the result carries a key it never had. */
export function awaitsAssignedKey(record: IDataObject, keyFields: readonly string[]): boolean {
	for (const field of keyFields) if (isAssignedByServer(record[field])) return true;
	return false;
}

/** Its key fields that the record did set (a parent key beside a server-assigned one) agree. */
function agreesOnSetKeys(record: IDataObject, keyFields: readonly string[], values: Array<string | undefined>): boolean {
	return keyFields.every((field, position) => isAssignedByServer(record[field]) || values[position] === String(record[field] ?? ''));
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

/** The record's result as the success output shows it. */
export function summarize(result: VbaRecordResult): RecordSummary {
	return { status: Number(result.status ?? 0), message: messageOf(result), key: keyOf(result) };
}

/**
 * VBAPI usually answers in the order it was sent. When every result carries its own record's key in
 * place, that is the match, found without building a lookup; otherwise the caller matches by key.
 */
function matchInPlace(
	records: readonly IDataObject[],
	keyFields: readonly string[],
	results: readonly VbaRecordResult[],
	resultKeys: ResultKeys,
): VbaRecordResult[] | undefined {
	if (keyFields.length === 0 || results.length !== records.length) return undefined;
	for (let index = 0; index < records.length; index++) {
		const record = records[index];
		if (awaitsAssignedKey(record, keyFields)) return undefined;
		if (resultKeys.signature(results[index]) !== signatureOfRecord(record, keyFields)) return undefined;
	}
	return results.slice();
}

/**
 * What the answer's records with known keys say about its order: `as-sent` when each came back at
 * the position it was sent in, `reordered` when one did not, `unknown` when there were none.
 */
export type AnswerOrder = 'as-sent' | 'reordered' | 'unknown';

export interface ResultMatch {
	/** Per record sent, its result; undefined where the answer has none for it (never a guess). */
	results: Array<VbaRecordResult | undefined>;
	/** Records that awaited a server-assigned key, so were matched by position rather than by key. */
	byPosition: ReadonlySet<number>;
	/** Of those, the ones whose result another record of the batch could own as well. */
	uncertain: ReadonlySet<number>;
	order: AnswerOrder;
}

const NONE: ReadonlySet<number> = new Set();

/** The key values a record awaiting a new key did set, with a mark where VBAPI assigns one. */
function setKeysOf(record: IDataObject, keyFields: readonly string[]): string {
	return keyFields.map((field) => (isAssignedByServer(record[field]) ? SEPARATOR : String(record[field] ?? ''))).join(SEPARATOR);
}

/**
 * Matches the 207's per-record results to the records sent, since VBAPI does not promise their
 * order: by key values first (in order, for a key sent twice), then records awaiting a
 * server-assigned key by position among the results left over whose other key fields agree with
 * theirs. A record with no result gets `undefined` rather than a guess.
 *
 * A result carries only key values, so a new record's result names its new key and nothing of the
 * record. Its match is sure only when no other new record of the batch sets the same key values
 * (one new record per job, say), or when the records with known keys show the answer is in the
 * order sent; otherwise it is reported `uncertain`, for the output to say so.
 */
export function matchResults(
	records: readonly IDataObject[],
	keyFields: readonly string[],
	results: readonly VbaRecordResult[],
): ResultMatch {
	const resultKeys = new ResultKeys(keyFields);
	const inPlace = matchInPlace(records, keyFields, results, resultKeys);
	if (inPlace) return { results: inPlace, byPosition: NONE, uncertain: NONE, order: 'as-sent' };
	const outcomes = new Array<VbaRecordResult | undefined>(records.length).fill(undefined);
	// Most keys are sent once: the first record with a key sits in `firstWithKey`, repeats queue behind it.
	const firstWithKey = new Map<string, number>();
	const repeats = new Map<string, number[]>();
	const positional: number[] = [];
	records.forEach((record, index) => {
		if (keyFields.length === 0 || awaitsAssignedKey(record, keyFields)) {
			positional.push(index);
			return;
		}
		const signature = signatureOfRecord(record, keyFields);
		if (!firstWithKey.has(signature)) firstWithKey.set(signature, index);
		else repeats.set(signature, [...(repeats.get(signature) ?? []), index]);
	});

	const leftover: VbaRecordResult[] = [];
	for (const result of results) {
		const signature = keyFields.length ? resultKeys.signature(result) : undefined;
		let index: number | undefined;
		if (signature !== undefined) {
			index = firstWithKey.get(signature);
			if (index !== undefined) firstWithKey.delete(signature);
			else index = repeats.get(signature)?.shift();
		}
		if (index === undefined) leftover.push(result);
		else outcomes[index] = result;
	}
	const order = answerOrder(records.length - positional.length, outcomes, results);
	const byPosition = new Set<number>();
	const uncertain = new Set<number>();
	const alike = new Map<string, number>();
	for (const index of positional) {
		const setKeys = setKeysOf(records[index], keyFields);
		alike.set(setKeys, (alike.get(setKeys) ?? 0) + 1);
	}
	for (const index of positional) {
		const at = leftover.findIndex((result) => agreesOnSetKeys(records[index], keyFields, resultKeys.values(result)));
		if (at < 0) continue;
		outcomes[index] = leftover.splice(at, 1)[0];
		byPosition.add(index);
		const inItsPlace = order === 'as-sent' && outcomes[index] === results[index];
		if (!inItsPlace && (alike.get(setKeysOf(records[index], keyFields)) ?? 0) > 1) uncertain.add(index);
	}
	return { results: outcomes, byPosition, uncertain, order };
}

function answerOrder(
	known: number,
	outcomes: ReadonlyArray<VbaRecordResult | undefined>,
	results: readonly VbaRecordResult[],
): AnswerOrder {
	if (known === 0) return 'unknown';
	if (outcomes.length !== results.length) return 'reordered';
	let seen = 0;
	for (let index = 0; index < outcomes.length; index++) {
		if (outcomes[index] === undefined) continue;
		if (outcomes[index] !== results[index]) return 'reordered';
		seen++;
	}
	return seen === known ? 'as-sent' : 'reordered';
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
