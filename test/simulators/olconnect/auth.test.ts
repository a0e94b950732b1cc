import { basic, call } from './test-client';
import { createOlConnectSimulator, OLC_SIM_DEFAULTS, sampleJobs, type OlConnectSimulator, type OlConnectSimulatorOptions } from './index';

const D = OLC_SIM_DEFAULTS;
const GOOD = basic(D.username, D.password);

describe('OL Connect simulator: authentication', () => {
	let sim: OlConnectSimulator;
	let now: number;

	async function start(options: OlConnectSimulatorOptions = {}): Promise<void> {
		now = 1_700_000_000_000;
		sim = await createOlConnectSimulator({ jobs: sampleJobs(), clock: () => now, ...options });
	}

	afterEach(async () => {
		await sim.stop();
	});

	const login = (headers: Record<string, string> = { authorization: GOOD }) =>
		call(`${sim.url}/rest/serverengine/authentication/login`, { method: 'POST', headers });
	const properties = (headers: Record<string, string>) => call(`${sim.url}/rest/serverengine/entity/jobs/1001/properties`, { headers });

	it('logs in with Basic credentials and answers the token as text/plain; the token opens job data', async () => {
		await start();
		const res = await login();
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('text/plain');
		expect(res.text).toMatch(/^[A-Za-z0-9_-]{20,}$/);
		expect(sim.loginCount).toBe(1);
		const data = await properties({ auth_token: res.text });
		expect(data.status).toBe(200);
		expect(data.json).toEqual([
			{ name: 'status', value: 'printed' },
			{ name: 'batch', value: 'B-7' },
		]);
	});

	it('accepts Basic credentials on every call instead of a token', async () => {
		await start();
		expect((await properties({ authorization: GOOD })).status).toBe(200);
		expect(sim.loginCount).toBe(0);
	});

	describe.each(['json', 'legacy'] as const)('%s error style', (errorStyle) => {
		beforeEach(async () => {
			await start({ errorStyle });
		});

		it('asks for credentials with 401 and WWW-Authenticate: BASIC', async () => {
			for (const res of [await login({}), await properties({})]) {
				expect(res.status).toBe(401);
				expect(res.headers['www-authenticate']).toBe('BASIC');
				if (errorStyle === 'json') expect(res.json).toEqual({ error: { status: 401, message: 'Server authentication is required.' } });
				else expect(res.text).toBe('');
			}
		});

		it('refuses a wrong password at login with 401', async () => {
			const res = await login({ authorization: basic(D.username, 'wrong') });
			expect(res.status).toBe(401);
			if (errorStyle === 'json') {
				expect(res.json).toEqual({ error: { status: 401, message: 'Server authentication has failed: invalid username or password.' } });
				expect(res.headers['www-authenticate']).toBe('BASIC');
			} else {
				expect(res.text).toBe('');
				expect(res.headers['www-authenticate']).toBeUndefined();
			}
			expect(sim.loginCount).toBe(0);
		});

		it('refuses wrong Basic credentials on a data call: 401 JSON (2023.1+) or 403 text (older)', async () => {
			const res = await properties({ authorization: basic(D.username, 'wrong') });
			if (errorStyle === 'json') {
				expect(res.status).toBe(401);
				expect(res.headers['content-type']).toBe('application/json');
				expect((res.json as { error: { message: string } }).error.message).toMatch(/invalid username or password/);
			} else {
				expect(res.status).toBe(403);
				expect(res.headers['content-type']).toBe('text/plain');
				expect(res.text).toBe('Server authentication has failed.');
			}
		});

		it('ends a session after the configured expiration time with 401', async () => {
			sim.settings.sessionMinutes = 60;
			const token = (await login()).text;
			now += 59 * 60_000;
			expect((await properties({ auth_token: token })).status).toBe(200);
			now += 2 * 60_000;
			const res = await properties({ auth_token: token });
			expect(res.status).toBe(401);
			expect(res.text).toMatch(/token has expired/);
		});

		it('after a restart an old token is unknown: 401 (2023.1+) or 403 (older)', async () => {
			const token = (await login()).text;
			sim.forgetSessions();
			const res = await properties({ auth_token: token });
			expect(res.status).toBe(errorStyle === 'json' ? 401 : 403);
		});

		it('refuses a user without the Data Handler role with 403', async () => {
			const res = await properties({ authorization: basic(D.monitorUsername, D.monitorPassword) });
			expect(res.status).toBe(403);
			if (errorStyle === 'json') expect((res.json as { error: { message: string } }).error.message).toMatch(/Data Handler role/);
			else expect(res.text).toBe('Access denied');
			// The handshake needs a known user, not a role.
			const handshake = await call(`${sim.url}/rest/serverengine/entity`, { headers: { authorization: basic(D.monitorUsername, D.monitorPassword) } });
			expect(handshake.status).toBe(200);
		});
	});

	it('honours a session length of one minute', async () => {
		await start({ sessionMinutes: 1 });
		const token = (await login()).text;
		now += 61_000;
		expect((await properties({ auth_token: token })).status).toBe(401);
	});

	it('needs no header at all with security disabled', async () => {
		await start({ security: false });
		expect((await properties({})).status).toBe(200);
		expect((await call(`${sim.url}/rest/serverengine/entity`)).text).toBe('Server Engine REST Service available: EntityRestService');
	});
});
