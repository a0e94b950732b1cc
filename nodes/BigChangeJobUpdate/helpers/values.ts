import { describeValue, parsePositiveInteger } from '../../shared';

/**
 * Conversions from what a workflow hands over (often text from a spreadsheet) to what BigChange's
 * job fields accept, with the reason in words when a value does not fit. Empty values are decided
 * by the caller, before these run.
 */
export type Conversion<T> = { ok: true; value: T } | { ok: false; problem: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZERO = /^\s*0+\s*$/;
const INT32_MAX = 2_147_483_647;

/** True for what a person means by "no value": nothing, null, or only spaces. */
export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function toText(value: unknown): Conversion<string> {
	if (typeof value === 'string') return { ok: true, value };
	if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
	return { ok: false, problem: `must be text, got ${describeValue(value)}` };
}

/** BigChange's plannedDuration is an int32 count of minutes. */
export function toMinutes(value: unknown): Conversion<number> {
	const whole = value === 0 || (typeof value === 'string' && ZERO.test(value)) ? 0 : parsePositiveInteger(value);
	const minutes = whole !== undefined && whole <= INT32_MAX ? whole : undefined;
	return minutes === undefined ? { ok: false, problem: `must be a whole number of minutes (0 or more), got ${describeValue(value)}` } : { ok: true, value: minutes };
}

/** IDs of job types, contacts and custom field definitions are int64, 1 or more. */
export function toId(value: unknown): Conversion<number> {
	const id = parsePositiveInteger(value);
	return id === undefined ? { ok: false, problem: `must be a whole number (an ID), got ${describeValue(value)}` } : { ok: true, value: id };
}

export function toUuid(value: unknown): Conversion<string> {
	if (typeof value === 'string' && UUID.test(value.trim())) return { ok: true, value: value.trim() };
	return { ok: false, problem: `must be a person's UUID like 3f1c6b52-8a4e-4d0b-9a57-1b2f6a0c9e11, got ${describeValue(value)}` };
}
