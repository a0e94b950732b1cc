/**
 * Reads what a failed HTTP call says about itself, whatever wrapped it.
 *
 * `httpRequestWithAuthentication` throws `new NodeApiError(node, axiosError)`. The axios error is the
 * NodeApiError's `cause`; it carries `response.status`, `response.headers` (lower-case names) and
 * `response.data` (parsed JSON, or a string for text/HTML), or for a network failure a `code` such as
 * ECONNREFUSED, ECONNRESET or ECONNABORTED (axios' own timeout). NodeApiError copies the status into
 * `httpCode` as a string, and for network failures puts the code there instead. Older request paths
 * put the response under `reason`, and a NodeApiError built from a plain object keeps it in
 * `errorResponse`, so the whole chain is walked rather than one known shape.
 */
export interface HttpFailure {
	/** HTTP status of the answer, when there was one. */
	status?: number;
	/** Response headers with lower-case names. */
	headers: Record<string, string>;
	/** Response body as the client handed it over: object, string, or undefined. */
	body?: unknown;
	/** Network error code (ECONNRESET, ENOTFOUND, UND_ERR_SOCKET…) when no answer arrived. */
	code?: string;
	/** Origin and path of the request, never the query string (it may hold keys). */
	url?: string;
	/** The caller (or n8n, on "stop execution") aborted the request. */
	cancelled: boolean;
}

type Bag = Record<string, unknown>;

const MAX_CHAIN = 8;

/** Axios marks "got an answer, but not 2xx" with these; they are not network failures. */
const STATUS_ERROR_CODES = new Set(['ERR_BAD_REQUEST', 'ERR_BAD_RESPONSE']);

export function isBag(value: unknown): value is Bag {
	return typeof value === 'object' && value !== null;
}

function chainOf(error: unknown): Bag[] {
	const chain: Bag[] = [];
	const queue: unknown[] = [error];
	while (queue.length > 0 && chain.length < MAX_CHAIN) {
		const level = queue.shift();
		if (!isBag(level) || chain.includes(level)) continue;
		chain.push(level);
		queue.push(level.cause, level.reason, level.errorResponse);
	}
	return chain;
}

function toStatus(value: unknown): number | undefined {
	const n = typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

function toCode(value: unknown): string | undefined {
	if (typeof value !== 'string' || !/^[A-Z][A-Z0-9_]{2,}$/.test(value)) return undefined;
	return STATUS_ERROR_CODES.has(value) ? undefined : value;
}

function headerValue(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) return value.map(String).join(', ');
	return undefined;
}

function readHeaders(raw: unknown): Record<string, string> {
	const headers: Record<string, string> = {};
	if (!isBag(raw)) return headers;
	for (const [name, value] of Object.entries(raw)) {
		const text = headerValue(value);
		if (text !== undefined) headers[name.toLowerCase()] = text;
	}
	return headers;
}

function safeUrl(config: unknown): string | undefined {
	if (!isBag(config) || typeof config.url !== 'string') return undefined;
	try {
		const base = typeof config.baseURL === 'string' ? config.baseURL : undefined;
		const url = new URL(config.url, base);
		return `${url.origin}${url.pathname}`;
	} catch {
		return undefined;
	}
}

function isCancel(level: Bag): boolean {
	return level.code === 'ERR_CANCELED' || level.name === 'AbortError' || level.name === 'CanceledError';
}

/** undici reports a socket closed mid-answer as `TypeError: terminated` with the real code in `cause`. */
function isTerminated(level: Bag): boolean {
	return level.name === 'TypeError' && level.message === 'terminated';
}

export function inspectFailure(error: unknown): HttpFailure {
	const failure: HttpFailure = { headers: {}, cancelled: false };
	let fallbackStatus: number | undefined;
	let contextBody: unknown;
	for (const level of chainOf(error)) {
		const response = isBag(level.response) ? level.response : undefined;
		if (response && failure.status === undefined) {
			failure.status = toStatus(response.status) ?? toStatus(response.statusCode);
			if (failure.status !== undefined) {
				failure.headers = readHeaders(response.headers);
				failure.body = response.data ?? response.body;
			}
		}
		fallbackStatus ??= toStatus(level.httpCode) ?? toStatus(level.statusCode);
		// n8n 1.x keeps no axios error in the chain: NodeApiError holds the answer's body in context.data.
		if (contextBody === undefined && isBag(level.context)) contextBody = level.context.data;
		failure.code ??= toCode(level.code) ?? toCode(level.httpCode);
		if (failure.code === undefined && isTerminated(level)) failure.code = 'UND_ERR_SOCKET';
		failure.url ??= safeUrl(level.config);
		failure.cancelled ||= isCancel(level);
	}
	failure.status ??= fallbackStatus;
	if (failure.body === undefined && failure.status !== undefined) failure.body = contextBody;
	if (failure.status !== undefined && failure.status < 300) {
		// A 2xx that still failed is an answer that broke off mid-body (axios: "stream has been
		// aborted"): a lost connection, not a status the server chose.
		failure.status = undefined;
		failure.headers = {};
		failure.body = undefined;
		failure.code ??= 'UND_ERR_SOCKET';
	}
	return failure;
}
