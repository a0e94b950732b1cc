// Turns catalog.json's tuples into the accessor's objects. catalog.json is generated, but a hand edit or a
// catalog from an older format must fail with a clear message rather than misbehave later in a workflow.
// Kept apart from index.ts so the generator can run it on fresh output without importing catalog.json.
import type { VbaEntity, VbaField, VbaFieldType, VbaPathParam } from './index';
import { CATALOG_FORMAT_VERSION, FLAG_NULLABLE, FLAG_REQUIRED } from './format';

export interface DecodedCatalog {
	readonly source: string;
	readonly entities: readonly VbaEntity[];
	readonly models: ReadonlyMap<string, readonly VbaField[]>;
}

const SCALAR_TYPES: ReadonlySet<string> = new Set(['string', 'integer', 'number', 'boolean', 'date-time', 'date']);

/** True for the vendor catalog's type grammar: scalar | array<T> | map<T> | object:Model. */
export function isFieldType(type: string): type is VbaFieldType {
	if (SCALAR_TYPES.has(type)) return true;
	if (type.startsWith('object:')) return /^object:[A-Za-z_][A-Za-z0-9_]*$/.test(type);
	const container = /^(?:array|map)<(.+)>$/.exec(type);
	return container !== null && isFieldType(container[1]);
}

/** Validates the tuple layout and turns it into frozen objects; exported so the generator can self-check. */
export function decodeCatalog(raw: unknown): DecodedCatalog {
	if (!isRecord(raw)) throw corrupt('not an object');
	if (raw.v !== CATALOG_FORMAT_VERSION) {
		throw corrupt(`format version ${String(raw.v)}, expected ${CATALOG_FORMAT_VERSION}; regenerate it`);
	}
	if (typeof raw.src !== 'string') throw corrupt('src is not a string');
	if (!Array.isArray(raw.e)) throw corrupt('e is not an array');
	if (!isRecord(raw.m)) throw corrupt('m is not an object');

	const models = new Map<string, readonly VbaField[]>();
	for (const name of Object.keys(raw.m)) {
		models.set(name, decodeFields(raw.m[name], [], `model ${name}`));
	}
	const entities = raw.e.map((tuple: unknown, i: number) => decodeEntity(tuple, i));
	const ids = new Set<string>();
	for (const { id } of entities) {
		if (ids.has(id)) throw corrupt(`duplicate id ${id}`);
		ids.add(id);
	}
	return Object.freeze({ source: raw.src, entities: Object.freeze(entities), models });
}

function decodeEntity(tuple: unknown, position: number): VbaEntity {
	if (!Array.isArray(tuple) || tuple.length !== 6) throw corrupt(`entity #${position} is not a 6-tuple`);
	const [id, displayName, model, params, keys, fields] = tuple as unknown[];
	if (typeof id !== 'string' || typeof displayName !== 'string' || typeof model !== 'string') {
		throw corrupt(`entity #${position} has a non-string id, name or model`);
	}
	if (!isStringArray(keys) || keys.length === 0) throw corrupt(`${id}: key fields are not a non-empty string list`);
	if (!Array.isArray(params)) throw corrupt(`${id}: path params are not a list`);
	const pathParams = params.map((p: unknown): VbaPathParam => {
		if (!Array.isArray(p) || p.length !== 3) throw corrupt(`${id}: path param is not a 3-tuple`);
		const [name, type, field] = p as unknown[];
		if (typeof name !== 'string' || typeof type !== 'string' || !isFieldType(type)) {
			throw corrupt(`${id}: bad path param ${JSON.stringify(p)}`);
		}
		if (field !== null && typeof field !== 'string') throw corrupt(`${id}: path param ${name} has a bad field`);
		return Object.freeze({ name, type, field });
	});
	const decodedFields = decodeFields(fields, keys, id);
	if (decodedFields.length === 0) throw corrupt(`${id}: no fields`);
	return Object.freeze({
		id,
		displayName,
		model,
		pathParams: Object.freeze(pathParams),
		keyFields: Object.freeze(keys.slice()),
		fields: decodedFields,
	});
}

function decodeFields(list: unknown, keys: readonly string[], where: string): readonly VbaField[] {
	if (!Array.isArray(list)) throw corrupt(`${where}: fields are not a list`);
	const fields = list.map((tuple: unknown): VbaField => {
		if (!Array.isArray(tuple) || tuple.length < 3 || tuple.length > 5) {
			throw corrupt(`${where}: field ${JSON.stringify(tuple)} is not a 3- to 5-tuple`);
		}
		const [name, type, flags, maxLength, minLength] = tuple as unknown[];
		if (typeof name !== 'string' || typeof type !== 'string' || !isFieldType(type) || typeof flags !== 'number') {
			throw corrupt(`${where}: bad field ${JSON.stringify(tuple)}`);
		}
		const field: {
			name: string;
			type: VbaFieldType;
			required: boolean;
			nullable: boolean;
			maxLength?: number;
			minLength?: number;
			key: boolean;
		} = {
			name,
			type,
			required: (flags & FLAG_REQUIRED) !== 0,
			nullable: (flags & FLAG_NULLABLE) !== 0,
			key: keys.includes(name),
		};
		if (typeof maxLength === 'number') field.maxLength = maxLength;
		else if (maxLength !== undefined && maxLength !== null) throw corrupt(`${where}: ${name} has a bad maxLength`);
		if (typeof minLength === 'number') field.minLength = minLength;
		else if (minLength !== undefined) throw corrupt(`${where}: ${name} has a bad minLength`);
		return Object.freeze(field);
	});
	for (const key of keys) {
		if (!fields.some((f) => f.name === key)) throw corrupt(`${where}: key field ${key} is not a field`);
	}
	return Object.freeze(fields);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function corrupt(detail: string): Error {
	return new Error(`VBA entity catalog (catalog.json) is invalid: ${detail}`);
}
