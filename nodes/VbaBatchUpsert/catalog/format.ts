// Layout of catalog.json, shared by the generator (writer) and the accessor (reader) so the two cannot
// drift apart. Positional tuples rather than objects: with ~11,000 fields, repeated object keys would
// roughly double the file that n8n loads at start-up and that ships in the package.

/** Bumped whenever the tuple layout changes, so a stale catalog.json fails loudly instead of misreading. */
export const CATALOG_FORMAT_VERSION = 1;

export const FLAG_REQUIRED = 1;
export const FLAG_NULLABLE = 2;

/**
 * [name, type, flags, maxLength, minLength]. Trailing entries are left off when absent; maxLength is
 * null when only minLength is known (one VBAPI field has that shape).
 */
export type FieldTuple =
	| [name: string, type: string, flags: number]
	| [name: string, type: string, flags: number, maxLength: number]
	| [name: string, type: string, flags: number, maxLength: number | null, minLength: number];

/** [name, type, body field the value is also carried in, or null when the param is not a body field]. */
export type ParamTuple = [name: string, type: string, field: string | null];

/** [id (the batch path), display name, entity model, path params, key fields, fields]. */
export type EntityTuple = [
	id: string,
	displayName: string,
	model: string,
	pathParams: ParamTuple[],
	keyFields: string[],
	fields: FieldTuple[],
];

export interface CatalogFile {
	/** Format version, see CATALOG_FORMAT_VERSION. */
	v: number;
	/** Where the vendor data came from (SDK repository and commit), kept for provenance. */
	src: string;
	/** Entities, sorted by id. */
	e: EntityTuple[];
	/** Nested models referenced by entity fields (object:Model), by model name. */
	m: Record<string, FieldTuple[]>;
}

/** Case-insensitive, then by code unit, so the order never depends on the host's locale. */
export function compareText(a: string, b: string): number {
	const la = a.toLowerCase();
	const lb = b.toLowerCase();
	if (la !== lb) return la < lb ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}
