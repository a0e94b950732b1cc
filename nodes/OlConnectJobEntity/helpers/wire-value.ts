import type { Checked } from './checked';

interface LuxonLike {
	toISO(): string | null;
}

function isLuxonLike(value: object): value is LuxonLike {
	return typeof (value as Partial<LuxonLike>).toISO === 'function';
}

/**
 * OL Connect stores every property value as text. Other types are written the way a person would
 * expect to read them back: numbers and booleans as themselves, dates (JavaScript or the Luxon
 * dates n8n expressions produce) as ISO 8601, lists and objects as JSON. `null` means "no value":
 * the caller removes the property.
 */
export function toWireValue(value: unknown): Checked<string | null> {
	switch (typeof value) {
		case 'string':
			return { ok: value };
		case 'number':
			return Number.isFinite(value) ? { ok: String(value) } : { problem: `is ${String(value)}, which is not a number OL Connect can store` };
		case 'boolean':
		case 'bigint':
			return { ok: String(value) };
		case 'undefined':
			return { ok: null };
		case 'object':
			if (value === null) return { ok: null };
			if (value instanceof Date) {
				return Number.isNaN(value.getTime()) ? { problem: 'is an invalid date' } : { ok: value.toISOString() };
			}
			if (isLuxonLike(value)) {
				const iso = value.toISO();
				return iso === null ? { problem: 'is an invalid date' } : { ok: iso };
			}
			return { ok: JSON.stringify(value) };
		default:
			return { problem: `is a ${typeof value}, which cannot be stored as text` };
	}
}
