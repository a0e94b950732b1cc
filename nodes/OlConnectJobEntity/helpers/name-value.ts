import type { IDataObject } from 'n8n-workflow';

/** One entry of OL Connect's JSON Name/Value List. */
export interface NameValue {
	name: string;
	value: string;
}

/** A change to one property: a new text value, or `null` to remove it. */
export interface PropertyChange {
	name: string;
	value: string | null;
}

/** `[{name, value}]` to `{ name: value }`; a name listed twice keeps its last value, as a lookup would. */
export function simplify(list: readonly NameValue[]): IDataObject {
	const result: IDataObject = {};
	for (const { name, value } of list) result[name] = value;
	return result;
}

/**
 * The list to write: `base` with `changes` applied in order. Names already present keep their
 * place (so a merge does not reorder what the server showed), new names go last, `null` removes.
 */
export function applyChanges(base: readonly NameValue[], changes: readonly PropertyChange[]): NameValue[] {
	if (base.length === 0 && changes.length <= 16) return applySmall(changes);
	const values = new Map<string, string>();
	for (const { name, value } of base) values.set(name, value);
	for (const { name, value } of changes) {
		if (value === null) values.delete(name);
		else values.set(name, value);
	}
	return Array.from(values, ([name, value]) => ({ name, value }));
}

/**
 * The same for a handful of changes and no base: a scan costs less than a Map, and a change that
 * sets a value is already a `{ name, value }` entry, so it goes in as it is. A bulk update of
 * 10,000 jobs makes tens of thousands fewer objects for the garbage collector this way.
 */
function applySmall(changes: readonly PropertyChange[]): NameValue[] {
	const list: NameValue[] = [];
	for (const change of changes) {
		const at = list.findIndex((entry) => entry.name === change.name);
		if (change.value === null) {
			if (at >= 0) list.splice(at, 1);
		} else if (at >= 0) list[at] = change as NameValue;
		else list.push(change as NameValue);
	}
	return list;
}

/** The server's list, checked: anything else means the address answered with something that is not OL Connect. */
export function asNameValueList(body: unknown): NameValue[] | undefined {
	if (!Array.isArray(body)) return undefined;
	const list: NameValue[] = [];
	for (const entry of body as unknown[]) {
		const pair = entry as Partial<Record<'name' | 'value', unknown>> | null;
		if (typeof pair !== 'object' || pair === null || typeof pair.name !== 'string') return undefined;
		list.push({ name: pair.name, value: pair.value === undefined || pair.value === null ? '' : String(pair.value) });
	}
	return list;
}
