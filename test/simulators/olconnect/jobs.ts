import type { RouteHandler, SimRequest, SimResponse } from '../base';
import { REST_ROOT } from './auth';
import { olcError } from './errors';
import { notAcceptable, unsupportedMediaType } from './http-rules';
import type { OlcSimSettings } from './settings';
import { mergeLists, type NameValue, type OlcJobStore, type SimJob } from './store';

export const JOBS_PATH = `${REST_ROOT}/entity/jobs`;

interface Context {
	settings: OlcSimSettings;
	store: OlcJobStore;
}

type Parsed<T> = { ok: T } | { refused: SimResponse };

/** A path segment that is not a whole number never reaches the resource method (JAX-RS: 404). */
function jobIdOf(ctx: Context, req: SimRequest): Parsed<number> {
	const raw = req.params.jobId ?? '';
	if (!/^\d{1,18}$/.test(raw)) return { refused: olcError(ctx.settings, 404, 'Not Found') };
	return { ok: Number(raw) };
}

const MISSING = 'The specified Job passed into this method refers to a missing resource.';

/** 2023.1+ names the missing job in a 404 JSON Error; older servers fail with a bare 500. */
function missingJob(ctx: Context, id: number): SimResponse {
	if (ctx.settings.errorStyle === 'legacy') return { status: 500 };
	return olcError(ctx.settings, 404, MISSING, { parameter: id });
}

function badRequest(ctx: Context, message: string): SimResponse {
	return olcError(ctx.settings, 400, message, { legacyText: message });
}

/**
 * A JSON Name/Value List's entries. Scalars are coerced to text as Jackson does for a String
 * field; objects, arrays and null are refused, since no client should send them.
 */
function nameValues(ctx: Context, value: unknown): Parsed<NameValue[]> {
	if (!Array.isArray(value)) return { refused: badRequest(ctx, 'properties must be a list of name/value pairs') };
	const list: NameValue[] = [];
	for (const entry of value as unknown[]) {
		const pair = entry as { name?: unknown; value?: unknown } | null;
		if (typeof pair !== 'object' || pair === null || typeof pair.name !== 'string') {
			return { refused: badRequest(ctx, 'every property needs a name') };
		}
		const raw = pair.value;
		if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
			return { refused: badRequest(ctx, `Cannot deserialize the value of property "${pair.name}" as a String`) };
		}
		list.push({ name: pair.name, value: String(raw) });
	}
	return { ok: list };
}

/** The request body as JSON, after the content-type check; malformed JSON is a 400. */
function jsonBody(ctx: Context, req: SimRequest): Parsed<unknown> {
	const unsupported = unsupportedMediaType(req);
	if (unsupported) return { refused: unsupported };
	if (req.body === undefined) return { refused: badRequest(ctx, 'The request content is not valid JSON') };
	return { ok: req.body };
}

function idOf(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
	return undefined;
}

function readJob(ctx: Context, req: SimRequest, produces: string): Parsed<SimJob> {
	const refused = notAcceptable(req, produces);
	if (refused) return { refused };
	const id = jobIdOf(ctx, req);
	if ('refused' in id) return id;
	const job = ctx.store.get(id.ok);
	return job ? { ok: job } : { refused: missingJob(ctx, id.ok) };
}

function json(body: unknown): SimResponse {
	return { status: 200, headers: { 'content-type': 'application/json' }, body };
}

/** GET /jobs/{jobId}/contents: `{"identifiers":[{"item":…,"record":…}]}`. */
export function getContents(ctx: Context): RouteHandler {
	return (req) => {
		const job = readJob(ctx, req, 'application/json');
		return 'refused' in job ? job.refused : json({ identifiers: job.ok.contents });
	};
}

/** GET /jobs/{jobId}: the job's segments, `{"identifiers":[…]}`. */
export function getSegments(ctx: Context): RouteHandler {
	return (req) => {
		const job = readJob(ctx, req, 'application/json');
		return 'refused' in job ? job.refused : json({ identifiers: job.ok.segments });
	};
}

/** GET /jobs/{jobId}/metadata and /properties: a bare JSON Name/Value List. */
export function getList(ctx: Context, list: 'metadata' | 'properties'): RouteHandler {
	return (req) => {
		const job = readJob(ctx, req, 'application/json');
		return 'refused' in job ? job.refused : json(job.ok[list]);
	};
}

/**
 * PUT /jobs/{jobId}/metadata and /properties: replaces the whole list and answers `true` as
 * text/plain; a body whose `id` differs from the path's job ID is a 500.
 */
export function putList(ctx: Context, list: 'metadata' | 'properties'): RouteHandler {
	return (req) => {
		const refused = notAcceptable(req, 'text/plain');
		if (refused) return refused;
		const id = jobIdOf(ctx, req);
		if ('refused' in id) return id.refused;
		const body = jsonBody(ctx, req);
		if ('refused' in body) return body.refused;
		const content = body.ok as { id?: unknown; properties?: unknown } | null;
		if (typeof content !== 'object' || content === null || Array.isArray(content)) {
			return badRequest(ctx, 'The request content must be a JSON Name/Value List');
		}
		if (idOf(content.id) !== id.ok) {
			return olcError(ctx.settings, 500, 'The Job ID in the request content does not match the Job ID in the request URI.', {
				parameter: id.ok,
			});
		}
		const job = ctx.store.get(id.ok);
		if (!job) return missingJob(ctx, id.ok);
		const values = nameValues(ctx, content.properties);
		if ('refused' in values) return values.refused;
		job[list] = values.ok;
		return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'true' };
	};
}

/** PUT /jobs/properties: JSON Name/Value Lists for many jobs; 200 with no content. */
export function putManyProperties(ctx: Context): RouteHandler {
	return (req) => {
		const body = jsonBody(ctx, req);
		if ('refused' in body) return body.refused;
		if (!Array.isArray(body.ok)) return badRequest(ctx, 'The request content must be a list of JSON Name/Value Lists');
		const updates: Array<{ id: number; properties: NameValue[] }> = [];
		for (const entry of body.ok as unknown[]) {
			const content = entry as { id?: unknown; properties?: unknown } | null;
			const id = typeof content === 'object' && content !== null ? idOf(content.id) : undefined;
			if (id === undefined || content === null) return badRequest(ctx, 'Every entry needs a numeric job id');
			const values = nameValues(ctx, content.properties);
			if ('refused' in values) return values.refused;
			updates.push({ id, properties: values.ok });
		}
		const missing = updates.findIndex((update) => !ctx.store.has(update.id));
		const applied = missing < 0 ? updates : ctx.settings.manyUpdateAtomic ? [] : updates.slice(0, missing);
		for (const update of applied) {
			const job = ctx.store.get(update.id) as SimJob;
			job.properties = ctx.settings.manyUpdate === 'merge' ? mergeLists(job.properties, update.properties) : update.properties;
		}
		if (missing >= 0) {
			return olcError(ctx.settings, ctx.settings.errorStyle === 'legacy' ? 500 : ctx.settings.manyMissingStatus, MISSING, {
				parameter: updates[missing].id,
			});
		}
		return { status: 200 };
	};
}

/** GET /entity: the Entity service's handshake, what the credential test calls. */
export function handshake(): RouteHandler {
	return (req) =>
		notAcceptable(req, 'text/plain') ?? {
			status: 200,
			headers: { 'content-type': 'text/plain' },
			body: 'Server Engine REST Service available: EntityRestService',
		};
}
