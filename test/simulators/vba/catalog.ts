/** A field of a batch entity, as the simulator validates it. */
export interface SimField {
	readonly name: string;
	/** The vendor catalog's grammar: a scalar, `array<T>`, `map<T>` or `object:Model`. */
	readonly type: string;
	readonly required: boolean;
	readonly nullable: boolean;
	readonly maxLength?: number;
	readonly minLength?: number;
}

export interface SimPathParam {
	readonly name: string;
	readonly type: string;
	/** The body field that carries the same value, or null when the value lives only in the path. */
	readonly field: string | null;
}

/** One `-batch` endpoint the simulator serves. */
export interface SimCatalogEntry {
	/** Relative to the API base path, with OpenAPI braces: `/care-plans/{carePlanKey}/cases-batch`. */
	readonly path: string;
	readonly method: string;
	/** VBAPI model name of one record, e.g. `CareCase`. */
	readonly model: string;
	readonly pathParams: readonly SimPathParam[];
	readonly keyFields: readonly string[];
	readonly fields: readonly SimField[];
}

/**
 * The shape of an entity in the package's generated catalog (`nodes/VbaBatchUpsert/catalog`),
 * declared structurally so that the simulator neither imports the node's code nor reads the vendor
 * data at run time: `simCatalogFrom(listEntities())` is all the wiring needed.
 */
export interface CatalogEntitySource {
	/** The batch path, which the generated catalog uses as the entity's id. */
	readonly id: string;
	readonly model: string;
	/** Every generated entity is a `PUT …-batch` endpoint, so PUT unless told otherwise. */
	readonly method?: string;
	readonly pathParams: ReadonlyArray<{ readonly name: string; readonly type: string; readonly field: string | null }>;
	readonly keyFields: readonly string[];
	readonly fields: ReadonlyArray<{
		readonly name: string;
		readonly type: string;
		readonly required: boolean;
		readonly nullable: boolean;
		readonly maxLength?: number;
		readonly minLength?: number;
	}>;
}

export function toSimCatalogEntry(source: CatalogEntitySource): SimCatalogEntry {
	return {
		path: source.id,
		method: (source.method ?? 'PUT').toUpperCase(),
		model: source.model,
		pathParams: source.pathParams.map(({ name, type, field }) => ({ name, type, field })),
		keyFields: [...source.keyFields],
		fields: source.fields.map(({ name, type, required, nullable, maxLength, minLength }) => ({
			name,
			type,
			required,
			nullable,
			...(maxLength !== undefined ? { maxLength } : {}),
			...(minLength !== undefined ? { minLength } : {}),
		})),
	};
}

/** The one door through which catalog entries reach the simulator. */
export function simCatalogFrom(sources: Iterable<CatalogEntitySource>): SimCatalogEntry[] {
	return Array.from(sources, toSimCatalogEntry);
}
