// Generates nodes/VbaBatchUpsert/catalog/catalog.json, the VBA Batch Upsert node's list of entities,
// from the vendor catalog extracted from the VBAPI spec (vbapi-batch-endpoints.json). The package must
// not read that file at run time (it is 1.4 MB and not shipped: the npm package holds only dist/), so
// the trimmed result is generated here and committed.
//
//   tsx scripts/generate-vba-catalog.ts [--check] [path/to/vbapi-batch-endpoints.json]
//
// --check writes nothing and exits 1 when the committed catalog.json differs from what this script
// would generate, so CI catches a vendor file or generator change that nobody regenerated for.
// The default source is the committed copy, docs/vendor-data/vbapi-batch-endpoints.json; pass a path to
// generate from another (newer) vendor file.

import { existsSync, readFileSync, writeFileSync } from 'fs';
import { relative, resolve } from 'path';

import { decodeCatalog, isFieldType } from '../nodes/VbaBatchUpsert/catalog/decode';
import {
	CATALOG_FORMAT_VERSION,
	FLAG_NULLABLE,
	FLAG_REQUIRED,
	compareText,
	type CatalogFile,
	type EntityTuple,
	type FieldTuple,
	type ParamTuple,
} from '../nodes/VbaBatchUpsert/catalog/format';

const REPO_ROOT = resolve(__dirname, '..');
export const DEFAULT_SOURCE = resolve(REPO_ROOT, 'docs/vendor-data/vbapi-batch-endpoints.json');
export const OUTPUT = resolve(REPO_ROOT, 'nodes/VbaBatchUpsert/catalog/catalog.json');

/** The 207 envelope; only endpoints answering with it give one status per record. */
export const MULTI_STATUS_RESPONSE = 'MultiCodeResponseListVBAResponse';

// ---- the vendor file, validated: a reshaped source must stop the build, not yield a thinner catalog ----

export interface VendorField {
	name: string;
	type: string;
	required: boolean;
	nullable: boolean;
	maxLength?: number;
	minLength?: number;
}

export interface VendorParam {
	name: string;
	type: string;
}

export interface VendorKeyParam {
	param: string;
	field: string | null;
	match: string | null;
}

export interface VendorEndpoint {
	method: string;
	path: string;
	entity: string | null;
	body: string;
	response: string | null;
	pathParams: VendorParam[];
	keyFields: string[];
	keyParamMap?: VendorKeyParam[];
	fields: VendorField[];
}

export interface VendorDoc {
	source: string;
	endpointCount: number;
	endpoints: VendorEndpoint[];
	nestedModels: Record<string, VendorField[]>;
}

type Json = Record<string, unknown>;

function fail(where: string, detail: string): never {
	throw new Error(`vendor catalog, ${where}: ${detail}`);
}

function asObject(value: unknown, where: string): Json {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'expected an object');
	return value as Json;
}

function asArray(value: unknown, where: string): unknown[] {
	if (!Array.isArray(value)) fail(where, 'expected an array');
	return value;
}

function str(o: Json, key: string, where: string): string {
	const v = o[key];
	if (typeof v !== 'string') fail(where, `${key} should be a string`);
	return v;
}

function strOrNull(o: Json, key: string, where: string): string | null {
	const v = o[key];
	if (v !== null && typeof v !== 'string') fail(where, `${key} should be a string or null`);
	return v;
}

function bool(o: Json, key: string, where: string): boolean {
	const v = o[key];
	if (typeof v !== 'boolean') fail(where, `${key} should be a boolean`);
	return v;
}

function optLength(o: Json, key: string, where: string): number | undefined {
	const v = o[key];
	if (v === undefined) return undefined;
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(where, `${key} should be a non-negative integer`);
	return v;
}

