import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import type { SimRequest, SimResponse } from '../base';
import { GATEWAY_MESSAGES, gatewayError } from './gateway';

/**
 * API Gateway's IAM (SigV4) check, written from the AWS General Reference ("Create a canonical
 * request", "Create a string to sign", "Calculate the signature") on the request as the server
 * received it. Deliberately independent of the node's signer in nodes/shared/sigv4.ts, so a bug
 * there cannot hide behind the same bug here.
 */

export interface IssuedKey {
	secretKey: string;
	sessionToken: string;
	expiresAt: number;
}

export interface VerifyContext {
	region: string;
	service: string;
	now: number;
	maxSkewMs: number;
	lookup: (accessKey: string) => IssuedKey | undefined;
}

interface ParsedAuthorization {
	accessKey: string;
	date: string;
	region: string;
	service: string;
	terminator: string;
	signedHeaders: string[];
	signature: string;
}

const hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function rfc3986(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function amz(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function parseAmzDate(text: string): number | undefined {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
	return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

function parseAuthorization(header: string): ParsedAuthorization | string {
	const match = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header.trim());
	if (!match) return `Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${header}`;
	const params = new Map<string, string>();
	for (const part of match[1].split(',')) {
		const eq = part.indexOf('=');
		if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
	}
	const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !params.get(name));
	if (missing.length > 0) {
		return `${missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' ')} Authorization=${header}`;
	}
	const scope = (params.get('Credential') as string).split('/');
	if (scope.length !== 5) return `Credential should be scoped to a valid region, not '${scope[2] ?? ''}'. `;
	const [accessKey, date, region, service, terminator] = scope;
	return {
		accessKey,
		date,
		region,
		service,
		terminator,
		signedHeaders: (params.get('SignedHeaders') as string).split(';'),
		signature: params.get('Signature') as string,
	};
}

function canonicalPath(rawPath: string): string {
	const segments: string[] = [];
	for (const segment of rawPath.split('/')) {
		if (segment === '' || segment === '.') continue;
		if (segment === '..') segments.pop();
		else segments.push(rfc3986(segment));
	}
	return segments.length === 0 ? '/' : `/${segments.join('/')}${rawPath.endsWith('/') ? '/' : ''}`;
}

function canonicalQueryString(query: Record<string, string>): string {
	return Object.entries(query)
		.map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
		.sort()
		.join('&');
}

/** The canonical request for what arrived, over the headers the client says it signed. */
export function canonicalRequestFor(req: SimRequest, signedHeaders: readonly string[]): string {
	const headerLines = signedHeaders.map((name) => `${name}:${(req.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
	return [req.method, canonicalPath(req.path), canonicalQueryString(req.query), headerLines, signedHeaders.join(';'), hex(req.rawBody)].join('\n');
}

function deny(type: Parameters<typeof gatewayError>[1], message: string): SimResponse {
	return gatewayError(403, type, message);
}

/** Undefined when the signature holds; otherwise the 403 API Gateway would send. */
export function verifySigV4(req: SimRequest, context: VerifyContext): SimResponse | undefined {
	const header = req.headers.authorization;
	if (!header) return deny('MissingAuthenticationTokenException', GATEWAY_MESSAGES.missingToken);
	const auth = parseAuthorization(header);
	if (typeof auth === 'string') return deny('IncompleteSignatureException', auth);

	const amzDate = req.headers['x-amz-date'];
	const signedAt = amzDate ? parseAmzDate(amzDate) : undefined;
	if (amzDate === undefined || signedAt === undefined) {
		return deny('IncompleteSignatureException', "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
	}
	if (!auth.signedHeaders.includes('host')) {
		return deny('IncompleteSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
	}
	if (signedAt < context.now - context.maxSkewMs) {
		return deny('InvalidSignatureException', `Signature expired: ${amzDate} is now earlier than ${amz(context.now - context.maxSkewMs)} (${amz(context.now)} - 5 min.)`);
	}
	if (signedAt > context.now + context.maxSkewMs) {
		return deny('InvalidSignatureException', `Signature not yet current: ${amzDate} is still later than ${amz(context.now + context.maxSkewMs)} (${amz(context.now)} + 5 min.)`);
	}
	if (auth.date !== amzDate.slice(0, 8)) {
		return deny('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`);
	}
	if (auth.region !== context.region) return deny('InvalidSignatureException', `Credential should be scoped to a valid region, not '${auth.region}'. `);
	if (auth.service !== context.service) return deny('InvalidSignatureException', `Credential should be scoped to correct service: '${context.service}'. `);
	if (auth.terminator !== 'aws4_request') return deny('InvalidSignatureException', "Credential should be scoped with a valid terminator: 'aws4_request'. ");

	const issued = context.lookup(auth.accessKey);
	const token = req.headers['x-amz-security-token'];
	if (!issued || token !== issued.sessionToken) return deny('UnrecognizedClientException', GATEWAY_MESSAGES.invalidToken);
	if (context.now >= issued.expiresAt) return deny('ExpiredTokenException', GATEWAY_MESSAGES.expiredToken);

	const canonical = canonicalRequestFor(req, auth.signedHeaders);
	const stringToSign = ['AWS4-HMAC-SHA256', amzDate, `${auth.date}/${auth.region}/${auth.service}/aws4_request`, hex(canonical)].join('\n');
	let key: Buffer = createHmac('sha256', `AWS4${issued.secretKey}`).update(auth.date).digest();
	for (const part of [auth.region, auth.service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
	const expected = createHmac('sha256', key).update(stringToSign).digest();
	const given = Buffer.from(/^[0-9a-f]{64}$/.test(auth.signature) ? auth.signature : '', 'hex');
	if (given.length === expected.length && timingSafeEqual(given, expected)) return undefined;
	return deny(
		'InvalidSignatureException',
		`The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`,
	);
}
