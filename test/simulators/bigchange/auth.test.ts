import { api, call, tokenRequest } from './test-client';
import { BIGCHANGE_SIM_DEFAULTS, CONTACT, createBigChangeSimulator, JOB_TYPE, type BigChangeSimulator } from './index';

const D = BIGCHANGE_SIM_DEFAULTS;
const GOOD_FORM = { grant_type: 'client_credentials', client_id: D.clientId, client_secret: D.clientSecret };

describe('BigChange simulator: token endpoint and request checks', () => {
	let sim: BigChangeSimulator;

	beforeEach(async () => {
		sim = await createBigChangeSimulator();
	});
	afterEach(() => sim.stop());

	it('issues a JWT bearer with expires_in for form-encoded client credentials', async () => {
		const res = await tokenRequest(sim, GOOD_FORM);
		expect(res.status).toBe(200);
		const body = res.json as { access_token: string; expires_in: number };
		expect(Object.keys(body)).toEqual(['access_token', 'expires_in']);
		expect(body.expires_in).toBe(3600);
		expect(body.access_token.split('.')).toHaveLength(3);
		expect(sim.tokenUrl).toBe(`${sim.baseUrl}/auth/tokens`);
		expect(sim.tokensIssued).toBe(1);
		const jobs = await api(sim, 'GET', '/v1/jobs', undefined, { token: body.access_token });
		expect(jobs.status).toBe(200);
	});

	it('refuses a JSON body (415), missing fields (422 with errors), another grant (400) and a wrong secret (400)', async () => {
		const json = await call(sim.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(GOOD_FORM) });
		expect(json.status).toBe(415);
		const missing = await tokenRequest(sim, { grant_type: 'client_credentials' });
		expect(missing.status).toBe(422);
		expect(missing.headers['content-type']).toBe('application/problem+json; charset=utf-8');
		expect(missing.json).toMatchObject({
			status: 422,
			errors: { client_id: ['The client_id field is required.'], client_secret: ['The client_secret field is required.'] },
		});
		expect((await tokenRequest(sim, { ...GOOD_FORM, grant_type: 'password' })).status).toBe(400);
		const wrong = await tokenRequest(sim, { ...GOOD_FORM, client_secret: 'nope' });
		expect(wrong).toMatchObject({ status: 400, json: { title: 'Bad Request', detail: 'Invalid client credentials.' } });
		sim.settings.invalidClientStatus = 401;
		expect((await tokenRequest(sim, { ...GOOD_FORM, client_secret: 'nope' })).status).toBe(401);
		expect(sim.tokensIssued).toBe(0);
	});

	it('answers 401 without a body for a missing, unknown or expired bearer', async () => {
		const none = await call(`${sim.baseUrl}/v1/jobs`, { headers: { 'customer-id': D.customerId } });
		expect(none).toMatchObject({ status: 401, text: '' });
		expect(none.headers['www-authenticate']).toBe('Bearer');
		const unknown = await api(sim, 'GET', '/v1/jobs', undefined, { token: 'forged' });
		expect(unknown.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
		const token = sim.issueToken();
		expect((await api(sim, 'GET', '/v1/jobs', undefined, { token })).status).toBe(200);
		sim.server.tokens.expireAll();
		const expired = await api(sim, 'GET', '/v1/jobs', undefined, { token });
		expect(expired.status).toBe(401);
		expect(expired.headers['www-authenticate']).toContain('The token expired');
	});

	it('expires tokens after tokenTtlSeconds', async () => {
		let now = 5_000_000;
		const timed = await createBigChangeSimulator({ clock: () => now, tokenTtlSeconds: 60 });
		try {
			const token = timed.issueToken();
			now += 59_999;
			expect((await api(timed, 'GET', '/v1/jobs', undefined, { token })).status).toBe(200);
			now += 1;
			expect((await api(timed, 'GET', '/v1/jobs', undefined, { token })).status).toBe(401);
		} finally {
			await timed.stop();
		}
	});

	it('requires the Customer-Id header (400) and one the client may act for (403)', async () => {
		const missing = await api(sim, 'GET', '/v1/jobs', undefined, { headers: { 'customer-id': '' } });
		expect(missing).toMatchObject({ status: 400, json: { errors: { 'Customer-Id': ['The Customer-Id field is required.'] } } });
		const text = await api(sim, 'GET', '/v1/jobs', undefined, { customerId: 'acme' });
		expect(text.status).toBe(400);
		const other = await api(sim, 'GET', '/v1/jobs', undefined, { customerId: '9999' });
		expect(other).toMatchObject({ status: 403, json: { detail: 'This client is not authorised for customer 9999.' } });
	});

	it('checks scopes per operation: a jobs:read client can read but gets 403 on PATCH and POST', async () => {
		const id = sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme, description: 'old' });
		const token = sim.issueToken(D.readOnlyClientId);
		expect((await api(sim, 'GET', `/v1/jobs/${id}`, undefined, { token })).status).toBe(200);
		const patch = await api(sim, 'PATCH', `/v1/jobs/${id}`, { description: 'new' }, { token });
		expect(patch).toMatchObject({ status: 403, json: { title: 'Forbidden', detail: 'The access token does not grant the jobs:write scope required by this operation.' } });
		expect((await api(sim, 'POST', '/v1/jobs', { typeId: JOB_TYPE.repair, contactId: CONTACT.acme }, { token })).status).toBe(403);
		expect(sim.job(id)?.description).toBe('old');
		sim.settings.forbiddenBody = 'empty';
		const bare = await api(sim, 'PATCH', `/v1/jobs/${id}`, { description: 'new' }, { token });
		expect(bare).toMatchObject({ status: 403, text: '' });
	});

	it('rate-limits /v1 per token with 429 and Retry-After only when switched on', async () => {
		sim.setRateLimit({ ratePerSecond: 1, burst: 2 });
		const token = sim.issueToken();
		const statuses = [];
		for (let n = 0; n < 3; n++) statuses.push((await api(sim, 'GET', '/v1/jobs', undefined, { token })).status);
		expect(statuses).toEqual([200, 200, 429]);
		expect((await tokenRequest(sim, GOOD_FORM)).status).toBe(200);
		sim.setRateLimit(false);
		expect((await api(sim, 'GET', '/v1/jobs', undefined, { token })).status).toBe(200);
	});
});