function parseField(value: unknown, where: string): VendorField {
	const o = asObject(value, where);
	const at = `${where} field ${String(o.name)}`;
	const field: VendorField = {
		name: str(o, 'name', at),
		type: str(o, 'type', at),
		required: bool(o, 'required', at),
		nullable: bool(o, 'nullable', at),
	};
	if (!isFieldType(field.type)) fail(at, `type "${field.type}" is outside the documented type grammar`);
	const maxLength = optLength(o, 'maxLength', at);
	const minLength = optLength(o, 'minLength', at);
	if (maxLength !== undefined) field.maxLength = maxLength;
	if (minLength !== undefined) field.minLength = minLength;
	return field;
}

function parseFields(value: unknown, where: string): VendorField[] {
	const fields = asArray(value, `${where} fields`).map((f) => parseField(f, where));
	const seen = new Set<string>();
	for (const { name } of fields) {
		if (seen.has(name)) fail(where, `field ${name} appears twice`);
		seen.add(name);
	}
	return fields;
}

function parseEndpoint(value: unknown, position: number): VendorEndpoint {
	const o = asObject(value, `endpoints[${position}]`);
	const where = `endpoint ${String(o.method)} ${String(o.path)}`;
	const endpoint: VendorEndpoint = {
		method: str(o, 'method', where),
		path: str(o, 'path', where),
		entity: strOrNull(o, 'entity', where),
		body: str(o, 'body', where),
		response: strOrNull(o, 'response', where),
		pathParams: asArray(o.pathParams, `${where} pathParams`).map((p) => {
			const po = asObject(p, `${where} pathParams`);
			return { name: str(po, 'name', where), type: str(po, 'type', where) };
		}),
		keyFields: asArray(o.keyFields, `${where} keyFields`).map((k) => {
			if (typeof k !== 'string') fail(where, 'keyFields should be strings');
			return k;
		}),
		fields: parseFields(o.fields, where),
	};
	if (o.keyParamMap !== undefined) {
		endpoint.keyParamMap = asArray(o.keyParamMap, `${where} keyParamMap`).map((m) => {
			const mo = asObject(m, `${where} keyParamMap`);
			return { param: str(mo, 'param', where), field: strOrNull(mo, 'field', where), match: strOrNull(mo, 'match', where) };
		});
	}
	return endpoint;
}

export function parseVendorDoc(raw: unknown): VendorDoc {
	const doc = asObject(raw, 'top level');
	const counts = asObject(doc.counts, 'counts');
	const endpointCount = counts.endpoints;
	if (typeof endpointCount !== 'number') fail('counts', 'endpoints should be a number');
	const endpoints = asArray(doc.endpoints, 'endpoints').map(parseEndpoint);
	// The counts block is the extractor's own tally; disagreement means a truncated or hand-edited file.
	if (endpoints.length !== endpointCount) {
		fail('counts', `says ${endpointCount} endpoints but the file lists ${endpoints.length}`);
	}
	const nested = asObject(doc.nestedModels, 'nestedModels');
	const nestedModels: Record<string, VendorField[]> = {};
	for (const name of Object.keys(nested)) nestedModels[name] = parseFields(nested[name], `nested model ${name}`);
	return { source: str(doc, 'source', 'top level'), endpointCount, endpoints, nestedModels };
}

// ---- selection ----

export type ExclusionReason = 'not-put' | 'not-multi-status' | 'not-entity-list' | 'no-fields' | 'no-key-fields';

export const EXCLUSION_REASONS: Record<ExclusionReason, string> = {
	'not-put': 'not a PUT create-or-update call (POST creates or runs an action, DELETE removes)',
	'not-multi-status': `does not answer with the 207 multi-status list (${MULTI_STATUS_RESPONSE})`,
	'not-entity-list': 'body is not a list of entity records',
	'no-fields': 'entity model has no fields',
	'no-key-fields': 'no key fields known, so records and their results cannot be told apart',
};

/** Why an endpoint stays out of the node's catalog, or undefined when it belongs in it. */
export function exclusionReason(endpoint: VendorEndpoint): ExclusionReason | undefined {
	if (endpoint.method !== 'PUT') return 'not-put';
	if (endpoint.response !== MULTI_STATUS_RESPONSE) return 'not-multi-status';
	if (endpoint.entity === null || endpoint.body !== `array<object:${endpoint.entity}>`) return 'not-entity-list';
	if (endpoint.fields.length === 0) return 'no-fields';
	if (endpoint.keyFields.length === 0) return 'no-key-fields';
	return undefined;
}

