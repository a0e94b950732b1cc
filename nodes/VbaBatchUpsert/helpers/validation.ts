import type { IDataObject } from 'n8n-workflow';

import { describeValue } from '../../shared/item-problem';
import type { VbaEntity, VbaField } from '../catalog';

export type UnknownFieldPolicy = 'drop' | 'fail';

/** The note a failed item's message carries about the unknown fields left out of its record. */
export function droppedNote(entity: VbaEntity, dropped: readonly string[] | undefined): string {
	if (!dropped?.length) return '';
	return ` Not sent, as ${entity.displayName} has no such field${dropped.length === 1 ? '' : 's'}: ${dropped.join(', ')}.`;
}

/** What is wrong with a record: the field, and a sentence naming it. */
export class RecordProblem {
	constructor(
		readonly field: string,
		readonly message: string,
	) {}
}

/** The record ready to send (converted where needed), or its problem. */
export type RecordCheck = IDataObject | RecordProblem;

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Why a value does not fit its field. A class, so a good value needs no wrapper object around it. */
class Problem {
	constructor(readonly text: string) {}
}

/** A field's value converted to the catalog type where a person would expect it (CSV strings), or a Problem. */
type Conversion = unknown;

function convert(field: VbaField, value: unknown): Conversion {
	switch (field.type) {
		case 'string':
			if (typeof value === 'string') return checkLength(field, value);
			if (typeof value === 'number' || typeof value === 'boolean') return checkLength(field, String(value));
			return new Problem(`must be text, got ${describeValue(value)}`);
		case 'integer':
			if (typeof value === 'number' && Number.isInteger(value)) return value;
			if (typeof value === 'string' && INTEGER.test(value.trim())) return Number(value.trim());
			return new Problem(`must be a whole number, got ${describeValue(value)}`);
		case 'number':
			if (typeof value === 'number' && Number.isFinite(value)) return value;
			if (typeof value === 'string' && NUMBER.test(value.trim())) return Number(value.trim());
			return new Problem(`must be a number, got ${describeValue(value)}`);
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			return new Problem(`must be true or false, got ${describeValue(value)}`);
		case 'date':
			if (typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value))) return value;
			return new Problem(`must be a date like 2026-01-31, got ${describeValue(value)}`);
		case 'date-time':
			if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
				return value;
			}
			return new Problem(`must be a date and time like 2026-01-31T09:30:00Z, got ${describeValue(value)}`);
		default:
			return convertStructured(field, value);
	}
}

function convertStructured(field: VbaField, value: unknown): Conversion {
	if (field.type.startsWith('array<')) {
		return Array.isArray(value) ? value : new Problem(`must be a list, got ${describeValue(value)}`);
	}
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
	return new Problem(`must be an object, got ${describeValue(value)}`);
}

function checkLength(field: VbaField, value: string): Conversion {
	if (field.maxLength !== undefined && value.length > field.maxLength) {
		return new Problem(`is ${value.length} characters long; VBAPI allows at most ${field.maxLength}`);
	}
	if (field.minLength !== undefined && value.length < field.minLength) {
		// An agent or a blank cell sends '' for a value it does not have: say that, not a length.
		if (value.length === 0 && field.required) return new Problem('is required and cannot be empty');
		return new Problem(`must be at least ${field.minLength} character${field.minLength === 1 ? '' : 's'} long`);
	}
	return value;
}

function isBlank(value: unknown): boolean {
	return value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Per entity, the field lookup the per-record check needs, built once per execution. */
export class RecordValidator {
	private readonly fields: ReadonlyMap<string, VbaField>;

	private readonly required: readonly VbaField[];

	constructor(
		private readonly entity: VbaEntity,
		private readonly unknownFields: UnknownFieldPolicy,
	) {
		this.fields = new Map(entity.fields.map((field) => [field.name, field]));
		this.required = entity.fields.filter((field) => field.required);
	}

	/**
	 * Checks one record against the catalog and returns it with values converted to the catalog
	 * types. A record that needs no change is returned as it came, not copied: a large run keeps one
	 * copy of each record, not two. Unknown fields left out under the Drop policy are added to
	 * `dropped`, so the output can say what was not sent.
	 */
	check(input: IDataObject, dropped?: string[]): RecordCheck {
		let record: IDataObject | undefined;
		const names = Object.keys(input);
		for (let position = 0; position < names.length; position++) {
			const name = names[position];
			const value = input[name];
			const field = this.fields.get(name);
			let keep: unknown = value;
			if (field === undefined) {
				if (this.unknownFields === 'fail') {
					return new RecordProblem(name, `"${name}" is not a field of ${this.entity.displayName}`);
				}
				keep = undefined;
				dropped?.push(name);
			} else if (value === null) {
				if (!field.nullable) return new RecordProblem(name, `"${name}" cannot be empty (null)`);
			} else if (value !== undefined && !(isBlank(value) && !field.required && field.type !== 'string')) {
				const converted = convert(field, value);
				if (converted instanceof Problem) return new RecordProblem(name, `"${name}" ${converted.text}`);
				keep = converted;
			} else {
				keep = undefined;
			}
			if (record === undefined && keep !== value) record = copyBefore(input, names, position);
			if (record !== undefined && keep !== undefined) record[name] = keep as IDataObject[string];
		}
		const checked = record ?? input;
		for (const field of this.required) {
			if (isBlank(checked[field.name])) {
				const hint = field.key && field.type === 'integer' ? ' (use 0 to let VBAPI assign it for a new record)' : '';
				return new RecordProblem(field.name, `"${field.name}" is required by ${this.entity.displayName}${hint}`);
			}
		}
		return checked;
	}

	/** The input's fields that the entity does not have. */
	unknownNames(input: IDataObject): string[] {
		return Object.keys(input).filter((name) => !this.fields.has(name));
	}
}

/** The fields before `position`, which were kept unchanged. */
function copyBefore(input: IDataObject, names: readonly string[], position: number): IDataObject {
	const copy: IDataObject = {};
	for (let earlier = 0; earlier < position; earlier++) copy[names[earlier]] = input[names[earlier]];
	return copy;
}
