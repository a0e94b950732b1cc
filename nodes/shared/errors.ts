import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { requestOutcome } from './classify';
import { readErrorBody } from './error-body';
import { explainNetworkCode, explainStatus, type StatusExplanations } from './explanations';
import { inspectFailure, isBag } from './failure';
import { setFailureFacts } from './failure-facts';
import { NotSent } from './run-stop';
import { scrubText, scrubValue } from './scrub';
import { isCredentialRefusal } from './credential-refused';

export interface ApiErrorDescription {
	status?: number;
	/** The most specific thing the server (or the network) said, scrubbed of secrets. */
	message: string;
	/** Secondary facts: problem title, trace/activity IDs, page title, request origin. */
	detail?: string;
}

export interface DescribeOptions {
	/** Exact secret values to redact in addition to the name-based scrubbing. */
	secrets?: readonly string[];
}

function ownMessage(error: unknown): string | undefined {
	if (typeof error === 'string') return error;
	const message = isBag(error) ? error.message : undefined;
	return typeof message === 'string' && message !== '' ? message : undefined;
}

/**
 * A NodeApiError built from a plain object (by a node, or by `toNodeApiError`) keeps the object in
 * `errorResponse`; its message is the node's own words, better than a generic status line.
 */
function plainResponseMessage(error: unknown): string | undefined {
	return isBag(error) && isBag(error.errorResponse) ? ownMessage(error.errorResponse) : undefined;
}