// ---- path params → body fields ----

export type ParamMatch = 'exact' | 'vendor-fuzzy' | 'abbreviation' | 'none';

const normalize = (name: string): string => name.replace(/_/g, '').toLowerCase();

// The vendor extractor's own fuzzy rule (see its keyParamMap convention) expands these abbreviations;
// it only applied them to the single-record path's params, so a parent param of a batch path matched
// by model rather than by path prefix (e.g. commRateKey) needs the same expansion here.
const ABBREVIATIONS: Readonly<Record<string, string>> = { comm: 'commission', adj: 'adjustment', trans: 'transaction' };

function expandAbbreviations(param: string): string {
	const words = param.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [param];
	return words.map((w) => ABBREVIATIONS[w.toLowerCase()] ?? w.toLowerCase()).join('');
}

/**
 * The body field that carries the same value as a path param. The vendor's keyParamMap wins where it
 * speaks (it is present only when some key param is not an exact match); otherwise the field whose
 * name equals the param ignoring case and underscores, then the abbreviation expansion, each accepted
 * only when exactly one field matches.
 */
export function mapPathParam(endpoint: VendorEndpoint, param: string): { field: string | null; match: ParamMatch } {
	const names = endpoint.fields.map((f) => f.name);
	const vendor = endpoint.keyParamMap?.find((m) => m.param === param);
	if (vendor !== undefined) {
		if (vendor.field === null) return { field: null, match: 'none' };
		if (!names.includes(vendor.field)) {
			fail(`endpoint ${endpoint.path}`, `keyParamMap maps ${param} to ${vendor.field}, which is not a field`);
		}
		return { field: vendor.field, match: vendor.match === 'fuzzy' ? 'vendor-fuzzy' : 'exact' };
	}
	const exact = names.filter((n) => normalize(n) === normalize(param));
	if (exact.length === 1) return { field: exact[0], match: 'exact' };
	const expanded = expandAbbreviations(param);
	const abbreviated = names.filter((n) => normalize(n) === expanded);
	if (exact.length === 0 && abbreviated.length === 1) return { field: abbreviated[0], match: 'abbreviation' };
	return { field: null, match: 'none' };
}

// ---- display names ----

/** "CaseAttachment" → Case, Attachment; "IDCardRequest" → ID, Card, Request; "IRS1094C" → IRS, 1094C. */
export function splitWords(model: string): string[] {
	const words = model.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+[A-Z]*(?![a-z])/g) ?? [];
	if (words.join('') !== model) throw new Error(`cannot split model name "${model}" into words`);
	return words;
}

function singular(word: string): string {
	if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
	if (/(?:ss|us|is)$/i.test(word)) return word;
	if (/(?:sses|xes|ches|shes)$/i.test(word)) return word.slice(0, -2);
	if (/s$/i.test(word)) return word.slice(0, -1);
	return word;
}

