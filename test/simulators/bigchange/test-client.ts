import { call, type CallResult } from '../base';
import type { BigChangeSimulator } from './simulator';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

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

export { call, type CallResult };
