import { verifySigV4 } from './sigv4-verify';
import { call, signedCall } from './test-client';
import { createRightslineSimulator, RIGHTSLINE_SIM_DEFAULTS, TEMP_CREDENTIALS_PATH, type RightslineSimulator } from './index';

const D = RIGHTSLINE_SIM_DEFAULTS;

function tempCredentials(sim: RightslineSimulator, body: unknown, apiKey: string | null = D.apiKey) {
	return call(`${sim.baseUrl}${TEMP_CREDENTIALS_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(apiKey === null ? {} : { 'x-api-key': apiKey }) },
		body: JSON.stringify(body),
	});
}

const message = (result: { json: unknown }) => (result.json as { message?: string } | undefined)?.message;

describe('Rightsline simulator: temporary credentials', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await createRightslineSimulator();
	});
	afterEach(() => sim.stop());

	it('issues STS-style keys for one hour for the user keys and the API key', async () => {
		const before = Date.now();
		const answer = await tempCredentials(sim, { accessKey: D.accessKey, secretKey: D.secretKey });
		expect(answer.status).toBe(200);
		const body = answer.json as { accessKey: string; secretKey: string; sessionToken: string; expiration: string };
		expect(Object.keys(body).sort()).toEqual(['accessKey', 'expiration', 'secretKey', 'sessionToken']);
		expect(body.accessKey).toMatch(/^ASIA[A-Z2-7]{16}$/);
		expect(body.expiration).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
		const lifetime = Date.parse(body.expiration) - before;
		expect(lifetime).toBeGreaterThan(3_590_000);
		expect(lifetime).toBeLessThanOrEqual(3_601_000);
		expect(answer.headers['x-ris-request-id']).toBeDefined();
		expect(sim.credentials.issuedCount).toBe(1);
	});

	it('answers 401 with an empty body for wrong user keys, and 403 Forbidden without the API key', async () => {
		const wrong = await tempCredentials(sim, { accessKey: D.accessKey, secretKey: 'nope' });
		expect(wrong.status).toBe(401);
		expect(wrong.text).toBe('');
		const noKey = await tempCredentials(sim, { accessKey: D.accessKey, secretKey: D.secretKey }, null);
		expect(noKey.status).toBe(403);
		expect(noKey.json).toEqual({ message: 'Forbidden' });
	});

	it('limits the endpoint per minute (300 by default) with 429', async () => {
		expect(sim.settings.tempCredentialsPerMinute).toBe(300);
		sim.settings.tempCredentialsPerMinute = 3;
		const statuses: number[] = [];
		for (let n = 0; n < 4; n++) statuses.push((await tempCredentials(sim, { accessKey: D.accessKey, secretKey: D.secretKey })).status);
		expect(statuses).toEqual([200, 200, 200, 429]);
	});
});

describe('Rightsline simulator: SigV4 on every request, as API Gateway checks it', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await createRightslineSimulator();
	});
	afterEach(() => sim.stop());

	it('accepts AWS’s own get-vanilla-with-session-token request (verifier checked independently of our signer)', () => {
		const verdict = verifySigV4(
			{
				seq: 1,
				time: 0,
				method: 'GET',
				path: '/',
				query: {},
				rawBody: '',
				body: undefined,
				params: {},
				headers: {
					host: 'example.amazonaws.com',
					'x-amz-date': '20150830T123600Z',
					'x-amz-security-token': '6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267',
					authorization:
						'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8',
				},
			},
			{
				region: 'us-east-1',
				service: 'service',
				now: Date.UTC(2015, 7, 30, 12, 36),
				maxSkewMs: 300_000,
				lookup: () => ({ secretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: '6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267', expiresAt: Infinity }),
			},
		);
		expect(verdict).toBeUndefined();
	});

	it('serves a correctly signed request', async () => {
		const answer = await signedCall(sim, '/v4/limits');
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({
			dailyApiRequests: { max: 500_000, remaining: 499_999 },
			concurrentProcessingApiBatches: { max: 10, remaining: 10 },
			maxApiRequestsPerSecond: 40,
		});
	});

	it('rejects a tampered signature with API Gateway’s InvalidSignatureException message', async () => {
		const answer = await signedCall(sim, '/v4/limits', {
			after: (headers) => ({ ...headers, authorization: headers.authorization.replace(/Signature=(.)/, (_m, c: string) => `Signature=${c === 'a' ? 'b' : 'a'}`) }),
		});
		expect(answer.status).toBe(403);
		expect(String(answer.headers['x-amzn-errortype'])).toMatch(/^InvalidSignatureException:/);
		expect(message(answer)).toMatch(/^The request signature we calculated does not match the signature you provided\./);
		expect(message(answer)).toContain('The Canonical String for this request should have been');
	});

	it('rejects a body changed after signing (the signature covers what arrived)', async () => {
		sim.tamperNext(1);
		const keys = sim.issueTemporaryCredentials();
		const tampered = await signedCall(sim, '/v4/batch', { method: 'POST', keys, body: { method: 'GET', records: { '1': [{ id: 1 }] } } });
		expect(tampered.status).toBe(403);
		expect(message(tampered)).toMatch(/does not match the signature you provided/);
		const clean = await signedCall(sim, '/v4/batch', { method: 'POST', keys, body: { method: 'GET', records: { '1': [{ id: 1 }] } } });
		expect(clean.status).toBe(202);
	});

	it('rejects a signature scoped to another region or service', async () => {
		const region = await signedCall(sim, '/v4/limits', { region: 'us-east-1' });
		expect(region.status).toBe(403);
		expect(message(region)).toBe("Credential should be scoped to a valid region, not 'us-east-1'. ");
		const service = await signedCall(sim, '/v4/limits', { service: 'execute' });
		expect(message(service)).toBe("Credential should be scoped to correct service: 'execute-api'. ");
	});

	it('rejects a request signed more than 5 minutes off the server’s clock, either way', async () => {
		const past = await signedCall(sim, '/v4/limits', { date: new Date(Date.now() - 6 * 60_000) });
		expect(past.status).toBe(403);
		expect(message(past)).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
		const future = await signedCall(sim, '/v4/limits', { date: new Date(Date.now() + 6 * 60_000) });
		expect(message(future)).toMatch(/^Signature not yet current: /);
		sim.settings.clockOffsetMs = 10 * 60_000;
		expect(message(await signedCall(sim, '/v4/limits'))).toMatch(/^Signature expired/);
	});

	it('rejects temporary keys without their session token, and expired ones', async () => {
		const missing = await signedCall(sim, '/v4/limits', { omitToken: true });
		expect(missing.status).toBe(403);
		expect(missing.json).toEqual({ message: 'The security token included in the request is invalid.' });
		const keys = sim.issueTemporaryCredentials();
		sim.credentials.expireAll();
		const expired = await signedCall(sim, '/v4/limits', { keys });
		expect(expired.status).toBe(403);
		expect(expired.json).toEqual({ message: 'The security token included in the request is expired' });
		expect(String(expired.headers['x-amzn-errortype'])).toMatch(/^ExpiredTokenException:/);
	});

	it('does not take the user’s long-lived keys, or temporary keys bought with another API key, for signing', async () => {
		const longLived = await signedCall(sim, '/v4/limits', { keys: { accessKey: D.accessKey, secretKey: D.secretKey, sessionToken: 'x' } });
		expect(message(longLived)).toBe('The security token included in the request is invalid.');
		sim.settings.apiKeys.push('other-company');
		const other = sim.issueTemporaryCredentials('other-company');
		expect(message(await signedCall(sim, '/v4/limits', { keys: other }))).toBe('The security token included in the request is invalid.');
	});

	it('answers unsigned requests and unknown paths with Missing Authentication Token, a missing API key with Forbidden', async () => {
		const unsigned = await call(`${sim.baseUrl}/v4/limits`, { headers: { 'x-api-key': D.apiKey } });
		expect(unsigned.status).toBe(403);
		expect(unsigned.json).toEqual({ message: 'Missing Authentication Token' });
		expect((await signedCall(sim, '/v4/nothing-here')).json).toEqual({ message: 'Missing Authentication Token' });
		expect((await call(`${sim.baseUrl}/v4/limits`)).json).toEqual({ message: 'Forbidden' });
	});

	it('throttles signed requests at 40 a second per API key with a bare 429 and no Retry-After', async () => {
		const keys = sim.issueTemporaryCredentials();
		const answers = await Promise.all(Array.from({ length: 60 }, () => signedCall(sim, '/v4/limits', { keys })));
		const throttled = answers.filter((answer) => answer.status === 429);
		expect(throttled.length).toBeGreaterThanOrEqual(15);
		expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(40);
		expect(throttled[0].json).toEqual({ message: 'Too Many Requests' });
		expect(throttled[0].headers['retry-after']).toBeUndefined();
	});

	it('counts signed requests against the daily quota and reports it in /v4/limits', async () => {
		sim.settings.dailyRequestLimit = 3;
		const keys = sim.issueTemporaryCredentials();
		const first = await signedCall(sim, '/v4/limits', { keys });
		expect((first.json as { dailyApiRequests: unknown }).dailyApiRequests).toEqual({ max: 3, remaining: 2 });
		await signedCall(sim, '/v4/limits', { keys });
		await signedCall(sim, '/v4/limits', { keys });
		const over = await signedCall(sim, '/v4/limits', { keys });
		expect(over.status).toBe(429);
		expect(over.json).toEqual({ message: 'Limit Exceeded' });
	});
});
