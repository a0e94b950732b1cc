import type { IDataObject } from 'n8n-workflow';

import { describeValue, itemProblem, type ItemProblem } from '../../shared';
import { isEmpty, toId, toMinutes, toText, toUuid, type Conversion } from './values';

export type JobFieldName = 'plannedDuration' | 'description' | 'reference' | 'personId' | 'orderNumber';

interface JobField {
	name: JobFieldName;
	label: string;
	/** The reference lets reference, personId and orderNumber be unset with null; the others only replaced. */
	clearable: boolean;
	convert: (value: unknown) => Conversion<string | number>;
}

/** In the order of BigChange's reference, which is also the order they are sent in. */
export const JOB_FIELDS: readonly JobField[] = [
	{ name: 'plannedDuration', label: 'Planned Duration', clearable: false, convert: toMinutes },
	{ name: 'description', label: 'Description', clearable: false, convert: toText },
	{ name: 'reference', label: 'Reference', clearable: true, convert: toText },
	{ name: 'personId', label: 'Person ID', clearable: true, convert: toUuid },
	{ name: 'orderNumber', label: 'Order Number', clearable: true, convert: toText },
];

const BY_NAME = new Map(JOB_FIELDS.map((field) => [field.name, field]));

/** What to do with a field the user added whose value comes out empty for an item. */
export type EmptyValuePolicy = 'keep' | 'clear' | 'fail';

export interface CustomFieldInput {
	definitionId?: unknown;
	change?: string;
	value?: unknown;
}

export interface UpdateInput {
	/** "Update Fields": each key present means "set this field". */
	set: IDataObject;
	/** "Clear Fields": names of fields to send as null. */
	clear: unknown;
	customFields: CustomFieldInput[];
	emptyValues: EmptyValuePolicy;
}

/** Why an item cannot be sent: the field (as the user sees it) and what is wrong with it. */
export interface Refusal {
	ok: false;
	field: string;
	problem: string;
}

export type BodyResult = { ok: true; body: IDataObject } | Refusal;
type ListResult = { ok: true; list: IDataObject[] } | Refusal;

function label(name: string): string {
	const field = BY_NAME.get(name as JobFieldName);
	return field ? `${field.label} (${name})` : name;
}

function fail(field: string, problem: string): Refusal {
	return { ok: false, field, problem };
}

/** "Clear Fields" arrives as a list, or as text when it comes from an expression. */
function clearList(clear: unknown): string[] | undefined {
	if (clear === undefined || clear === null || clear === '') return [];
	const list = typeof clear === 'string' ? clear.split(',') : Array.isArray(clear) ? clear : undefined;
	if (!list?.every((entry) => typeof entry === 'string')) return undefined;
	return (list as string[]).map((entry) => entry.trim()).filter((entry) => entry !== '');
}

function buildCustomFields(inputs: CustomFieldInput[], emptyValues: EmptyValuePolicy, allowClear: boolean): ListResult {
	const list: IDataObject[] = [];
	const seen = new Set<number>();
	for (const [position, input] of inputs.entries()) {
		const id = toId(input.definitionId);
		if (!id.ok) return fail(`Custom field #${position + 1} (Definition ID)`, id.problem);
		const name = `Custom field ${id.value}`;
		if (seen.has(id.value)) return fail(name, 'is listed twice; keep one entry per custom field');
		seen.add(id.value);
		if (allowClear && input.change === 'clear') {
			list.push({ definitionId: id.value, value: null });
			continue;
		}
		if (isEmpty(input.value)) {
			if (emptyValues === 'fail') return fail(name, 'has an empty value');
			if (emptyValues === 'clear' && allowClear) list.push({ definitionId: id.value, value: null });
			continue;
		}
		const text = toText(input.value);
		if (!text.ok) return fail(name, `value ${text.problem}`);
		list.push({ definitionId: id.value, value: text.value });
	}
	return { ok: true, list };
}

/**
 * The PATCH body for one item, where each field is in one of three states: not touched (left out,
 * BigChange keeps it), set (the converted value) or cleared (null). Nothing is sent for a field the
 * user did not add. Clear Fields wins over a mapped value, so one node can set a field for some items
 * and clear it for others by listing it per item (its mapped value is then not read at all).
 */
export function buildUpdateBody(input: UpdateInput): BodyResult {
	const cleared = clearList(input.clear);
	if (cleared === undefined) return fail('Clear Fields', `must be a list of field names, got ${describeValue(input.clear)}`);
	for (const name of cleared) {
		const field = BY_NAME.get(name as JobFieldName);
		if (!field) return fail('Clear Fields', `names "${name}", which is not a job field`);
		if (!field.clearable) return fail(label(name), 'cannot be cleared in BigChange, only replaced with a new value');
	}

	const body: IDataObject = {};
	for (const field of JOB_FIELDS) {
		if (cleared.includes(field.name)) {
			body[field.name] = null;
			continue;
		}
		if (!Object.prototype.hasOwnProperty.call(input.set, field.name)) continue;
		const value = input.set[field.name];
		if (isEmpty(value)) {
			if (input.emptyValues === 'fail') return fail(label(field.name), 'is empty');
			if (input.emptyValues === 'clear') {
				if (!field.clearable) return fail(label(field.name), 'is empty, and BigChange cannot clear it, only replace it');
				body[field.name] = null;
			}
			continue;
		}
		const converted = field.convert(value);
		if (!converted.ok) return fail(label(field.name), converted.problem);
		body[field.name] = converted.value;
	}

	const custom = buildCustomFields(input.customFields, input.emptyValues, true);
	if (!custom.ok) return custom;
	if (custom.list.length > 0) body.customFields = custom.list;
	return { ok: true, body };
}

export interface CreateInput {
	typeId: unknown;
	contactId: unknown;
	fields: IDataObject;
	customFields: CustomFieldInput[];
}

/** The POST body for one item: type and contact required, empty optional values left out. */
export function buildCreateBody(input: CreateInput): BodyResult {
	const body: IDataObject = {};
	for (const [name, text, value] of [
		['typeId', 'Job Type ID (typeId)', input.typeId],
		['contactId', 'Contact ID (contactId)', input.contactId],
	] as const) {
		if (isEmpty(value)) return fail(text, 'is required');
		const id = toId(value);
		if (!id.ok) return fail(text, id.problem);
		body[name] = id.value;
	}
	for (const field of JOB_FIELDS) {
		const value = input.fields[field.name];
		if (isEmpty(value)) continue;
		const converted = field.convert(value);
		if (!converted.ok) return fail(label(field.name), converted.problem);
		body[field.name] = converted.value;
	}
	const custom = buildCustomFields(input.customFields, 'keep', false);
	if (!custom.ok) return custom;
	if (custom.list.length > 0) body.customFields = custom.list;
	return { ok: true, body };
}

/** A refused item as the engine's ItemProblem: "Planned Duration (plannedDuration) must be …". */
export function refusalProblem(refusal: Refusal): ItemProblem {
	return itemProblem(`${refusal.field} ${refusal.problem}`, refusal.field);
}
