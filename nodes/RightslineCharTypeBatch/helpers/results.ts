import type { IDataObject } from 'n8n-workflow';

import type { Entry, RelationshipEntry } from './entries';

/** One entry of `batchResults.records[charTypeId]` or `batchResults.relationships`. */
export interface ResultEntry {
	record?: IDataObject;
	relationship?: IDataObject;
	code?: number;
	message?: string;
	id?: number;
	referenceId?: string;
}

/** `GET /v4/batch/:id` as documented; `batchResults` may be missing or null while the batch runs. */
export interface BatchAnswer {
	batchId?: number;
	batchStatus?: string;
	batchResults?: { records?: Record<string, ResultEntry[] | undefined> | null; relationships?: ResultEntry[] | null } | null;
}

export type Match =
	| { kind: 'result'; result: ResultEntry }
	/** A relationship to a record that does not exist is reported as that record, under its char type. */
	| { kind: 'missing-link'; result: ResultEntry; side: 'parent' | 'child'; charTypeId: number; recordId: number };

interface Candidate {
	result: ResultEntry;
	/** The char type key it was listed under; undefined for the relationships list. */
	charTypeId?: string;
	claimed: boolean;
}

const ID_METHODS = new Set(['GET', 'PUT', 'DELETE', 'EXECUTE-WORKFLOW']);

function num(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function candidatesOf(answer: BatchAnswer): { records: Candidate[]; relationships: Candidate[] } {
	const records: Candidate[] = [];
	for (const [charTypeId, list] of Object.entries(answer.batchResults?.records ?? {})) {
		for (const result of Array.isArray(list) ? list : []) records.push({ result, charTypeId, claimed: false });
	}
	const relationships = (answer.batchResults?.relationships ?? []).map((result) => ({ result, claimed: false }));
	return { records, relationships };
}

function claim(candidate: Candidate | undefined): ResultEntry | undefined {
	if (!candidate) return undefined;
	candidate.claimed = true;
	return candidate.result;
}

function matchLink(entry: RelationshipEntry, records: Candidate[], relationships: Candidate[]): Match | undefined {
	const p = entry.payload;
	const linked = claim(
		relationships.find((c) => {
			const rel = (c.result.relationship ?? {}) as IDataObject;
			return !c.claimed && num(rel.parentRecordId) === p.parentRecordId && num(rel.childRecordId) === p.childRecordId;
		}),
	);
	if (linked) return { kind: 'result', result: linked };
	for (const side of ['parent', 'child'] as const) {
		const charTypeId = p[`${side}CharTypeId`] as number;
		const recordId = p[`${side}RecordId`] as number;
		const missing = claim(records.find((c) => !c.claimed && c.charTypeId === String(charTypeId) && num(c.result.id) === recordId && (c.result.code ?? 0) >= 400));
		if (missing) return { kind: 'missing-link', result: missing, side, charTypeId, recordId };
	}
	return undefined;
}

/** A relationship's result listed under a char type is the record at one of its ends that does not exist. */
function missingLink(entry: RelationshipEntry, result: ResultEntry, charTypeId: string): Match {
	const p = entry.payload;
	const child = String(p.childCharTypeId) === charTypeId && num(result.id) === p.childRecordId;
	const side = child ? 'child' : 'parent';
	return { kind: 'missing-link', result, side, charTypeId: Number(charTypeId), recordId: num(result.id) ?? (p[`${side}RecordId`] as number) };
}

/**
 * Pairs Rightsline's per-record results with the entries sent, since neither order nor a
 * `referenceId` on every result is promised: by `referenceId` first (documented for failures),
 * then by record ID for methods that name one, relationships by their IDs or ends, then by title,
 * and finally by position among what is left of a char type, only when the counts agree. An entry
 * with no result is left out of the map rather than guessed at.
 */
export function matchBatchResults(entries: readonly Entry[], answer: BatchAnswer): Map<Entry, Match> {
	const { records, relationships } = candidatesOf(answer);
	const all = [...records, ...relationships];
	const matches = new Map<Entry, Match>();
	const settle = (entry: Entry, result: ResultEntry | undefined) => {
		if (result) matches.set(entry, { kind: 'result', result });
	};

	const byReference = new Map<string, Candidate[]>();
	for (const candidate of all) {
		const ref = candidate.result.referenceId;
		if (ref === undefined || ref === null) continue;
		const list = byReference.get(String(ref));
		if (list) list.push(candidate);
		else byReference.set(String(ref), [candidate]);
	}
	for (const entry of entries) {
		const candidate = byReference.get(entry.referenceId)?.find((c) => !c.claimed);
		const result = claim(candidate);
		if (result && entry.kind === 'relationship' && candidate?.charTypeId !== undefined) matches.set(entry, missingLink(entry, result, candidate.charTypeId));
		else settle(entry, result);
	}

	for (const entry of entries) {
		if (matches.has(entry)) continue;
		const id = entry.payload.id;
		if (entry.kind === 'record' && ID_METHODS.has(entry.method)) {
			settle(entry, claim(records.find((c) => !c.claimed && c.charTypeId === String(entry.charTypeId) && num(c.result.id) === id)));
		} else if (entry.kind === 'relationship' && entry.method !== 'POST') {
			settle(entry, claim(relationships.find((c) => !c.claimed && num(c.result.id) === id)));
		} else if (entry.kind === 'relationship') {
			const link = matchLink(entry, records, relationships);
			if (link) matches.set(entry, link);
		}
	}

	// A result that carries someone else's referenceId is not ours to guess about.
	const unlabelled = (c: Candidate) => !c.claimed && (c.result.referenceId === undefined || c.result.referenceId === null);
	const open = entries.filter((entry) => !matches.has(entry) && entry.kind === 'record');
	for (const entry of open) {
		const title = entry.payload.title;
		if (typeof title !== 'string' || entry.kind !== 'record') continue;
		const keys = [String(entry.charTypeId), String(entry.payload.charTypeId ?? entry.charTypeId)];
		const twins = open.filter((other) => other.kind === 'record' && other.charTypeId === entry.charTypeId && other.payload.title === title);
		const sameTitle = records.filter((c) => unlabelled(c) && keys.includes(c.charTypeId ?? '') && c.result.record?.title === title);
		// Only a title that names one record on each side identifies it.
		if (twins.length === 1 && sameTitle.length === 1) settle(entry, claim(sameTitle[0]));
	}

	const leftByType = new Map<string, Entry[]>();
	for (const entry of entries) {
		if (matches.has(entry) || entry.kind !== 'record') continue;
		const list = leftByType.get(String(entry.charTypeId));
		if (list) list.push(entry);
		else leftByType.set(String(entry.charTypeId), [entry]);
	}
	for (const [charTypeId, left] of leftByType) {
		const pool = records.filter((c) => unlabelled(c) && c.charTypeId === charTypeId);
		if (pool.length !== left.length) continue;
		left.forEach((entry, position) => settle(entry, claim(pool[position])));
	}
	return matches;
}
