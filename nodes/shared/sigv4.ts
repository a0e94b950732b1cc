import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 (AWS4-HMAC-SHA256) for header-signed requests, on node:crypto alone so
 * the package keeps no runtime dependency. Follows the AWS General Reference "Create a signed AWS
 * API request" and is checked against AWS's published test suite (test/shared/sigv4.test.ts).
 */

export interface SigV4Credentials {
	accessKeyId: string;
	secretAccessKey: string;
	/** STS session token of temporary credentials; signed as x-amz-security-token. */
	sessionToken?: string;
}

export interface SigV4Request {
	method: string;
	/**
	 * Absolute URL exactly as it goes on the wire: path and query already percent-encoded (what
	 * `new URL(...).href` gives). The signer encodes path segments once more, as every service but
	 * S3 expects.
	 */
	url: string;
	/** Headers to send and sign; a list means the header is repeated. */
	headers?: Record<string, string | readonly string[] | undefined>;
	/** The exact bytes of the body; absent or empty for none. */
	body?: string | Uint8Array;
}

export interface SigV4Options {
	region: string;
	service: string;
	/** Signing time; defaults to now. */
	date?: Date;
	/** Adds and signs x-amz-content-sha256 (S3 requires it; API Gateway does not). */
	signPayloadHeader?: boolean;
}

export interface SignedRequest {
	/** Every header to send: the request's own plus host, x-amz-date, x-amz-security-token, authorization. */
	headers: Record<string, string>;
	authorization: string;
	canonicalRequest: string;
	stringToSign: string;
	signature: string;
	signedHeaders: string;
	credentialScope: string;
	amzDate: string;
}

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/** Headers the signer owns: values the caller passes for these are replaced, never signed twice. */
const SIGNER_HEADERS = new Set(['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256']);

export function sha256Hex(data: string | Uint8Array): string {
	return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
	return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** `20150830T123600Z`: ISO 8601 basic format, UTC, whole seconds. */
export function toAmzDate(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - . _ ~ (encodeURIComponent spares !'()*). */
export function encodeRfc3986(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Dot segments resolved, empty segments dropped, each segment encoded (again, for a wire path). */
export function canonicalUri(path: string): string {
	const segments: string[] = [];
	for (const segment of path.split('/')) {
		if (segment === '' || segment === '.') continue;
		if (segment === '..') segments.pop();
		else segments.push(encodeRfc3986(segment));
	}
	if (segments.length === 0) return '/';
	const directory = path.endsWith('/') || path.endsWith('/.') || path.endsWith('/..');
	return `/${segments.join('/')}${directory ? '/' : ''}`;
}

/** Parameters decoded then re-encoded with RFC 3986, sorted by name and then value. */
export function canonicalQuery(query: string): string {
	const pairs: Array<[string, string]> = [];
	for (const part of query.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const name = eq < 0 ? part : part.slice(0, eq);
		const value = eq < 0 ? '' : part.slice(eq + 1);
		pairs.push([encodeRfc3986(safeDecode(name)), encodeRfc3986(safeDecode(value))]);
	}
	pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
	return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function canonicalValue(value: string | readonly string[]): string {
	const values = typeof value === 'string' ? [value] : value;
	return values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',');
}

interface UrlParts {
	host: string;
	path: string;
	query: string;
}

/** Splits without normalising: `new URL` would re-encode the path, and the signature covers it as sent. */
function splitUrl(url: string): UrlParts {
	const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/i.exec(url);
	if (!match) throw new TypeError(`SigV4 needs an absolute URL, got "${url}"`);
	const authority = match[1];
	return { host: authority.slice(authority.lastIndexOf('@') + 1), path: match[2] || '/', query: match[3] ?? '' };
}

let cachedKey: { id: string; key: Buffer } | undefined;

/** kSigning = HMAC chain over date, region, service and "aws4_request"; the last one is kept. */
export function signingKey(secretAccessKey: string, dateStamp: string, region: string, service: string): Buffer {
	const id = `${dateStamp}\u0000${region}\u0000${service}\u0000${secretAccessKey}`;
	if (cachedKey?.id === id) return cachedKey.key;
	const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, dateStamp), region), service), 'aws4_request');
	cachedKey = { id, key };
	return key;
}

export function signRequest(request: SigV4Request, credentials: SigV4Credentials, options: SigV4Options): SignedRequest {
	const amzDate = toAmzDate(options.date ?? new Date());
	const dateStamp = amzDate.slice(0, 8);
	const { host, path, query } = splitUrl(request.url);
	const payloadHash = sha256Hex(request.body ?? '');

	const headers: Record<string, string | readonly string[]> = {};
	const names = new Map<string, string>();
	for (const [name, value] of Object.entries(request.headers ?? {})) {
		const lower = name.toLowerCase();
		if (value === undefined || SIGNER_HEADERS.has(lower)) continue;
		headers[name] = value;
		names.set(lower, name);
	}
	if (!names.has('host')) {
		headers.host = host;
		names.set('host', 'host');
	}
	headers['x-amz-date'] = amzDate;
	names.set('x-amz-date', 'x-amz-date');
	if (credentials.sessionToken) {
		headers['x-amz-security-token'] = credentials.sessionToken;
		names.set('x-amz-security-token', 'x-amz-security-token');
	}
	if (options.signPayloadHeader) {
		headers['x-amz-content-sha256'] = payloadHash;
		names.set('x-amz-content-sha256', 'x-amz-content-sha256');
	}

	const sorted = [...names.keys()].sort();
	const canonicalHeaders = sorted.map((lower) => `${lower}:${canonicalValue(headers[names.get(lower) as string])}\n`).join('');
	const signedHeaders = sorted.join(';');
	const canonicalRequest = [
		request.method.toUpperCase(),
		canonicalUri(path),
		canonicalQuery(query),
		canonicalHeaders,
		signedHeaders,
		payloadHash,
	].join('\n');
	const credentialScope = `${dateStamp}/${options.region}/${options.service}/aws4_request`;
	const stringToSign = [SIGV4_ALGORITHM, amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
	const key = signingKey(credentials.secretAccessKey, dateStamp, options.region, options.service);
	const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
	const authorization = `${SIGV4_ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;

	const sent: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) sent[name] = typeof value === 'string' ? value : value.join(',');
	sent.authorization = authorization;
	return { headers: sent, authorization, canonicalRequest, stringToSign, signature, signedHeaders, credentialScope, amzDate };
}
