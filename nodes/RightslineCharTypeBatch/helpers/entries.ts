import type { IDataObject } from 'n8n-workflow';

import { describeValue, isItemProblem, itemProblem, parsePositiveInteger, type ItemProblem } from '../../shared/item-problem';
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

/** An object from the Record parameter: an object, JSON text, or just an ID for methods that need no more. */
function toObject(value: unknown): IDataObject | ItemProblem {
	if (isObject(value)) return { ...value };
	const id = parsePositiveInteger(value);
	if (id !== undefined) return { id };
	if (typeof value === 'string' && /^\s*\{/.test(value)) {
		try {
			const parsed: unknown = JSON.parse(value);
			if (isObject(parsed)) return parsed;
		} catch {
			return itemProblem(`Record is not valid JSON: ${value.slice(0, 60)}`, 'record');
		}
	}
	return itemProblem(`Record must be a JSON object such as {"id": 100}, got ${describeValue(value)}`, 'record');
}

/** Checks `record[field]` is a positive whole number and stores it as a number; a problem otherwise. */
function requireId(record: IDataObject, field: string, what: string, label = `record.${field}`): ItemProblem | undefined {
	const id = parsePositiveInteger(record[field]);
	if (id === undefined) return itemProblem(`${label} must be the ${what} as a whole number, got ${describeValue(record[field])}`, label);
	record[field] = id;
	return undefined;
}

function firstProblem(...checks: Array<() => ItemProblem | undefined>): ItemProblem | undefined {
	for (const check of checks) {
		const found = check();
		if (found) return found;
	}
	return undefined;
}

function parseMethod(value: unknown): BatchMethod | ItemProblem {
	const method = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if ((BATCH_METHODS as readonly string[]).includes(method)) return method as BatchMethod;
	return itemProblem(`Method must be one of ${BATCH_METHODS.join(', ')}, got ${describeValue(value)}`, 'method');
}

function recordChecks(payload: IDataObject, method: BatchMethod, name: string): ItemProblem | undefined {
	switch (method) {
		case 'POST': {
			const template = payload.template;
			if (!isObject(template)) return itemProblem(`record.template.templateId is required to create a ${name}, got no template`, 'record.template.templateId');
			payload.template = { ...template };
			return requireId(payload.template as IDataObject, 'templateId', 'template ID', 'record.template.templateId');
		}
		case 'EXECUTE-WORKFLOW':
			return firstProblem(
				() => requireId(payload, 'id', `ID of the ${name}`),
				() => requireId(payload, 'actionId', 'workflow action ID'),
			);
		case 'COPY': {
			const missing = requireId(payload, 'id', `ID of the ${name} to copy`);
			if (missing || payload.charTypeId === undefined || payload.charTypeId === null) return missing;
			const target = parseCharType(payload.charTypeId);
			if (target === undefined) return itemProblem(`record.charTypeId (the char type to copy to) must be a char type ID, got ${describeValue(payload.charTypeId)}`, 'record.charTypeId');
			payload.charTypeId = target;
			return undefined;
		}
		default:
			return requireId(payload, 'id', `ID of the ${name}`);
	}
}

function recordEntry(input: EntryInput, method: BatchMethod): RecordEntry | ItemProblem {
	const { itemIndex } = input;
	const charTypeId = parseCharType(input.charType);
	if (charTypeId === undefined) {
		return itemProblem(`Char Type must be a char type ID (e.g. 4) or name (e.g. deal), got ${describeValue(input.charType)}`, 'charType');
	}
	const payload = toObject(input.record);
	if (isItemProblem(payload)) return payload;
	const invalid = recordChecks(payload, method, charTypeName(charTypeId));
	if (invalid) return invalid;
	payload.referenceId = referenceIdFor(itemIndex);
	return { kind: 'record', itemIndex, method, charTypeId, payload, referenceId: referenceIdFor(itemIndex) };
}

function relationshipEntry(input: EntryInput, method: BatchMethod): RelationshipEntry | ItemProblem {
	const { itemIndex } = input;
	if (!RELATIONSHIP_METHODS.includes(method)) {
		return itemProblem(`a batch can retrieve (GET), create (POST) or delete (DELETE) relationships, not ${method}`, 'method');
	}
	const payload = toObject(input.record);
	if (isItemProblem(payload)) return payload;
	const invalid =
		method === 'POST'
			? firstProblem(
					() => requireId(payload, 'parentCharTypeId', 'char type ID of the parent'),
					() => requireId(payload, 'parentRecordId', 'ID of the parent record'),
					() => requireId(payload, 'childCharTypeId', 'char type ID of the child'),
					() => requireId(payload, 'childRecordId', 'ID of the child record'),
				)
			: requireId(payload, 'id', 'relationship ID');
	if (invalid) return invalid;
	payload.referenceId = referenceIdFor(itemIndex);
	return { kind: 'relationship', itemIndex, method, payload, referenceId: referenceIdFor(itemIndex) };
}

/** The batch entry for one item, or the reason it cannot be sent, naming the item and the field. */
export function buildEntry(input: EntryInput): Entry | ItemProblem {
	const method = parseMethod(input.method);
	if (isItemProblem(method)) return method;
	const kind = typeof input.kind === 'string' ? input.kind.trim().toLowerCase() : input.kind;
	if (kind === 'relationship') return relationshipEntry(input, method);
	if (kind === 'record') return recordEntry(input, method);
	return itemProblem(`Send Items As must be "record" or "relationship", got ${describeValue(input.kind)}`, 'sendAs');
}
