import { request, type Dispatcher } from 'undici';

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
	options: { method?: 'GET' | 'POST' | 'PUT'; headers?: Record<string, string>; body?: unknown; dispatcher?: Dispatcher } = {},
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

export function basic(username: string, password: string): string {
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
