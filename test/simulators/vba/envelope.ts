import { randomUUID } from 'node:crypto';

import type { SimResponse } from '../base';

/** VBAProblemDetails, RFC 7807-like, as it appears inside every VBAPI envelope. */
export interface VbaProblem {
	type: string | null;
	title: string | null;
	status: number;
	detail: string | null;
	instance: string | null;
}

export interface VbaEnvelope<T> {
	data: T;
	error: VbaProblem;
	debug: { activityID: string };
}

export interface KeyValuePair {
	key: string;
	value: unknown;
}

export interface MultiCodeResponse {
	id: KeyValuePair[];
	status: number;
	body: string;
}

/** What a successful call carries in `error`: the documented object with every member empty. */
export const NO_PROBLEM: Readonly<VbaProblem> = Object.freeze({ type: null, title: null, status: 0, detail: null, instance: null });

const PROBLEM_TYPES: Record<number, string> = {
	400: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
	401: 'https://tools.ietf.org/html/rfc7235#section-3.1',
	403: 'https://tools.ietf.org/html/rfc7231#section-6.5.3',
	413: 'https://tools.ietf.org/html/rfc7231#section-6.5.11',
	415: 'https://tools.ietf.org/html/rfc7231#section-6.5.13',
};

export function envelope<T>(data: T, error: VbaProblem = { ...NO_PROBLEM }): VbaEnvelope<T> {
	return { data, error, debug: { activityID: randomUUID() } };
}

/** An application-level VBAPI error: the usual envelope with `data: null` and the problem filled in. */
export function vbaError(status: number, title: string, detail: string, instance: string): SimResponse {
	const problem: VbaProblem = { type: PROBLEM_TYPES[status] ?? null, title, status, detail, instance };
	return { status, body: envelope(null, problem) };
}

/**
 * What ASP.NET Core itself answers before VBAPI's code runs (an unsupported content type): plain
 * problem+json, not the VBAPI envelope, so clients meet that shape too.
 */
export function frameworkProblem(status: number, title: string): SimResponse {
	return {
		status,
		headers: { 'content-type': 'application/problem+json; charset=utf-8' },
		body: { type: PROBLEM_TYPES[status] ?? 'about:blank', title, status, traceId: `00-${randomUUID().replace(/-/g, '')}-01` },
	};
}

/** API Gateway's own answers (API key, throttling, payload size) are a bare `{ message }`. */
export function gatewayMessage(status: number, message: string): SimResponse {
	return { status, body: { message } };
}
