import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { encodeRfc3986, signRequest } from '../../shared/sigv4';

export const RIGHTSLINE_SERVICE = 'execute-api';
export const DEFAULT_REGION = 'us-west-2';

/** Headers this credential sets and signs; anything the caller passes under these names is replaced. */
const OWNED = new Set(['authorization', 'host', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256', 'x-api-key']);

function isAbsolute(url: string): boolean {
	return /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
}

/** `qs` as the request will carry it: repeated names for lists, JSON for objects. */
function queryText(qs: IDataObject | undefined): string {
	if (!qs) return '';
	const parts: string[] = [];
	for (const [name, value] of Object.entries(qs)) {
		if (value === undefined || value === null) continue;
		for (const one of Array.isArray(value) ? value : [value]) {
			const text = typeof one === 'object' && one !== null ? JSON.stringify(one) : String(one);
			parts.push(`${encodeRfc3986(name)}=${encodeRfc3986(text)}`);
		}
	}
	return parts.join('&');
}

/**
 * The URL exactly as the request will go out. axios (under n8n's httpRequest) would join baseURL
 * and url and serialise `qs` with its own rules, and then parse the result with WHATWG URL; the
 * signature must cover the same bytes, so the URL is built here and `baseURL`/`qs` are dropped.
 */
export function finalUrl(options: IHttpRequestOptions): string {
	const target = options.url ?? '';
	const joined = isAbsolute(target) || !options.baseURL ? target : `${options.baseURL.replace(/\/+$/, '')}/${target.replace(/^\/+/, '')}`;
	const url = new URL(joined);
	const query = queryText(options.qs);
	if (query) url.search = url.search ? `${url.search}&${query}` : `?${query}`;
	return url.href;
}

/**
 * The body exactly as it will be sent. n8n's httpRequest sends a string as it is, sends no body for
 * GET or for an empty object, and would JSON-encode an object; encoding it here fixes the bytes.
 */
function finalBody(method: string, body: IHttpRequestOptions['body']): { text?: string | Buffer; contentType?: string } {
	if (method === 'GET' || method === 'HEAD' || body === undefined || body === null) return {};
	if (typeof body === 'string') return { text: body };
	if (Buffer.isBuffer(body)) return { text: body };
	if (body instanceof URLSearchParams) return { text: body.toString(), contentType: 'application/x-www-form-urlencoded' };
	if (typeof body === 'object' && Object.keys(body).length === 0) return {};
	return { text: JSON.stringify(body), contentType: 'application/json' };
}

function headerNamed(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : String(headers[key]);
}

/**
 * Signs one request with the temporary credentials (AWS SigV4, service execute-api) and adds the
 * company API key, as Rightsline's v4 sample does: content-type, host, x-amz-date,
 * x-amz-security-token and x-api-key are signed. Safe to apply to its own output again, which n8n
 * does when it refreshes the credential after a 401/403 and resends.
 */
export function signRightslineRequest(
	credentials: ICredentialDataDecryptedObject,
	options: IHttpRequestOptions,
	now: Date = new Date(),
): IHttpRequestOptions {
	const method = (options.method ?? 'GET').toUpperCase();
	const url = finalUrl(options);
	const body = finalBody(method, options.body);

	const unsigned: IDataObject = {};
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		if (!OWNED.has(name.toLowerCase()) && name.toLowerCase() !== 'content-type') unsigned[name] = value;
	}
	const contentType = headerNamed(options.headers ?? {}, 'content-type') ?? body.contentType;
	const toSign: Record<string, string> = { 'x-api-key': String(credentials.apiKey ?? '') };
	if (body.text !== undefined && contentType) toSign['content-type'] = contentType;

	const signed = signRequest(
		{ method, url, headers: toSign, body: body.text },
		{
			accessKeyId: String(credentials.tempAccessKey ?? ''),
			secretAccessKey: String(credentials.tempSecretKey ?? ''),
			sessionToken: String(credentials.sessionToken ?? ''),
		},
		{ region: String(credentials.region || DEFAULT_REGION), service: RIGHTSLINE_SERVICE, date: now },
	);

	const signedOptions: IHttpRequestOptions = { ...options, method: options.method, url, headers: { ...unsigned, ...signed.headers } };
	delete signedOptions.baseURL;
	delete signedOptions.qs;
	if (body.text === undefined) delete signedOptions.body;
	else signedOptions.body = body.text;
	return signedOptions;
}
