import { request } from 'undici';

import type { BigChangeSimulator } from './simulator';

export interface CallResult {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** The body parsed as JSON, or undefined when it is not JSON. */
	json: unknown;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One request to the simulator, read to the end. */
export async function call(url: string, options: { method?: Method; headers?: Record<string, string>; body?: string } = {}): Promise<CallResult> {
	const res = await request(url, { method: options.method ?? 'GET', headers: options.headers, body: options.body });
	const text = await res.body.text();
	let json: unknown;
	try {
		json = JSON.parse(text) as unknown;
	} catch {
		json = undefined;
	}
	return { status: res.statusCode, headers: res.headers, text, json };
}

/** A /v1 call with a fresh token of `clientId` and the simulator's customer, unless overridden. */
export function api(
	sim: BigChangeSimulator,
	method: Method,
	path: string,
	body?: unknown,
	options: { token?: string; customerId?: string; headers?: Record<string, string> } = {},
): Promise<CallResult> {
	const token = options.token ?? sim.issueToken();
	return call(`${sim.baseUrl}${path}`, {
		method,
		headers: { ...sim.apiHeaders(token, options.customerId), ...options.headers },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
}

export function tokenRequest(sim: BigChangeSimulator, form: Record<string, string>, contentType = 'application/x-www-form-urlencoded'): Promise<CallResult> {
	return call(sim.tokenUrl, { method: 'POST', headers: { 'content-type': contentType }, body: new URLSearchParams(form).toString() });
}
