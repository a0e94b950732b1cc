import { call } from './test-client';
import { JOBS } from './fixtures';
import { createVbaSimulator, simCatalogFrom, VBA_SIM_DEFAULTS, type VbaSimulator } from './index';

const D = VBA_SIM_DEFAULTS;

function basic(username: string, password: string): string {
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function loginHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string> {
	const headers: Record<string, string | undefined> = {
		'x-api-key': D.apiKey,
		authorization: basic(D.username, D.password),
		'vbasoftware-client-id': D.clientId,
		'vbasoftware-client-code': D.clientCode,
		'vbasoftware-database': D.database,
		'user-agent': D.userAgent,
		...overrides,
	};
	return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
}

interface LoginBody {
	data: {
		challengeName: string | null;
		session: string | null;
		authenticationResult: { accessToken: string; idToken: string; refreshToken: string | null; expiresIn: number } | null;
	} | null;
	error: { type: string | null; title: string | null; status: number; detail: string | null; instance: string | null };
	debug: { activityID: string };
}

describe('VBAPI simulator: authentication', () => {
	let sim: VbaSimulator;

	beforeEach(async () => {
		sim = await createVbaSimulator({
			catalog: simCatalogFrom([JOBS]),
			users: [
				{ username: D.username, password: D.password },
				{ username: 'new.user', password: 'temp', challenge: 'NEW_PASSWORD_REQUIRED' },
				{ username: 'mfa.user', password: 'pw', challenge: 'SOFTWARE_TOKEN_MFA' },
			],
		});
	});

	afterEach(() => sim.stop());

	const login = (overrides: Record<string, string | undefined> = {}) =>
		call(`${sim.baseUrl}/user-authentication`, { method: 'POST', headers: loginHeaders(overrides) });
	const putJobs = (headers: Record<string, string>) =>
		call(`${sim.baseUrl}/jobs-batch`, { method: 'PUT', headers, body: JSON.stringify([{ job_ID: 'J1' }]) });

	it('serves under /vbasoftware on 127.0.0.1', () => {
		expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/vbasoftware$/);
		expect(sim.origin).toBe(sim.baseUrl.replace(/\/vbasoftware$/, ''));
	});

	it('logs in with Basic auth and the client headers, answering the documented envelope', async () => {
		const res = await login();
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
		const body = res.json as LoginBody;
		expect(Object.keys(body)).toEqual(['data', 'error', 'debug']);
		expect(body.data?.challengeName).toBeNull();
		expect(body.data?.session).toBeNull();
		const result = body.data?.authenticationResult;
		expect(result?.expiresIn).toBe(86_400);
		expect(result?.idToken.split('.')).toHaveLength(3);
		expect(typeof result?.accessToken).toBe('string');
		expect(typeof result?.refreshToken).toBe('string');
		expect(body.error).toEqual({ type: null, title: null, status: 0, detail: null, instance: null });
		expect(body.debug.activityID).toMatch(/^[0-9a-f-]{36}$/);
		expect(sim.loginCount).toBe(1);
		expect(sim.server.tokens.issuedCount).toBe(1);
	});

	it('accepts the ID token as bearer, and refuses the access token', async () => {
		const result = ((await login()).json as LoginBody).data?.authenticationResult;
		const idToken = result?.idToken ?? '';
		const accessToken = result?.accessToken ?? '';
		expect((await putJobs(sim.dataHeaders(idToken))).status).toBe(207);
		expect((await putJobs(sim.dataHeaders(accessToken))).status).toBe(401);
	});

	it.each([
		['NEW_PASSWORD_REQUIRED', 'new.user', 'temp'],
		['SOFTWARE_TOKEN_MFA', 'mfa.user', 'pw'],
	])('answers the %s challenge with a session and no tokens', async (challenge, username, password) => {
		const res = await login({ authorization: basic(username, password) });
		expect(res.status).toBe(200);
		const body = res.json as LoginBody;
		expect(body.data?.challengeName).toBe(challenge);
		expect(body.data?.session).toMatch(/^[A-Za-z0-9_-]{64}$/);
		expect(body.data?.authenticationResult).toBeNull();
		expect(sim.loginCount).toBe(0);
		expect(sim.server.tokens.issuedCount).toBe(0);
	});

	it('answers a wrong password or unknown user with 401 and the VBA error envelope', async () => {
		for (const authorization of [basic(D.username, 'wrong'), basic('nobody', D.password)]) {
			const res = await login({ authorization });
			expect(res.status).toBe(401);
			const body = res.json as LoginBody;
			expect(body.data).toBeNull();
			expect(body.error).toMatchObject({ title: 'Unauthorized', status: 401, detail: 'Incorrect username or password.', instance: '/vbasoftware/user-authentication' });
		}
		expect(sim.loginCount).toBe(0);
	});

	it('requires Basic auth and each client header on the login', async () => {
		const noBasic = await login({ authorization: undefined });
		expect(noBasic.status).toBe(401);
		expect((noBasic.json as LoginBody).error.detail).toContain('Basic authorization');
		for (const header of ['vbasoftware-client-id', 'vbasoftware-client-code', 'vbasoftware-database']) {
			const res = await login({ [header]: undefined });
			expect(res.status).toBe(400);
			expect((res.json as LoginBody).error.detail).toBe(`The ${header} header is required.`);
		}
		const wrongClient = await login({ 'vbasoftware-client-code': 'OTHER' });
		expect(wrongClient.status).toBe(401);
		expect((wrongClient.json as LoginBody).error.detail).toBe('Unknown client ID or client code.');
	});

	it('refuses a login without User-Agent (403) or with a missing or unknown API key (403 by default)', async () => {
		const noAgent = await call(`${sim.baseUrl}/user-authentication`, { method: 'POST', headers: { ...loginHeaders(), 'user-agent': '' } });
		expect(noAgent.status).toBe(403);
		expect(noAgent.json).toEqual({ message: 'Forbidden' });
		expect((await login({ 'x-api-key': undefined })).status).toBe(403);
		expect((await login({ 'x-api-key': 'stolen' })).json).toEqual({ message: 'Forbidden' });
	});

	it('checks every data request in order: User-Agent, API key, bearer, database', async () => {
		const token = sim.issueIdToken();
		const good = sim.dataHeaders(token);
		const without = (name: string) => Object.fromEntries(Object.entries(good).filter(([k]) => k !== name));

		const noAgent = await call(`${sim.baseUrl}/jobs-batch`, { method: 'PUT', headers: { ...good, 'user-agent': '' }, body: '[]' });
		expect(noAgent.status).toBe(403);
		// Everything else is missing too, and the User-Agent check still comes first.
		const bare = await call(`${sim.baseUrl}/jobs-batch`, { method: 'PUT', headers: { 'user-agent': '' }, body: '[]' });
		expect(bare.status).toBe(403);

		expect((await putJobs(without('x-api-key'))).status).toBe(403);
		expect((await putJobs({ ...without('x-api-key'), authorization: 'Bearer nope' })).status).toBe(403);
		expect((await putJobs(without('authorization'))).status).toBe(401);
		expect((await putJobs({ ...without('authorization'), 'vbasoftware-database': '' })).status).toBe(401);

		const noDb = await putJobs(without('vbasoftware-database'));
		expect(noDb.status).toBe(400);
		expect((noDb.json as LoginBody).error.detail).toBe('The vbasoftware-database header is required.');
		expect((await putJobs(good)).status).toBe(207);
	});

	it('answers 401 to a missing, unknown or expired bearer, JwtBearer style by default', async () => {
		const token = sim.issueIdToken();
		const missing = await putJobs({ ...sim.dataHeaders(token), authorization: '' });
		expect(missing).toMatchObject({ status: 401, text: '' });
		expect(missing.headers['www-authenticate']).toBe('Bearer');

		const unknown = await putJobs(sim.dataHeaders('not-a-token'));
		expect(unknown).toMatchObject({ status: 401, text: '' });
		expect(unknown.headers['www-authenticate']).toContain('error="invalid_token"');

		expect((await putJobs(sim.dataHeaders(token))).status).toBe(207);
		sim.server.tokens.expireAll();
		const expired = await putJobs(sim.dataHeaders(token));
		expect(expired.status).toBe(401);
		expect(expired.headers['www-authenticate']).toContain('The ID token has expired.');

		// A fresh login after the switch works again.
		const fresh = ((await login()).json as LoginBody).data?.authenticationResult?.idToken ?? '';
		expect((await putJobs(sim.dataHeaders(fresh))).status).toBe(207);
	});

	it('can answer token and API-key failures the other way (envelope 401, key 401)', async () => {
		sim.settings.tokenErrorStyle = 'envelope';
		sim.settings.apiKeyFailureStatus = 401;
		const token = sim.issueIdToken();
		sim.server.tokens.expireAll();
		const expired = await putJobs(sim.dataHeaders(token));
		expect(expired.status).toBe(401);
		expect((expired.json as LoginBody).error).toMatchObject({ status: 401, detail: 'The ID token has expired.' });
		const noKey = await putJobs({ ...sim.dataHeaders(sim.issueIdToken()), 'x-api-key': '' });
		expect(noKey).toMatchObject({ status: 401, json: { message: 'Unauthorized' } });
	});

	it('expires ID tokens after tokenTtlSeconds', async () => {
		let now = 1_000_000;
		const timed = await createVbaSimulator({ catalog: simCatalogFrom([JOBS]), clock: () => now, tokenTtlSeconds: 60 });
		try {
			const token = timed.issueIdToken();
			const put = () => call(`${timed.baseUrl}/jobs-batch`, { method: 'PUT', headers: timed.dataHeaders(token), body: '[]' });
			now += 59_999;
			expect((await put()).status).toBe(207);
			now += 1;
			expect((await put()).status).toBe(401);
		} finally {
			await timed.stop();
		}
	});

	it('refuses a database outside the configured list', async () => {
		sim.settings.databases = ['PROD', 'TEST'];
		const token = sim.issueIdToken();
		const res = await putJobs(sim.dataHeaders(token, 'OTHER'));
		expect(res.status).toBe(400);
		expect((res.json as LoginBody).error.detail).toBe('Unknown database "OTHER".');
		expect((await putJobs(sim.dataHeaders(token, 'TEST'))).status).toBe(207);
	});

	it('refreshes tokens with the expired ID token and the refresh token', async () => {
		const result = ((await login()).json as LoginBody).data?.authenticationResult;
		sim.server.tokens.expireAll();
		const headers = {
			...loginHeaders({ authorization: undefined }),
			'expired-id-token': result?.idToken ?? '',
			'refresh-token': result?.refreshToken ?? '',
		};
		const refreshed = await call(`${sim.baseUrl}/user-refresh-tokens`, { method: 'POST', headers });
		expect(refreshed.status).toBe(200);
		const fresh = (refreshed.json as LoginBody).data?.authenticationResult;
		expect(fresh?.refreshToken).toBeNull();
		expect(fresh?.idToken).not.toBe(result?.idToken);
		expect((await putJobs(sim.dataHeaders(fresh?.idToken ?? ''))).status).toBe(207);

		const bad = await call(`${sim.baseUrl}/user-refresh-tokens`, { method: 'POST', headers: { ...headers, 'refresh-token': 'forged' } });
		expect(bad.status).toBe(401);
	});
});
