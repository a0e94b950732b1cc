import { request, type Dispatcher } from 'undici';

export interface CallResult {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** The body parsed as JSON, or undefined when it is not JSON. */
	json: unknown;
}

/**
 * One request to a simulator, read to the end; the body is parsed whatever the content type says.
 * A string body is sent as it is; any other body is sent as JSON with that content type.
 */
export async function call(
	url: string,
	options: {
		method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
		headers?: Record<string, string>;
		body?: unknown;
		dispatcher?: Dispatcher;
	} = {},
): Promise<CallResult> {
	const body = options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	const headers = { ...(body !== undefined && typeof options.body !== 'string' ? { 'content-type': 'application/json' } : {}), ...options.headers };
	const res = await request(url, { method: options.method ?? 'GET', headers, body, dispatcher: options.dispatcher });
	const text = await res.body.text();
	let json: unknown;
	try {
		json = JSON.parse(text) as unknown;
	} catch {
		json = undefined;
	}
	return { status: res.statusCode, headers: res.headers, text, json };
}
