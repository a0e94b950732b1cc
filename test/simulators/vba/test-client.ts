import { request } from 'undici';

import type { VbaSimulator } from './index';

export interface CallResult {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** The body parsed as JSON, or undefined when it is not JSON. */
	json: unknown;
}

/** One request to the simulator, read to the end; the body is parsed whatever the content type says. */
export async function call(
	url: string,
	options: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; headers?: Record<string, string>; body?: string } = {},
): Promise<CallResult> {
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

/** PUTs records to a batch path (path params already filled in) with a valid token and headers. */
export function putBatch(
	sim: VbaSimulator,
	path: string,
	records: unknown,
	options: { token?: string; database?: string; headers?: Record<string, string> } = {},
): Promise<CallResult> {
	const token = options.token ?? sim.issueIdToken();
	return call(`${sim.baseUrl}${path}`, {
		method: 'PUT',
		headers: { ...sim.dataHeaders(token, options.database), ...options.headers },
		body: typeof records === 'string' ? records : JSON.stringify(records),
	});
}

export interface MultiStatusBody {
	data: Array<{ id: Array<{ key: string; value: unknown }>; status: number; body: string }>;
	error: unknown;
	debug: { activityID: string };
}

export function multiStatus(result: CallResult): MultiStatusBody {
	if (result.status !== 207) throw new Error(`expected 207, got ${result.status}: ${result.text}`);
	return result.json as MultiStatusBody;
}
