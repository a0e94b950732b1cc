import type { RecordStore, RlRecord, RlRelationship } from './records';
import type { RightslineSimSettings } from './settings';

export const BATCH_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'EXECUTE-WORKFLOW', 'COPY', 'CALCULATE-AMORTIZATION'] as const;
export type BatchMethod = (typeof BATCH_METHODS)[number];

/** Char type IDs the docs list (entities/char-types.md); 0 is the relationship. */
export const CHAR_TYPE_IDS = ['1', '2', '3', '4', '5', '7', '10', '13', '14', '15', '16', '17'];

/** One entry of `batchResults.records[charTypeId]` or `batchResults.relationships`. */
export interface ResultEntry {
	record?: RlRecord;
	relationship?: RlRelationship;
	code: number;
	message: string;
	id: number;
	referenceId?: string;
}

export interface BatchResults {
	records: Record<string, ResultEntry[]>;
	relationships: ResultEntry[];
}

export interface BatchInput {
	method: BatchMethod;
	cancelIfRecordFails: boolean;
	records: Record<string, unknown[]>;
	relationships: unknown[];
}

export interface OutcomeContext {
	store: RecordStore;
	settings: RightslineSimSettings;
	now: number;
	/** Workflow actions refused from any status ("Action N not available…"). */
	unavailableActions: ReadonlySet<number>;
	/** Reorders each result list; identity unless a test asks for shuffled answers. */
	reorder: <T>(list: T[]) => T[];
	/** Results left out of the answer (the record is still processed), to model partial answers. */
	omit?: (raw: unknown) => boolean;
}

type Bag = Record<string, unknown>;

/** Where an entry lands; a relationship to a missing record is reported under that record's char type. */
type Placement = { kind: 'records'; charTypeId: string } | { kind: 'relationships' };

interface Evaluated {
	placement: Placement;
	entry: ResultEntry;
	/** Performs the change once the batch is known to go ahead; returns the final entry. */
	apply?: () => ResultEntry;
}

const INVALID = 'Invalid Record.';
const NOT_FOUND = 'Record Not Found.';

