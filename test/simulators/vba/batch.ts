import { shuffleInPlace, type RouteHandler, type SimRequest, type SimResponse } from '../base';
import type { SimCatalogEntry } from './catalog';
import { envelope, frameworkProblem, gatewayMessage, vbaError, type KeyValuePair, type MultiCodeResponse } from './envelope';
import type { VbaSimSettings } from './settings';
import { keyString, type VbaStore } from './store';
import { bindRecord, fieldIndex, isPlainObject, type NestedModels } from './validate';

/** Per-request switches the simulator object owns; read afresh on every batch. */
export interface BatchSwitches {
	/** When set, results come back in an order drawn from this generator. */
	shuffle: (() => number) | undefined;
	/** When set, a valid record for which it answers true fails with 500 and is not stored. */
	failRecord: ((record: Readonly<Record<string, unknown>>, index: number) => boolean) | undefined;
	/** 207 answers whose results the shuffle really moved (a shuffle can leave a short list as it was). */
	shuffledAnswers: number;
}

export interface BatchContext {
	readonly settings: VbaSimSettings;
	readonly store: VbaStore;
	readonly switches: BatchSwitches;
	readonly models: NestedModels | undefined;
}

const JSON_CONTENT = /^\s*(?:application\/json|text\/json|application\/[\w.+-]+\+json)\s*(?:;|$)/i;
/** Stored in place of the record when records are not kept. */
const KEY_ONLY: Record<string, unknown> = Object.freeze({});
const SAVE_FAILED = 'An error occurred while saving the entity changes. See the inner exception for details.';

/** `job_ID` → `Job_ID`: the C# property name, which is what the docs' 207 example shows. */
function pascal(name: string): string {
	return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Handles `PUT …-batch` for one catalog entry: validate each record, upsert the valid ones, answer 207. */
export function batchHandler(entry: SimCatalogEntry, ctx: BatchContext): RouteHandler {
	const index = fieldIndex(entry.fields);
	const boundParams = entry.pathParams.filter((p): p is typeof p & { field: string } => p.field !== null);
	const pathOnlyParams = entry.pathParams.filter((p) => p.field === null);
	const boundFields = new Set(boundParams.map((p) => p.field));
	const assignable = entry.keyFields.filter((k) => !boundFields.has(k) && index.get(k.toLowerCase())?.type === 'integer');

	function idOf(values: Record<string, unknown>): KeyValuePair[] {
		const { idKeyCase, idValue } = ctx.settings;
		return entry.keyFields.map((field) => {
			const raw = values[field];
			const value = raw === undefined || raw === null ? null : idValue === 'raw' ? raw : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
			return { key: idKeyCase === 'pascal' ? pascal(field) : field, value };
		});
	}

	function upsert(database: string, record: unknown, position: number, path: Map<string, string | number>): MultiCodeResponse {
		if (!isPlainObject(record)) {
			return { id: [], status: 400, body: `The record at index ${position} must be a JSON object, not ${Array.isArray(record) ? 'an array' : String(record)}.` };
		}
		const input: Record<string, unknown> = { ...record };
		for (const param of boundParams) {
			const sent = Object.keys(input).find((k) => k.toLowerCase() === param.field.toLowerCase());
			// Parent keys come from the path; a record may leave them out.
			if (sent === undefined || input[sent] === null) {
				if (sent !== undefined) delete input[sent];
				input[param.field] = path.get(param.name);
			}
		}
		const { values, errors, invalid } = bindRecord(input, entry.fields, index, ctx.models);
		for (const param of boundParams) {
			const fromPath = path.get(param.name);
			const sent = values[param.field];
			if (sent !== undefined && sent !== fromPath && !invalid.has(param.field)) {
				errors.push(`The ${param.field} field (${JSON.stringify(sent)}) does not match the ${param.name} path parameter (${JSON.stringify(fromPath)}).`);
			}
		}
		if (errors.length > 0) return { id: idOf(values), status: 400, body: errors.join(' ') };
		if (ctx.switches.failRecord?.(values, position)) return { id: idOf(values), status: 500, body: SAVE_FAILED };

		for (const field of assignable) {
			// An int left out binds to C#'s default, 0, which asks for a new key just as an explicit 0 does.
			const value = values[field] ?? 0;
			if (value === 0) values[field] = ctx.store.nextKey(database, entry.path, field);
			else if (typeof value === 'number') ctx.store.noteKey(database, entry.path, field, value);
		}
		const keyParts: unknown[] = entry.keyFields.map((k) => values[k]);
		for (const param of pathOnlyParams) keyParts.push(path.get(param.name));
		if (entry.keyFields.length === 0) keyParts.push(ctx.store.nextKey(database, entry.path, '#row'));
		const created = ctx.store.put(database, entry.path, keyString(keyParts), ctx.settings.keepRecords ? values : KEY_ONLY);
		return { id: idOf(values), status: created ? 201 : 200, body: created ? 'Created' : 'Updated' };
	}

	return (req: SimRequest): SimResponse => {
		const { settings } = ctx;
		if (Buffer.byteLength(req.rawBody, 'utf8') > settings.maxBodyBytes) return gatewayMessage(413, 'Request Too Long');
		if (!JSON_CONTENT.test(req.headers['content-type'] ?? '')) return frameworkProblem(415, 'Unsupported Media Type');

		const path = new Map<string, string | number>();
		for (const param of entry.pathParams) {
			const text = req.params[param.name] ?? '';
			if (param.type === 'integer') {
				if (!/^-?\d+$/.test(text)) return vbaError(400, 'Bad Request', `The value '${text}' is not valid for ${param.name}.`, req.path);
				path.set(param.name, Number(text));
			} else {
				path.set(param.name, text);
			}
		}

		const records = req.body;
		if (!Array.isArray(records)) {
			const detail =
				req.rawBody.trim() === ''
					? `A request body is required: a JSON array of ${entry.model} records.`
					: records === undefined
						? 'The request body is not valid JSON.'
						: `The request body must be a JSON array of ${entry.model} records.`;
			return vbaError(400, 'Bad Request', detail, req.path);
		}
		if (settings.maxBatchSize !== undefined && records.length > settings.maxBatchSize) {
			const title = settings.maxBatchSizeStatus === 413 ? 'Payload Too Large' : 'Bad Request';
			return vbaError(settings.maxBatchSizeStatus, title, `A batch may hold at most ${settings.maxBatchSize} records; this one has ${records.length}.`, req.path);
		}

		// The auth middleware has already refused requests without this header.
		const database = req.headers['vbasoftware-database'] ?? '';
		const results = records.map((record: unknown, position: number) => upsert(database, record, position, path));
		if (ctx.switches.shuffle) {
			const sent = results.slice();
			shuffleInPlace(results, ctx.switches.shuffle);
			if (results.some((result, position) => result !== sent[position])) ctx.switches.shuffledAnswers++;
		}
		return {
			status: 207,
			headers: { 'content-type': settings.multiStatusContentType },
			body: JSON.stringify(envelope(results)),
		};
	};
}
