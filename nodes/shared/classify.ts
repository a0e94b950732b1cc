import { inspectFailure } from './failure';
import { parseRetryAfter } from './retry-after';

export interface FailureClass {
	retry: boolean;
	/** What the server asked for (Retry-After), in ms; absent means "use backoff". */
	waitMs?: number;
	reason: string;
	/** 429/503: the server wants the whole client to slow down, not just this request. */
	throttled?: boolean;
}

export interface ClassifyOptions {
	/**
	 * Repeating the request cannot change the outcome: a GET, a PUT that replaces, a PATCH that sets.
	 * A create (POST) or an append is not, because a retry after an unseen success duplicates data.
	 */
	idempotent: boolean;
	/** Clock for HTTP-date Retry-After values. */
	now?: number;
}

/** Failed before a byte of the request reached the server: always safe to send again. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'EADDRNOTAVAIL',
	'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The request may have been received and applied before the connection broke or the clock ran out.
 * ECONNABORTED is what axios (and so n8n) reports for its own timeout; ETIMEDOUT can be either a
 * connect or a read timeout, so it is treated as the riskier of the two.
 */
const MAYBE_SENT_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'UND_ERR_SOCKET',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
	'ERR_STREAM_PREMATURE_CLOSE',
]);

/** Statuses that say the server did not act on the request, so even a create may be repeated. */
const NOT_PROCESSED_STATUSES = new Set([408, 429, 503]);

/** Server-side failures where the request may or may not have been applied. */
const MAYBE_PROCESSED_STATUSES = new Set([500, 502, 504]);

function byStatus(status: number, idempotent: boolean, waitMs: number | undefined): FailureClass {
	if (NOT_PROCESSED_STATUSES.has(status)) {
		const reason = `status ${status}: the server did not process the request`;
		return { retry: true, waitMs, reason, throttled: status !== 408 };
	}
	if (MAYBE_PROCESSED_STATUSES.has(status) || (status >= 505 && status <= 599)) {
		return idempotent
			? { retry: true, waitMs, reason: `status ${status}: transient server failure, safe to repeat` }
			: {
					retry: false,
					reason: `status ${status}: the server may have applied the request, repeating could duplicate it`,
				};
	}
	if (status === 401) {
		// n8n-core already refreshed the credential and repeated once before this error reached us.
		return { retry: false, reason: 'status 401: credentials rejected after n8n refreshed them' };
	}
	return { retry: false, reason: `status ${status}: not a transient failure` };
}

function byCode(code: string, idempotent: boolean): FailureClass {
	if (NOT_SENT_CODES.has(code)) {
		return { retry: true, reason: `${code}: the request never reached the server` };
	}
	if (MAYBE_SENT_CODES.has(code)) {
		return idempotent
			? { retry: true, reason: `${code}: connection lost or timed out, safe to repeat` }
			: {
					retry: false,
					reason: `${code}: the request may have been applied before the connection was lost`,
				};
	}
	return { retry: false, reason: `${code}: not a transient failure` };
}

/**
 * What a final failure says about the request itself: it never reached the server, it may have
 * been applied (the answer was lost, or a 5xx that may come after the work was done), or the
 * server answered and refused it.
 */
export type RequestOutcome = 'not-sent' | 'maybe-applied' | 'refused';

export function requestOutcome(error: unknown): RequestOutcome {
	const failure = inspectFailure(error);
	if (failure.cancelled) return 'not-sent';
	if (failure.status !== undefined) {
		return MAYBE_PROCESSED_STATUSES.has(failure.status) || failure.status >= 505 ? 'maybe-applied' : 'refused';
	}
	if (failure.code !== undefined && MAYBE_SENT_CODES.has(failure.code)) return 'maybe-applied';
	return 'not-sent';
}

/** The one rule every node uses to decide whether a failed call is worth another attempt. */
export function classifyFailure(error: unknown, options: ClassifyOptions): FailureClass {
	const failure = inspectFailure(error);
	if (failure.cancelled) return { retry: false, reason: 'cancelled' };
	if (failure.status !== undefined) {
		const waitMs = parseRetryAfter(failure.headers['retry-after'], options.now);
		return byStatus(failure.status, options.idempotent, waitMs);
	}
	if (failure.code !== undefined) return byCode(failure.code, options.idempotent);
	return { retry: false, reason: 'not an HTTP or network failure' };
}
