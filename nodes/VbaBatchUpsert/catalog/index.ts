import catalogJson from './catalog.json';
import { decodeCatalog, type DecodedCatalog } from './decode';
import { compareText } from './format';

/** Scalar types as the vendor catalog spells them. */
export type VbaScalarType = 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'date';

/**
 * The vendor catalog's type string, kept verbatim: a scalar, `array<T>`, `map<T>` or `object:Model`
 * (Model is listed by getNestedModel).
 */
export type VbaFieldType = VbaScalarType | `array<${string}>` | `map<${string}>` | `object:${string}`;

export interface VbaField {
	readonly name: string;
	readonly type: VbaFieldType;
	/** The API rejects a record without it. */
	readonly required: boolean;
	readonly nullable: boolean;
	readonly maxLength?: number;
	readonly minLength?: number;
	/** One of the entity's key fields; always false in nested models. */
	readonly key: boolean;
}

export interface VbaPathParam {
	readonly name: string;
	readonly type: VbaFieldType;
	/** Body field that carries the same value, or null when the param only appears in the path. */
	readonly field: string | null;
}

export interface VbaEntity {
	/** The batch path, e.g. `/care-plans/{carePlanKey}/cases-batch`; stable across catalog versions. */
	readonly id: string;
	/** Unique across the catalog, e.g. "Case Attachment". */
	readonly displayName: string;
	/** VBAPI model name of one record, e.g. "CaseAttachment". */
	readonly model: string;
	/** In path order. */
	readonly pathParams: readonly VbaPathParam[];
	/** Fields that identify a record (from the single-record path), in path order. */
	readonly keyFields: readonly string[];
	/** Key fields first, then the rest by name. */
	readonly fields: readonly VbaField[];
}

/** Thrown by buildPath; `params` names every path parameter that was missing or malformed. */
export class VbaPathParamError extends Error {
	constructor(
		message: string,
		readonly entityId: string,
		readonly params: readonly string[],
	) {
		super(message);
		this.name = 'VbaPathParamError';
	}
}

interface LoadedCatalog {
	readonly byId: ReadonlyMap<string, VbaEntity>;
	/** Sorted by display name. */
	readonly sorted: readonly VbaEntity[];
	/** Lower-cased "display name, model, path" per entry of `sorted`, for search. */
	readonly haystacks: readonly string[];
	readonly models: ReadonlyMap<string, readonly VbaField[]>;
}

// The JSON module itself is parsed by Node when this file is required; turning ~11,000 tuples into
// frozen objects, indexing and sorting them waits until the node actually asks for the catalog.
let loaded: LoadedCatalog | undefined;

function catalog(): LoadedCatalog {
	if (loaded === undefined) {
		const raw: unknown = catalogJson;
		loaded = index(decodeCatalog(raw));
	}
	return loaded;
}

/** All entities, sorted by display name. The array is a fresh copy; the entities are frozen. */
export function listEntities(): VbaEntity[] {
	return catalog().sorted.slice();
}

export function getEntity(id: string): VbaEntity | undefined {
	return catalog().byId.get(id);
}

/**
 * Entities whose display name, model name or path contains every whitespace-separated word of the
 * filter, case-insensitively ("case attach" finds Case Attachment). Display names that start with the
 * whole filter come first, then those containing it, then the rest, each group by display name.
 * No filter (or a blank one) lists everything.
 */
export function searchEntities(filter?: string): VbaEntity[] {
	const { sorted, haystacks } = catalog();
	const phrase = (filter ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
	if (phrase === '') return sorted.slice();
	const words = phrase.split(' ');
	const ranked: Array<{ entity: VbaEntity; rank: number; order: number }> = [];
	sorted.forEach((entity, order) => {
		const haystack = haystacks[order];
		if (!words.every((word) => haystack.includes(word))) return;
		const name = entity.displayName.toLowerCase();
		const rank = name.startsWith(phrase) ? 0 : name.includes(phrase) ? 1 : 2;
		ranked.push({ entity, rank, order });
	});
	ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
	return ranked.map((r) => r.entity);
}

/** Fields of a nested model referenced as `object:Model` (or inside array/map), if the catalog has it. */
export function getNestedModel(name: string): readonly VbaField[] | undefined {
	return catalog().models.get(name);
}

/**
 * The entity's path with every `{param}` replaced by its URL-encoded value, e.g.
 * `/care-plans/12/cases-batch`. Throws VbaPathParamError naming each param that is missing, blank,
 * or (for integer params) not an integer, because a blank segment would silently address a
 * different endpoint.
 */
export function buildPath(entity: VbaEntity, params: Record<string, string | number>): string {
	const missing: string[] = [];
	const invalid: string[] = [];
	const invalidDetails: string[] = [];
	const values = new Map<string, string>();
	for (const param of entity.pathParams) {
		// Values come from n8n expressions, so anything can arrive at run time despite the signature.
		const value: unknown = Object.prototype.hasOwnProperty.call(params, param.name) ? params[param.name] : undefined;
		const text = pathValue(value, param.type);
		if (text === undefined) {
			missing.push(param.name);
		} else if (text === null) {
			invalid.push(param.name);
			invalidDetails.push(`${param.name} (${param.type}, got ${JSON.stringify(value)})`);
		} else {
			values.set(param.name, text);
		}
	}
	if (missing.length > 0 || invalid.length > 0) {
		const problems: string[] = [];
		if (missing.length > 0) problems.push(`missing ${missing.map((n) => `"${n}"`).join(', ')}`);
		if (invalid.length > 0) problems.push(`invalid ${invalidDetails.join(', ')}`);
		throw new VbaPathParamError(
			`VBA ${entity.displayName} (${entity.id}) needs path parameter values: ${problems.join('; ')}`,
			entity.id,
			[...missing, ...invalid],
		);
	}
	return entity.id.replace(/\{([^}]+)\}/g, (_match, name: string) => {
		const text = values.get(name);
		// The generator checks that every placeholder is a declared path param, so this is a corrupt catalog.
		if (text === undefined) throw new Error(`VBA catalog: ${entity.id} has undeclared placeholder {${name}}`);
		return encodeURIComponent(text);
	});
}

/** undefined = missing, null = present but unusable for its type. */
function pathValue(value: unknown, type: VbaFieldType): string | undefined | null {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return null;
		if (type === 'integer' && !Number.isSafeInteger(value)) return null;
		return String(value);
	}
	if (typeof value !== 'string') return null;
	if (value.trim() === '') return undefined;
	if (type === 'integer') {
		const trimmed = value.trim();
		return /^-?\d+$/.test(trimmed) ? trimmed : null;
	}
	return value;
}

function index(decoded: DecodedCatalog): LoadedCatalog {
	const byId = new Map<string, VbaEntity>(decoded.entities.map((e) => [e.id, e]));
	const sorted = decoded.entities.slice().sort((a, b) => compareText(a.displayName, b.displayName));
	const haystacks = sorted.map((e) => `${e.displayName}\n${e.model}\n${e.id}`.toLowerCase());
	return Object.freeze({ byId, sorted, haystacks, models: decoded.models });
}