/** "care-plans" → "Care Plan". */
function segmentLabel(segment: string): string {
	const words = segment.split('-').filter((w) => w !== '');
	if (words.length > 0) words[words.length - 1] = singular(words[words.length - 1]);
	return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** Literal path segments above the batch segment, nearest first. */
function parentSegments(path: string): string[] {
	return path
		.split('/')
		.slice(0, -1)
		.filter((s) => s !== '' && !s.includes('{'))
		.reverse();
}

/**
 * Display names unique across the catalog, compared case-insensitively because n8n's search is.
 * The model name split into words, and where several endpoints would share it (the same model under
 * different parents) each nested one gets its nearest parent, e.g. "Case (Care Plan)", then its whole
 * parent chain. The generator fails rather than emit two entries a user cannot tell apart.
 */
export function assignDisplayNames(entries: ReadonlyArray<{ id: string; model: string }>): Map<string, string> {
	const names = new Map<string, string>();
	const base = new Map(entries.map((e) => [e.id, splitWords(e.model).join(' ')]));
	const collisions = (candidate: Map<string, string>): Set<string> => {
		const byName = new Map<string, string[]>();
		for (const [id, name] of candidate) {
			const key = name.toLowerCase();
			byName.set(key, [...(byName.get(key) ?? []), id]);
		}
		return new Set([...byName.values()].filter((ids) => ids.length > 1).flat());
	};
	for (const [id, name] of base) names.set(id, name);
	const strategies: Array<(id: string, name: string) => string> = [
		(id, name) => {
			const nearest = parentSegments(id)[0];
			return nearest === undefined ? name : `${name} (${segmentLabel(nearest)})`;
		},
		(id, name) => {
			const chain = parentSegments(id).reverse().map(segmentLabel);
			return chain.length === 0 ? name : `${name} (${chain.join(' / ')})`;
		},
	];
	for (const strategy of strategies) {
		const clashing = collisions(names);
		if (clashing.size === 0) break;
		for (const id of clashing) names.set(id, strategy(id, base.get(id) ?? id));
	}
	const remaining = collisions(names);
	if (remaining.size > 0) {
		const list = [...remaining].sort(compareText).map((id) => `${names.get(id)} = ${id}`);
		throw new Error(`display names still not unique:\n  ${list.join('\n  ')}`);
	}
	return names;
}

// ---- building ----

export interface ParamMapping {
	id: string;
	param: string;
	field: string | null;
	match: ParamMatch;
	/** Set when the param's type differs from its field's type. */
	typeMismatch?: string;
}

export interface GenerateReport {
	source: string;
	sourceEndpoints: number;
	included: number;
	excluded: Array<{ method: string; path: string; reason: ExclusionReason }>;
	pathParams: ParamMapping[];
	/** Entities whose display name is not just the model split into words. */
	disambiguated: Array<{ id: string; displayName: string }>;
	fields: number;
	nestedModels: string[];
}

export interface GenerateResult {
	catalog: CatalogFile;
	text: string;
	report: GenerateReport;
}

function fieldTuple(field: VendorField): FieldTuple {
	const flags = (field.required ? FLAG_REQUIRED : 0) | (field.nullable ? FLAG_NULLABLE : 0);
	if (field.minLength !== undefined) return [field.name, field.type, flags, field.maxLength ?? null, field.minLength];
	if (field.maxLength !== undefined) return [field.name, field.type, flags, field.maxLength];
	return [field.name, field.type, flags];
}

/** Key fields first in key order (what a user fills in first), then the rest by name. */
function sortFields(fields: readonly VendorField[], keys: readonly string[]): VendorField[] {
	const rank = (f: VendorField): number => {
		const i = keys.indexOf(f.name);
		return i === -1 ? keys.length : i;
	};
	return fields.slice().sort((a, b) => rank(a) - rank(b) || compareText(a.name, b.name));
}

function referencedModels(type: string): string[] {
	return [...type.matchAll(/object:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
}

export function generate(doc: VendorDoc): GenerateResult {
	const included: VendorEndpoint[] = [];
	const excluded: GenerateReport['excluded'] = [];
	for (const endpoint of doc.endpoints) {
		const reason = exclusionReason(endpoint);
		if (reason === undefined) included.push(endpoint);
		else excluded.push({ method: endpoint.method, path: endpoint.path, reason });
	}
	included.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (let i = 1; i < included.length; i++) {
		if (included[i].path === included[i - 1].path) fail(`endpoint ${included[i].path}`, 'listed twice');
	}

	const displayNames = assignDisplayNames(included.map((e) => ({ id: e.path, model: e.entity ?? '' })));
	const pathParams: ParamMapping[] = [];
	const wanted = new Set<string>();
	let fieldCount = 0;

	const entities = included.map((endpoint): EntityTuple => {
		const where = `endpoint ${endpoint.path}`;
		const placeholders = [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
		const declared = endpoint.pathParams.map((p) => p.name);
		// buildPath fills exactly the declared params, so the template and the list must agree.
		if (placeholders.join('\n') !== declared.join('\n')) {
			fail(where, `path placeholders {${placeholders.join('},{')}} differ from pathParams ${declared.join(',')}`);
		}
		for (const key of endpoint.keyFields) {
			if (!endpoint.fields.some((f) => f.name === key)) fail(where, `key field ${key} is not a field`);
		}
		const params = endpoint.pathParams.map((p): ParamTuple => {
			if (!isFieldType(p.type)) fail(where, `path param ${p.name} has type "${p.type}"`);
			const { field, match } = mapPathParam(endpoint, p.name);
			const mapping: ParamMapping = { id: endpoint.path, param: p.name, field, match };
			const fieldType = endpoint.fields.find((f) => f.name === field)?.type;
			if (fieldType !== undefined && fieldType !== p.type) mapping.typeMismatch = `${p.type} vs ${fieldType}`;
			pathParams.push(mapping);
			return [p.name, p.type, field];
		});
		for (const f of endpoint.fields) for (const m of referencedModels(f.type)) wanted.add(m);
		fieldCount += endpoint.fields.length;
		return [
			endpoint.path,
			displayNames.get(endpoint.path) ?? endpoint.path,
			endpoint.entity ?? '',
			params,
			endpoint.keyFields.slice(),
			sortFields(endpoint.fields, endpoint.keyFields).map(fieldTuple),
		];
	});

	// Nested models can reference further models; take the closure, each model once.
	const models: Record<string, FieldTuple[]> = {};
	const queue = [...wanted];
	const seen = new Set(queue);
	while (queue.length > 0) {
		const name = queue.shift() ?? '';
		const fields = doc.nestedModels[name];
		if (fields === undefined) fail('nestedModels', `model ${name} is referenced by a field but not defined`);
		for (const f of fields) {
			for (const m of referencedModels(f.type)) {
				if (!seen.has(m)) {
					seen.add(m);
					queue.push(m);
				}
			}
		}
	}
	const modelNames = [...seen].sort(compareText);
	for (const name of modelNames) models[name] = sortFields(doc.nestedModels[name], []).map(fieldTuple);

	const catalog: CatalogFile = { v: CATALOG_FORMAT_VERSION, src: doc.source, e: entities, m: models };
	const text = serialize(catalog);
	// The accessor must accept exactly what is written; decoding here turns a format slip into a build error.
	const decoded = decodeCatalog(JSON.parse(text) as unknown);
	if (decoded.entities.length !== entities.length) throw new Error('decoded catalog lost entities');

	return {
		catalog,
		text,
		report: {
			source: doc.source,
			sourceEndpoints: doc.endpoints.length,
			included: entities.length,
			excluded,
			pathParams,
			disambiguated: entities
				.filter(([, name, model]) => name !== splitWords(model).join(' '))
				.map(([id, displayName]) => ({ id, displayName })),
			fields: fieldCount,
			nestedModels: modelNames,
		},
	};
}

/**
 * Compact JSON, but one entity per line: the file stays small to load, and a regenerated catalog shows
 * in review as the entities that changed rather than as one rewritten 400 kB line.
 */
export function serialize(catalog: CatalogFile): string {
	const head = JSON.stringify({ v: catalog.v, src: catalog.src });
	const entities = catalog.e.map((e) => JSON.stringify(e)).join(',\n');
	return `${head.slice(0, -1)},"e":[\n${entities}\n],"m":${JSON.stringify(catalog.m)}}\n`;
}

// ---- command line ----

function formatReport(report: GenerateReport, bytes: number, outPath: string): string {
	const lines: string[] = [];
	lines.push(`source: ${report.source}`);
	lines.push(`endpoints in source: ${report.sourceEndpoints}`);
	lines.push(`included: ${report.included} (PUT …-batch create-or-update, 207 ${MULTI_STATUS_RESPONSE})`);
	lines.push(`excluded: ${report.excluded.length}`);
	for (const reason of Object.keys(EXCLUSION_REASONS) as ExclusionReason[]) {
		const these = report.excluded.filter((x) => x.reason === reason);
		if (these.length === 0) continue;
		lines.push(`  ${these.length} ${EXCLUSION_REASONS[reason]}:`);
		for (const x of these) lines.push(`    ${x.method} ${x.path}`);
	}
	const byMatch = (m: ParamMatch): ParamMapping[] => report.pathParams.filter((p) => p.match === m);
	lines.push(
		`path params: ${report.pathParams.length} on ${new Set(report.pathParams.map((p) => p.id)).size} entities; ` +
			`body field: ${byMatch('exact').length} exact, ${byMatch('vendor-fuzzy').length} vendor fuzzy, ` +
			`${byMatch('abbreviation').length} by abbreviation; ${byMatch('none').length} path-only`,
	);
	for (const p of byMatch('abbreviation')) lines.push(`  by abbreviation: ${p.id} ${p.param} → ${p.field}`);
	for (const p of report.pathParams.filter((x) => x.typeMismatch !== undefined)) {
		lines.push(`  type differs from field: ${p.id} ${p.param} → ${p.field} (${p.typeMismatch})`);
	}
	lines.push(`display names: ${report.included} unique, ${report.disambiguated.length} disambiguated by parent path`);
	for (const d of report.disambiguated) lines.push(`  ${d.displayName} = ${d.id}`);
	lines.push(`fields: ${report.fields}; nested models: ${report.nestedModels.join(', ') || 'none'}`);
	lines.push(`${relative(REPO_ROOT, outPath)}: ${bytes} bytes`);
	return lines.join('\n');
}

/** Entity ids whose line differs between two serialized catalogs, for a readable --check failure. */
function changedIds(expected: string, actual: string): string[] {
	const idOf = (line: string): string => /^\["([^"]*)"/.exec(line)?.[1] ?? '(header or nested models)';
	const actualLines = new Set(actual.split('\n'));
	const expectedLines = new Set(expected.split('\n'));
	const changed = new Set<string>();
	for (const line of expectedLines) if (!actualLines.has(line)) changed.add(idOf(line));
	for (const line of actualLines) if (!expectedLines.has(line)) changed.add(idOf(line));
	return [...changed].sort();
}

export function main(argv: readonly string[]): number {
	const check = argv.includes('--check');
	const unknown = argv.filter((a) => a.startsWith('-') && a !== '--check');
	const positional = argv.filter((a) => !a.startsWith('-'));
	if (unknown.length > 0 || positional.length > 1) {
		process.stderr.write('usage: tsx scripts/generate-vba-catalog.ts [--check] [path/to/vbapi-batch-endpoints.json]\n');
		return 2;
	}
	const sourcePath = positional.length === 1 ? resolve(positional[0]) : DEFAULT_SOURCE;
	if (!existsSync(sourcePath)) {
		process.stderr.write(`vendor catalog not found: ${sourcePath}\n(pass its path as an argument)\n`);
		return 2;
	}
	const { text, report } = generate(parseVendorDoc(JSON.parse(readFileSync(sourcePath, 'utf8')) as unknown));
	const bytes = Buffer.byteLength(text);
	const summary = formatReport(report, bytes, OUTPUT);

	if (check) {
		const committed = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
		if (committed === text) {
			process.stdout.write(`${relative(REPO_ROOT, OUTPUT)} is up to date (${report.included} entities, ${bytes} bytes)\n`);
			return 0;
		}
		const ids = changedIds(text, committed);
		process.stderr.write(
			`${relative(REPO_ROOT, OUTPUT)} is out of date: ${ids.length} entr${ids.length === 1 ? 'y differs' : 'ies differ'}` +
				` (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}).\n` +
				'Run: npm run generate:vba-catalog\n',
		);
		return 1;
	}
	writeFileSync(OUTPUT, text);
	process.stdout.write(`${summary}\n`);
	return 0;
}

if (require.main === module) {
	try {
		process.exitCode = main(process.argv.slice(2));
	} catch (error: unknown) {
		process.stderr.write(`generate-vba-catalog: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	}
}
