import { STATUS_CODES } from 'node:http';

import type { SimResponse } from './types';

export interface EncodedResponse {
	status: number;
	headers: Record<string, string>;
	payload: Buffer;
}

const EMPTY = Buffer.alloc(0);

/** Turns a handler's response into bytes and headers, with an exact content-length. */
export function encodeResponse(response: SimResponse): EncodedResponse {
	const headers: Record<string, string> = {};
	let hasContentType = false;
	if (response.headers) {
		for (const [name, value] of Object.entries(response.headers)) {
			const lower = name.toLowerCase();
			if (lower === 'content-type') hasContentType = true;
			headers[lower] = value;
		}
	}
	const { body } = response;
	let payload: Buffer = EMPTY;
	if (typeof body === 'string') {
		payload = Buffer.from(body, 'utf8');
		if (!hasContentType) headers['content-type'] = 'text/plain; charset=utf-8';
	} else if (Buffer.isBuffer(body)) {
		payload = body;
		if (!hasContentType) headers['content-type'] = 'application/octet-stream';
	} else if (body !== undefined) {
		payload = Buffer.from(JSON.stringify(body), 'utf8');
		if (!hasContentType) headers['content-type'] = 'application/json; charset=utf-8';
	}
	headers['content-length'] = String(payload.length);
	return { status: response.status, headers, payload };
}

/** The kind of page a reverse proxy serves when the application behind it is down. */
export function proxyErrorPage(status: number): SimResponse {
	const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
	return {
		status,
		headers: { 'content-type': 'text/html' },
		body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
	};
}
