import type { IncomingHttpHeaders } from 'node:http';

import type { RecordedRequest } from './types';

export function splitUrl(url: string): { path: string; query: Record<string, string> } {
	const q = url.indexOf('?');
	if (q < 0) return { path: url, query: {} };
	const query: Record<string, string> = {};
	for (const [name, value] of new URLSearchParams(url.slice(q + 1))) {
		query[name] = name in query ? `${query[name]},${value}` : value;
	}
	return { path: url.slice(0, q), query };
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
	const flat: Record<string, string | undefined> = {};
	for (const name in headers) {
		const value = headers[name];
		flat[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}

/** Non-JSON bodies are not an error here: routes that expect JSON decide what to answer. */
export function parseBody(raw: string): unknown {
	if (raw.length === 0) return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		return undefined;
	}
}

export function makeRecord(
	seq: number,
	time: number,
	method: string,
	url: string,
	headers: IncomingHttpHeaders,
	rawBody: string,
): RecordedRequest {
	const { path, query } = splitUrl(url);
	return {
		seq,
		time,
		method,
		path,
		query,
		headers: flattenHeaders(headers),
		rawBody,
		body: parseBody(rawBody),
	};
}