function isBag(value: unknown): value is Bag {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function int(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function referenceOf(raw: unknown): string | undefined {
	if (!isBag(raw)) return undefined;
	const ref = raw.referenceId;
	return typeof ref === 'string' || typeof ref === 'number' ? String(ref) : undefined;
}

/** The JSON-in-a-string validation message of create.md's sample error response. */
function validationMessage(errors: string[]): string {
	return JSON.stringify({
		IsValid: false,
		IsLocked: false,
		IsDeletable: false,
		Errors: [{ Key: 'CharDataValidation', Value: errors }],
		HasConflicts: false,
		HasBlockingConflicts: false,
		DbValidationErrors: [],
	});
}

function unknownFields(context: OutcomeContext, charTypeId: string, characteristics: unknown): string[] {
	const allowed = context.settings.fields[charTypeId];
	if (!allowed || !isBag(characteristics)) return [];
	return Object.keys(characteristics)
		.filter((name) => !allowed.includes(name))
		.map((name) => `Invalid field found ${name}.`);
}

function fail(placement: Placement, code: number, message: string, id: number): Evaluated {
	return { placement, entry: { code, message, id } };
}

function evaluateRecord(method: BatchMethod, charTypeId: string, raw: unknown, context: OutcomeContext): Evaluated {
	const at: Placement = { kind: 'records', charTypeId };
	const { store, now } = context;
	if (!isBag(raw) || !CHAR_TYPE_IDS.includes(charTypeId)) return fail(at, 400, INVALID, 0);
	const id = int(raw.id);
	if (method === 'POST') {
		const templateId = isBag(raw.template) ? int(raw.template.templateId) : undefined;
		if (templateId === undefined || typeof raw.title !== 'string' || raw.title === '') return fail(at, 400, INVALID, 0);
		const invalid = unknownFields(context, charTypeId, raw.characteristics);
		if (invalid.length > 0) return fail(at, 400, validationMessage(invalid), 0);
		const title = raw.title;
		const characteristics = isBag(raw.characteristics) ? raw.characteristics : {};
		return {
			placement: at,
			entry: { code: 201, message: 'Created.', id: 0 },
			apply: () => {
				const record = store.create(charTypeId, { title, templateId, characteristics }, now);
				return { record, code: 201, message: 'Created.', id: record.id };
			},
		};
	}
	if (id === undefined) return fail(at, 400, INVALID, 0);
	const existing = store.get(charTypeId, id);
	if (!existing) return fail(at, 404, NOT_FOUND, id);
	if (store.isDenied(charTypeId, id)) return fail(at, 403, 'Access Denied.', id);
	const locked = store.isLocked(charTypeId, id);
	switch (method) {
		case 'GET':
			return { placement: at, entry: { record: existing, code: 200, message: 'Found.', id } };
		case 'DELETE':
			if (locked) return fail(at, 409, 'Record Locked.', id);
			return { placement: at, entry: { code: 200, message: 'Deleted.', id }, apply: () => (store.remove(charTypeId, id), { code: 200, message: 'Deleted.', id }) };
		case 'PUT': {
			if (locked) return fail(at, 409, 'Record Locked.', id);
			const invalid = unknownFields(context, charTypeId, raw.characteristics);
			if (invalid.length > 0) return fail(at, 400, validationMessage(invalid), id);
			const change = {
				title: typeof raw.title === 'string' ? raw.title : undefined,
				templateId: isBag(raw.template) ? int(raw.template.templateId) : undefined,
				characteristics: isBag(raw.characteristics) ? raw.characteristics : undefined,
			};
			return { placement: at, entry: { code: 200, message: 'Updated.', id }, apply: () => ({ record: store.update(charTypeId, id, change, now), code: 200, message: 'Updated.', id }) };
		}
		case 'EXECUTE-WORKFLOW': {
			const actionId = int(raw.actionId);
			if (actionId === undefined) return fail(at, 400, INVALID, id);
			if (locked) return fail(at, 409, 'Record Locked.', id);
			if (context.unavailableActions.has(actionId)) {
				return fail(at, 403, `Action ${actionId} not available to be taken from status ${existing.status.statusId}`, id);
			}
			return {
				placement: at,
				entry: { code: 200, message: 'Action Executed.', id },
				apply: () => ({ record: store.setStatus(charTypeId, id, actionId, now), code: 200, message: 'Action Executed.', id }),
			};
		}
		case 'COPY': {
			const target = raw.charTypeId === undefined ? charTypeId : String(raw.charTypeId);
			if (!CHAR_TYPE_IDS.includes(target)) return fail(at, 400, INVALID, id);
			const templateId = (isBag(raw.template) ? int(raw.template.templateId) : undefined) ?? existing.template.templateId;
			const title = typeof raw.title === 'string' && raw.title !== '' ? raw.title : existing.title;
			const characteristics = { ...existing.characteristics, ...(isBag(raw.characteristics) ? raw.characteristics : {}) };
			return {
				placement: at,
				entry: { code: 201, message: 'Copied.', id },
				apply: () => {
					const record = store.create(target, { title, templateId, characteristics }, now);
					return { record, code: 201, message: 'Copied.', id: record.id };
				},
			};
		}
		case 'CALCULATE-AMORTIZATION':
			return { placement: at, entry: { record: existing, code: 200, message: 'Action Executed.', id } };
	}
	return fail(at, 400, INVALID, id);
}

function evaluateRelationship(method: BatchMethod, raw: unknown, context: OutcomeContext): Evaluated {
	const at: Placement = { kind: 'relationships' };
	const { store, now } = context;
	if (!isBag(raw)) return fail(at, 400, INVALID, 0);
	if (method === 'POST') {
		const link = {
			parentCharTypeId: int(raw.parentCharTypeId),
			parentRecordId: int(raw.parentRecordId),
			childCharTypeId: int(raw.childCharTypeId),
			childRecordId: int(raw.childRecordId),
		};
		if (Object.values(link).some((value) => value === undefined)) return fail(at, 400, INVALID, 0);
		const full = link as { parentCharTypeId: number; parentRecordId: number; childCharTypeId: number; childRecordId: number };
		// Documented quirk (error-handling.md): the missing record is reported under records, by its char type.
		if (!store.get(full.parentCharTypeId, full.parentRecordId)) return fail({ kind: 'records', charTypeId: String(full.parentCharTypeId) }, 404, NOT_FOUND, full.parentRecordId);
		if (!store.get(full.childCharTypeId, full.childRecordId)) return fail({ kind: 'records', charTypeId: String(full.childCharTypeId) }, 404, NOT_FOUND, full.childRecordId);
		return {
			placement: at,
			entry: { code: 201, message: 'Created.', id: 0 },
			apply: () => {
				const relationship = store.relate(full, now);
				return { relationship, code: 201, message: 'Created.', id: relationship.id };
			},
		};
	}
	const id = int(raw.id);
	if (id === undefined || (method !== 'GET' && method !== 'DELETE')) return fail(at, 400, INVALID, id ?? 0);
	const existing = store.relationship(id);
	if (!existing) return fail(at, 404, NOT_FOUND, id);
	if (method === 'GET') return { placement: at, entry: { relationship: existing, code: 200, message: 'Found.', id } };
	return { placement: at, entry: { code: 200, message: 'Deleted.', id }, apply: () => (store.unrelate(id), { code: 200, message: 'Deleted.', id }) };
}

/**
 * Runs a batch against the store. With `cancelIfRecordFails` and any failure nothing is applied
 * and, as in create.md's sample, only the failed records are listed.
 */
export function runBatch(input: BatchInput, context: OutcomeContext): { status: 'Complete' | 'Cancelled' | 'Errored' | 'Error'; results: BatchResults } {
	const evaluated: Array<{ result: Evaluated; referenceId?: string; raw: unknown }> = [];
	for (const [charTypeId, list] of Object.entries(input.records)) {
		for (const raw of list) evaluated.push({ result: evaluateRecord(input.method, charTypeId, raw, context), referenceId: referenceOf(raw), raw });
	}
	for (const raw of input.relationships) evaluated.push({ result: evaluateRelationship(input.method, raw, context), referenceId: referenceOf(raw), raw });

	const failed = (entry: ResultEntry) => entry.code >= 300;
	const cancelled = input.cancelIfRecordFails && evaluated.some(({ result }) => failed(result.entry));
	const echo = context.settings.referenceIdEcho;
	const results: BatchResults = { records: {}, relationships: [] };
	for (const { result, referenceId, raw } of evaluated) {
		if (cancelled && !failed(result.entry)) continue;
		const entry = !cancelled && result.apply ? result.apply() : result.entry;
		if (context.omit?.(raw)) continue;
		const withReference = referenceId !== undefined && (echo === 'all' || (echo === 'failures' && failed(entry)));
		const listed = withReference ? { ...entry, referenceId } : entry;
		if (result.placement.kind === 'relationships') results.relationships.push(listed);
		else (results.records[result.placement.charTypeId] ??= []).push(listed);
	}
	for (const charTypeId of Object.keys(results.records)) results.records[charTypeId] = context.reorder(results.records[charTypeId]);
	results.relationships = context.reorder(results.relationships);
	return { status: cancelled ? context.settings.cancelledStatus : 'Complete', results };
}
