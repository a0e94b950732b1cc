import type { SimField } from './catalog';

export type NestedModels = ReadonlyMap<string, readonly SimField[]>;

export interface BoundRecord {
	/** Known fields only, by their catalog spelling, with numeric strings turned into numbers. */
	values: Record<string, unknown>;
	errors: string[];
	/** Fields named by an error. */
	invalid: Set<string>;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMERIC = /^\s*-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/;
const INTEGER = /^\s*-?\d+\s*$/;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Case-insensitive lookup, built once per entity rather than once per record. */
export function fieldIndex(fields: readonly SimField[]): Map<string, SimField> {
	return new Map(fields.map((f) => [f.name.toLowerCase(), f]));
}

/**
 * Binds a JSON record to the entity's fields the way ASP.NET Core's web JSON defaults do: property
 * names match case-insensitively, unknown properties are ignored, and numbers may arrive as numeric
 * strings. Every problem is reported, each naming its field, so one 400 tells the whole story.
 */
export function bindRecord(
	record: Record<string, unknown>,
	fields: readonly SimField[],
	index: Map<string, SimField>,
	models?: NestedModels,
	prefix = '',
): BoundRecord {
	const values: Record<string, unknown> = {};
	const errors: string[] = [];
	const invalid = new Set<string>();
	const fail = (field: SimField, message: string) => {
		errors.push(message);
		invalid.add(field.name);
	};
	for (const name of Object.keys(record)) {
		const field = index.get(name.toLowerCase());
		if (field) values[field.name] = record[name];
	}
	for (const field of fields) {
		const label = prefix + field.name;
		if (!(field.name in values)) {
			if (field.required) fail(field, `The ${label} field is required.`);
			continue;
		}
		const value = values[field.name];
		if (value === null) {
			if (!field.nullable) fail(field, `The ${label} field does not accept null.`);
			continue;
		}
		const checked = checkValue(field.type, value, label, models);
		if (checked.error) {
			fail(field, checked.error);
			continue;
		}
		values[field.name] = checked.value;
		if (typeof checked.value === 'string') {
			if (field.maxLength !== undefined && checked.value.length > field.maxLength) {
				fail(field, `The field ${label} must be a string with a maximum length of ${field.maxLength}.`);
			}
			if (field.minLength !== undefined && checked.value.length < field.minLength) {
				fail(field, `The field ${label} must be a string with a minimum length of ${field.minLength}.`);
			}
		}
	}
	return { values, errors, invalid };
}

interface Checked {
	value?: unknown;
	error?: string;
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return 'an array';
	if (value === null) return 'null';
	if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
	if (typeof value === 'object') return 'an object';
	return `${typeof value} ${String(value)}`;
}

function mismatch(label: string, expected: string, value: unknown): Checked {
	return { error: `The ${label} field must be ${expected}, not ${describe(value)}.` };
}

function checkValue(type: string, value: unknown, label: string, models: NestedModels | undefined): Checked {
	switch (type) {
		case 'string':
			return typeof value === 'string' ? { value } : mismatch(label, 'a string', value);
		case 'integer':
			if (typeof value === 'number' && Number.isSafeInteger(value)) return { value };
			if (typeof value === 'string' && INTEGER.test(value)) return { value: Number(value) };
			return mismatch(label, 'an integer', value);
		case 'number':
			if (typeof value === 'number' && Number.isFinite(value)) return { value };
			if (typeof value === 'string' && NUMERIC.test(value)) return { value: Number(value) };
			return mismatch(label, 'a number', value);
		case 'boolean':
			return typeof value === 'boolean' ? { value } : mismatch(label, 'true or false', value);
		case 'date-time':
			return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
				? { value }
				: mismatch(label, 'an ISO 8601 date-time', value);
		case 'date':
			return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
				? { value }
				: mismatch(label, 'an ISO 8601 date (yyyy-mm-dd)', value);
	}
	const container = /^(array|map)<(.+)>$/.exec(type);
	if (container) return checkContainer(container[1], container[2], value, label, models);
	if (type.startsWith('object:')) return checkObject(type.slice('object:'.length), value, label, models);
	// A type the simulator does not know is accepted as is rather than failing every record.
	return { value };
}

function checkContainer(kind: string, inner: string, value: unknown, label: string, models: NestedModels | undefined): Checked {
	if (kind === 'array') {
		if (!Array.isArray(value)) return mismatch(label, 'an array', value);
		const out: unknown[] = [];
		for (let i = 0; i < value.length; i++) {
			const checked = checkValue(inner, value[i], `${label}[${i}]`, models);
			if (checked.error) return checked;
			out.push(checked.value);
		}
		return { value: out };
	}
	if (!isPlainObject(value)) return mismatch(label, 'an object map', value);
	const out: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) {
		const checked = checkValue(inner, item, `${label}.${key}`, models);
		if (checked.error) return checked;
		out[key] = checked.value;
	}
	return { value: out };
}

function checkObject(model: string, value: unknown, label: string, models: NestedModels | undefined): Checked {
	if (!isPlainObject(value)) return mismatch(label, `a ${model} object`, value);
	const fields = models?.get(model);
	if (!fields) return { value };
	const bound = bindRecord(value, fields, fieldIndex(fields), models, `${label}.`);
	return bound.errors.length > 0 ? { error: bound.errors.join(' ') } : { value: bound.values };
}
