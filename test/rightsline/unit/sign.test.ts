import type { IHttpRequestOptions } from 'n8n-workflow';

import { finalUrl, signRightslineRequest } from '../../../nodes/RightslineCharTypeBatch/transport/sign';
import type { SimRequest } from '../../simulators/base';
import { verifySigV4 } from '../../simulators/rightsline/sigv4-verify';

const credentials = {
	apiKey: 'company-key',
	tempAccessKey: 'ASIAEXAMPLEEXAMPLE01',
	tempSecretKey: 'temporary/secret+key',
	sessionToken: 'session-token-value',
	region: 'us-west-2',
};
const NOW = new Date('2026-05-04T10:11:12Z');

/** The request as a server receives it, to check with the simulator's own (independent) verifier. */
function received(options: IHttpRequestOptions): SimRequest {
	const url = new URL(options.url);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = String(value);
	return {
		seq: 1,
		time: NOW.getTime(),
		method: options.method ?? 'GET',
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		headers,
		rawBody: typeof options.body === 'string' ? options.body : '',
		body: undefined,
		params: {},
	};
}

const verify = (options: IHttpRequestOptions) =>
	verifySigV4(received(options), {
		region: 'us-west-2',
		service: 'execute-api',
		now: NOW.getTime(),
		maxSkewMs: 300_000,
		lookup: (key) => (key === credentials.tempAccessKey ? { secretKey: credentials.tempSecretKey, sessionToken: credentials.sessionToken, expiresAt: Infinity } : undefined),
	});

describe('signRightslineRequest: signs exactly what n8n will send', () => {
	it('joins baseURL, url and qs into the URL it signs, and drops baseURL and qs', () => {
		const options: IHttpRequestOptions = { method: 'GET', baseURL: 'https://ris.rightsline.com/', url: '/v4/batch/48865381', qs: { b: 'x y', a: [1, 2] } };
		expect(finalUrl(options)).toBe('https://ris.rightsline.com/v4/batch/48865381?b=x%20y&a=1&a=2');
		// (The simulator keeps one value per query name, so the signature check uses single values.)
		const signed = signRightslineRequest(credentials, { ...options, qs: { b: 'x y', a: "it's" } }, NOW);
		expect(signed.url).toBe('https://ris.rightsline.com/v4/batch/48865381?b=x%20y&a=it%27s');
		expect(signed.baseURL).toBeUndefined();
		expect(signed.qs).toBeUndefined();
		expect(verify(signed)).toBeUndefined();
	});

	it('serialises an object body once and signs those bytes with its content type', () => {
		const signed = signRightslineRequest(credentials, { method: 'POST', url: 'https://ris.rightsline.com/v4/batch', body: { method: 'GET', records: { '1': [{ id: 5 }] } }, json: true }, NOW);
		expect(signed.body).toBe('{"method":"GET","records":{"1":[{"id":5}]}}');
		expect(signed.headers).toMatchObject({ 'content-type': 'application/json', 'x-api-key': 'company-key', 'x-amz-security-token': 'session-token-value', host: 'ris.rightsline.com' });
		expect(String(signed.headers?.authorization)).toContain('SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-api-key,');
		expect(verify(signed)).toBeUndefined();
		expect(verify({ ...signed, body: '{"method":"PUT","records":{"1":[{"id":5}]}}' })).toMatchObject({ status: 403 });
	});

	it('sends no body on GET, and leaves other headers unsigned but in place', () => {
		const signed = signRightslineRequest(credentials, { method: 'GET', url: 'https://ris.rightsline.com/v4/limits', body: {}, headers: { Accept: 'application/json' } }, NOW);
		expect(signed.body).toBeUndefined();
		expect(signed.headers?.Accept).toBe('application/json');
		expect(String(signed.headers?.authorization)).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token;x-api-key,');
	});

	it('re-signs its own output as n8n does after renewing the credential, replacing every signature header', () => {
		const first = signRightslineRequest(credentials, { method: 'POST', url: 'https://ris.rightsline.com/v4/batch', body: { method: 'GET' } }, NOW);
		const renewed = { ...credentials, tempAccessKey: 'ASIARENEWEDRENEWED01', tempSecretKey: 'renewed-secret', sessionToken: 'renewed-token' };
		const again = signRightslineRequest(renewed, first, NOW);
		expect(again.body).toBe(first.body);
		expect(again.headers?.['x-amz-security-token']).toBe('renewed-token');
		expect(String(again.headers?.authorization)).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIARENEWEDRENEWED01\//);
		expect(Object.keys(again.headers ?? {}).filter((name) => name.toLowerCase() === 'authorization')).toHaveLength(1);
	});

	it('uses the credential’s region, us-west-2 when none is set', () => {
		const signed = signRightslineRequest({ ...credentials, region: '' }, { method: 'GET', url: 'https://api.rightsline.eu/v4/limits' }, NOW);
		expect(String(signed.headers?.authorization)).toContain('/20260504/us-west-2/execute-api/aws4_request');
		const eu = signRightslineRequest({ ...credentials, region: 'eu-west-1' }, { method: 'GET', url: 'https://api.rightsline.eu/v4/limits' }, NOW);
		expect(String(eu.headers?.authorization)).toContain('/eu-west-1/execute-api/');
	});
});
