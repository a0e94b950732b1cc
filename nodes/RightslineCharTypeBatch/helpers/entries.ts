import type { IDataObject } from 'n8n-workflow';

import { charTypeName, parseCharType } from './char-types';

export const BATCH_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'EXECUTE-WORKFLOW', 'COPY'] as const;
export type BatchMethod = (typeof BATCH_METHODS)[number];

const RELATIONSHIP_METHODS: readonly BatchMethod[] = ['GET', 'POST', 'DELETE'];

interface EntryBase {
	itemIndex: number;
	method: BatchMethod;
	/** What goes into the batch, `referenceId` included. */
	payload: IDataObject;
	/** Set per record from the item index, so Rightsline's answer can be paired back. */
	referenceId: string;
}

export interface RecordEntry extends EntryBase {
	kind: 'record';
	charTypeId: number;
}

export interface RelationshipEntry extends EntryBase {
	kind: 'relationship';
}

export type Entry = RecordEntry | RelationshipEntry;

/** What one item asked for, as the node's parameters resolved it for that item. */
export interface EntryInput {
	itemIndex: number;
	method: unknown;
	kind: unknown;
	charType: unknown;
	record: unknown;
}

export function referenceIdFor(itemIndex: number): string {
	return `n8n-item-${itemIndex}`;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `${typeof value === 'string' ? 'text' : typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

/** A positive whole number, also from text such as "42"; undefined otherwise. */
function wholeNumber(value: unknown): number | undefined {
	const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Why an item cannot be sent, naming the item and the field. */
type Problem = { error: string };

function problem(error: string): Problem {
	return { error };
}

function isProblem(value: unknown): value is Problem {
	return isObject(value) && typeof value.error === 'string' && Object.keys(value).length === 1;
}

/** An object from the Record parameter: an object, JSON text, or just an ID for methods that need no more. */
function toObject(value: unknown, itemIndex: number): IDataObject | Problem {
	if (isObject(value)) return { ...value };
	const id = wholeNumber(value);
	if (id !== undefined) return { id };
	if (typeof value === 'string' && /^\s*\{/.test(value)) {
		try {
			const parsed: unknown = JSON.parse(value);
			if (isObject(parsed)) return parsed;
		} catch {
			return problem(`Item ${itemIndex}: Record is not valid JSON: ${value.slice(0, 60)}`);
		}
	}
	return problem(`Item ${itemIndex}: Record must be a JSON object such as {"id": 100}, got ${describe(value)}`);
}

/** Checks `record[field]` is a positive whole number and stores it as a number; a problem otherwise. */
function requireId(record: IDataObject, field: string, itemIndex: number, what: string, label = `record.${field}`): Problem | undefined {
	const id = wholeNumber(record[field]);
	if (id === undefined) return problem(`Item ${itemIndex}: ${label} must be the ${what} as a whole number, got ${describe(record[field])}`);
	record[field] = id;
	return undefined;
}

function firstProblem(...checks: Array<() => Problem | undefined>): Problem | undefined {
	for (const check of checks) {
		const found = check();
		if (found) return found;
	}
	return undefined;
}

function parseMethod(value: unknown, itemIndex: number): BatchMethod | Problem {
	const method = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if ((BATCH_METHODS as readonly string[]).includes(method)) return method as BatchMethod;
	return problem(`Item ${itemIndex}: Method must be one of ${BATCH_METHODS.join(', ')}, got ${describe(value)}`);
}

function recordChecks(payload: IDataObject, method: BatchMethod, itemIndex: number, name: string): Problem | undefined {
	switch (method) {
		case 'POST': {
			const template = payload.template;
			if (!isObject(template)) return problem(`Item ${itemIndex}: record.template.templateId is required to create a ${name}, got no template`);
			payload.template = { ...template };
			return requireId(payload.template as IDataObject, 'templateId', itemIndex, 'template ID', 'record.template.templateId');
		}
		case 'EXECUTE-WORKFLOW':
			return firstProblem(
				() => requireId(payload, 'id', itemIndex, `ID of the ${name}`),
				() => requireId(payload, 'actionId', itemIndex, 'workflow action ID'),
			);
		case 'COPY': {
			const missing = requireId(payload, 'id', itemIndex, `ID of the ${name} to copy`);
			if (missing || payload.charTypeId === undefined || payload.charTypeId === null) return missing;
			const target = parseCharType(payload.charTypeId);
			if (target === undefined) return problem(`Item ${itemIndex}: record.charTypeId (the char type to copy to) must be a char type ID, got ${describe(payload.charTypeId)}`);
			payload.charTypeId = target;
			return undefined;
		}
		default:
			return requireId(payload, 'id', itemIndex, `ID of the ${name}`);
	}
}

function recordEntry(input: EntryInput, method: BatchMethod): RecordEntry | Problem {
	const { itemIndex } = input;
	const charTypeId = parseCharType(input.charType);
	if (charTypeId === undefined) {
		return problem(`Item ${itemIndex}: Char Type must be a char type ID (e.g. 4) or name (e.g. deal), got ${describe(input.charType)}`);
	}
	const payload = toObject(input.record, itemIndex);
	if (isProblem(payload)) return payload;
	const invalid = recordChecks(payload, method, itemIndex, charTypeName(charTypeId));
	if (invalid) return invalid;
	payload.referenceId = referenceIdFor(itemIndex);
	return { kind: 'record', itemIndex, method, charTypeId, payload, referenceId: referenceIdFor(itemIndex) };
}

function relationshipEntry(input: EntryInput, method: BatchMethod): RelationshipEntry | Problem {
	const { itemIndex } = input;
	if (!RELATIONSHIP_METHODS.includes(method)) {
		return problem(`Item ${itemIndex}: a batch can retrieve (GET), create (POST) or delete (DELETE) relationships, not ${method}`);
	}
	const payload = toObject(input.record, itemIndex);
	if (isProblem(payload)) return payload;
	const invalid =
		method === 'POST'
			? firstProblem(
					() => requireId(payload, 'parentCharTypeId', itemIndex, 'char type ID of the parent'),
					() => requireId(payload, 'parentRecordId', itemIndex, 'ID of the parent record'),
					() => requireId(payload, 'childCharTypeId', itemIndex, 'char type ID of the child'),
					() => requireId(payload, 'childRecordId', itemIndex, 'ID of the child record'),
				)
			: requireId(payload, 'id', itemIndex, 'relationship ID');
	if (invalid) return invalid;
	payload.referenceId = referenceIdFor(itemIndex);
	return { kind: 'relationship', itemIndex, method, payload, referenceId: referenceIdFor(itemIndex) };
}

/** The batch entry for one item, or the reason it cannot be sent, naming the item and the field. */
export function buildEntry(input: EntryInput): Entry | Problem {
	const method = parseMethod(input.method, input.itemIndex);
	if (isProblem(method)) return method;
	const kind = typeof input.kind === 'string' ? input.kind.trim().toLowerCase() : input.kind;
	if (kind === 'relationship') return relationshipEntry(input, method);
	if (kind === 'record') return recordEntry(input, method);
	return problem(`Item ${input.itemIndex}: Send Items As must be "record" or "relationship", got ${describe(input.kind)}`);
}