/** A 3xx names where it points (origin and path only: a query string may hold keys). */
function redirectMessage(status: number, location: string | undefined): string | undefined {
	if (status < 300 || status >= 400 || !location) return undefined;
	const target = location.split(/[?#]/)[0];
	return `status ${status}: the server redirected the request to ${target}; if that is the right server, set the base URL in the credential to it`;
}

function describeRaw(error: unknown, secrets: readonly string[]): ApiErrorDescription {
	const failure = inspectFailure(error);
	if (failure.cancelled) return { message: explainNetworkCode('ERR_CANCELED') };
	if (failure.status !== undefined) {
		const reading = readErrorBody(scrubValue(failure.body, secrets), {
			status: failure.status,
			contentType: failure.headers['content-type'],
		});
		return {
			status: failure.status,
			message:
				reading?.message ??
				plainResponseMessage(error) ??
				redirectMessage(failure.status, failure.headers.location) ??
				`status ${failure.status}: ${explainStatus(failure.status)}`,
			detail: reading?.detail,
		};
	}
	if (failure.code !== undefined) {
		const where = failure.url === undefined ? undefined : `request to ${failure.url}`;
		return { message: explainNetworkCode(failure.code), detail: where };
	}
	return { message: ownMessage(error) ?? 'unknown error (the failure carried no message)' };
}

/** Turns anything a request can throw into words; safe to show and to put in output items. */
export function describeApiError(error: unknown, options: DescribeOptions = {}): ApiErrorDescription {
	const secrets = options.secrets ?? [];
	const raw = describeRaw(error, secrets);
	return {
		...(raw.status !== undefined ? { status: raw.status } : {}),
		message: scrubText(raw.message, secrets),
		...(raw.detail !== undefined ? { detail: scrubText(raw.detail, secrets) } : {}),
	};
}

export interface ToNodeApiErrorOptions extends DescribeOptions {
	itemIndex?: number;
	/** What the node was doing, e.g. "update job 42"; appears in the description. */
	action?: string;
	/** Vendor-specific status lines that extend or replace the common ones. */
	explanations?: StatusExplanations;
	/**
	 * The node's own words for this failure, when it knows better than the server's text (a vendor's
	 * 404 or 403 explained, a 422 field list reworded). What the server said moves to the description.
	 */
	message?: string;
	/**
	 * The request wrote something. A write that is not safe to repeat (a create) and whose answer
	 * was lost is reported as possibly applied and not sent again, in the same words by every node.
	 */
	write?: { idempotent: boolean; vendor: string; what?: string };
}

/** The words every node uses for a write that may have been applied and was not repeated. */
export function maybeAppliedMessage(vendor: string, what: string, cause: string): string {
	return (
		`${vendor} may have saved this ${what}: the request reached it, but ${cause}. ` +
		`It was not sent again, so that nothing is created twice. Check in ${vendor} whether it exists before running this item again`
	);
}

/** How the answer was lost, as the end of "the request reached it, but …". */
function lostAnswer(server: ApiErrorDescription): string {
	return server.status === undefined ? server.message : `it answered with status ${server.status} (${server.message})`;
}

/**
 * The words for an item the run's stop rule held back, with the reason for the failure that
 * stopped the run. A node that words that failure better (its own 401/403 text) passes its words.
 */
export function notSentBecause(reason: string): string {
	return `Not sent, because an earlier request of this run failed: ${reason}`;
}

function notSentMessage(error: NotSent, secrets: readonly string[]): ApiErrorDescription {
	const reason = describeApiError(error.reason, { secrets });
	return {
		message: notSentBecause(reason.message),
		detail: 'Every item would have met the same failure, so the rest of the run was not sent. Fix it, then run these items again',
	};
}

function descriptionOf(described: ApiErrorDescription, options: ToNodeApiErrorOptions): string | undefined {
	const parts: string[] = [];
	if (described.status !== undefined) {
		parts.push(`HTTP ${described.status}: ${explainStatus(described.status, options.explanations)}.`);
	}
	if (described.detail !== undefined) parts.push(`${described.detail.replace(/[.\s]+$/, '')}.`);
	if (options.action !== undefined) parts.push(`While trying to ${options.action}.`);
	return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * A fresh NodeApiError built only from scrubbed text. The original error is deliberately not kept
 * as `cause`: its axios config holds the request headers (API keys, bearer tokens).
 */
export function toNodeApiError(node: INode, error: unknown, options: ToNodeApiErrorOptions = {}): NodeApiError {
	const secrets = options.secrets ?? [];
	if (error instanceof NotSent) {
		const apiError = fromDescription(node, notSentMessage(error, secrets), options);
		setFailureFacts(apiError, { sent: false, mayHaveBeenApplied: false });
		return apiError;
	}
	const server = describeApiError(error, options);
	const outcome = isCredentialRefusal(error) ? 'not-sent' : requestOutcome(error);
	const { write } = options;
	const ownText =
		outcome === 'maybe-applied' && write !== undefined && !write.idempotent
			? maybeAppliedMessage(write.vendor, write.what ?? 'record', lostAnswer(server))
			: options.message;
	const own = ownText === undefined ? undefined : scrubText(ownText, secrets);
	const described: ApiErrorDescription =
		own === undefined
			? server
			: { ...server, message: own, detail: [`The server said: ${server.message}`, server.detail].filter(Boolean).join('; ') };
	const apiError = fromDescription(node, described, options);
	setFailureFacts(apiError, {
		sent: outcome !== 'not-sent',
		mayHaveBeenApplied: outcome === 'maybe-applied',
		vendorMessage: server.status !== undefined ? server.message : undefined,
	});
	return apiError;
}

function fromDescription(node: INode, described: ApiErrorDescription, options: ToNodeApiErrorOptions): NodeApiError {
	const httpCode = described.status === undefined ? null : String(described.status);
	const description = descriptionOf(described, options);
	const response: JsonObject = { message: described.message, description: description ?? null };
	const apiError = new NodeApiError(node, response, {
		message: described.message,
		description,
		httpCode: httpCode ?? undefined,
		itemIndex: options.itemIndex,
	});
	// NodeApiError swaps messages mentioning ECONNRESET, EPERM… for generic text; ours is already specific.
	apiError.message = described.message;
	apiError.httpCode = httpCode;
	return apiError;
}
