import { testCredential } from '../harness';
import { createOlConnectSimulator, OLC_SIM_DEFAULTS, sampleJobs, type OlConnectSimulator, type OlConnectSimulatorOptions } from '../simulators/olconnect';
import { CREDENTIAL_ID, dataRequests, expectEachItemOnce, logins, olcCredentialsHelper, runJobNode, descriptionOf, type AuthMode } from './olconnect-fixture';

const D = OLC_SIM_DEFAULTS;

describe('OL Connect API credential and access errors', () => {
	let sim: OlConnectSimulator;

	async function start(options: OlConnectSimulatorOptions = {}): Promise<void> {
		sim = await createOlConnectSimulator({ jobs: sampleJobs(), ...options });
	}
	afterEach(async () => {
		await sim.stop();
	});

	describe('the Test button', () => {
		it.each(['login', 'basic'] as AuthMode[])('%s: OK with the right password, refused with a wrong one', async (mode) => {
			await start();
			expect(await testCredential(olcCredentialsHelper(sim, mode), CREDENTIAL_ID)).toEqual({ status: 'OK', message: 'Connection successful!' });
			const handshake = sim.server.log.find((req) => req.path === '/rest/serverengine/entity');
			expect(handshake?.status).toBe(200);
			expect(mode === 'login' ? handshake?.headers.auth_token : handshake?.headers.authorization).toBeDefined();
			const wrong = await testCredential(olcCredentialsHelper(sim, mode, { password: 'wrong' }), CREDENTIAL_ID);
			expect(wrong.status).toBe('Error');
			if (mode === 'login') expect(wrong.message).toBe(`OL Connect refused the login of user "${D.username}": check the user name and password (the server said: Server authentication has failed: invalid username or password.)`);
		});

		it('none: OK against a server with security disabled, refused where it is on', async () => {
			await start({ security: false });
			expect((await testCredential(olcCredentialsHelper(sim, 'none'), CREDENTIAL_ID)).status).toBe('OK');
			sim.settings.security = true;
			expect((await testCredential(olcCredentialsHelper(sim, 'none'), CREDENTIAL_ID)).status).toBe('Error');
		});

		it('accepts the Server URL with /rest/serverengine and trailing slashes', async () => {
			await start();
			const helper = olcCredentialsHelper(sim, 'login', { serverUrl: `${sim.url}/rest/serverengine/` });
			expect((await testCredential(helper, CREDENTIAL_ID)).status).toBe('OK');
			const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }], credentialsHelper: helper });
			expect(run.success).toHaveLength(1);
		});
	});

	describe('session tokens', () => {
		it('logs in once and reuses the stored token across runs', async () => {
			await start();
			const helper = olcCredentialsHelper(sim, 'login');
			await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }, { jobId: 1002 }], credentialsHelper: helper });
			await runJobNode({ sim, operation: 'getMetadata', items: [{ jobId: 1001 }], credentialsHelper: helper });
			expect(logins(sim)).toHaveLength(1);
			expect(helper.stored(CREDENTIAL_ID).sessionToken).toEqual(dataRequests(sim)[0].headers.auth_token);
		});

		it.each(['json', 'legacy'] as const)('renews an expired session mid-run (%s errors): one new login, nothing lost', async (errorStyle) => {
			await start({ errorStyle });
			let reads = 0;
			sim.server.use((req) => {
				if (req.method === 'GET' && ++reads === 4) sim.expireSessions();
				return undefined;
			});
			const items = Array.from({ length: 12 }, () => ({ jobId: 1001 }));
			const helper = olcCredentialsHelper(sim, 'login');
			const run = await runJobNode({ sim, operation: 'getProperties', items, credentialsHelper: helper, parameters: { options: { concurrency: 1 } } });
			expectEachItemOnce(run, 12);
			expect(run.errors).toEqual([]);
			expect(logins(sim)).toHaveLength(2);
			expect(dataRequests(sim).filter((req) => req.status === 401)).toHaveLength(1);
			expect(helper.activityOf(CREDENTIAL_ID).forcedRefreshes).toBe(1);
		});

		it('after a restart of an older server (403 for an unknown token) logs in again instead of failing forever', async () => {
			await start({ errorStyle: 'legacy' });
			const helper = olcCredentialsHelper(sim, 'login');
			await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }], credentialsHelper: helper });
			sim.forgetSessions();
			const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1002 }], credentialsHelper: helper });
			expect(run.errors).toEqual([]);
			expect(run.success[0].json).toEqual({ jobId: 1002, properties: { status: 'queued' } });
			expect(logins(sim)).toHaveLength(2);
		});
	});

	describe('401 and 403 explained, and not repeated for every job', () => {
		it.each(['json', 'legacy'] as const)('Basic with a wrong password (%s errors)', async (errorStyle) => {
			await start({ errorStyle });
			const helper = olcCredentialsHelper(sim, 'basic', { password: 'wrong-password-123' });
			const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }, { jobId: 1002 }, { jobId: 1003 }], credentialsHelper: helper });
			expectEachItemOnce(run, 3);
			const expected =
				errorStyle === 'json'
					? 'Job 1001: OL Connect did not accept the user name or password set in the credential: check both'
					: 'Job 1001: OL Connect refused access: the user needs the Data Handler role (ROLE_DATA) to read or change jobs (before Connect 2023.1 this also means the user name, password or session was not accepted)';
			expect(run.errors[0].json.error).toBe(expected);
			expect(run.errors[1].json.error).toMatch(/^Job 1002: Not sent, because an earlier request of this run failed: OL Connect/);
			// One refused request, not three, and no pointless repeat of it: Basic has nothing to renew.
			expect(dataRequests(sim)).toHaveLength(1);
		});

		it('a user without the Data Handler role: 403 with the role named and the server words kept', async () => {
			await start();
			const helper = olcCredentialsHelper(sim, 'basic', { username: D.monitorUsername, password: D.monitorPassword });
			const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }], credentialsHelper: helper });
			expect(run.errors[0].json.error).toMatch(/^Job 1001: OL Connect refused access: the user needs the Data Handler role \(ROLE_DATA\)/);
			expect(descriptionOf(run.errors[0])).toContain(
				`The server said: User "${D.monitorUsername}" is not authorized to access this method: the Data Handler role is required.`,
			);
			expect(descriptionOf(run.errors[0])).toContain('While trying to read the properties of job 1001.');
		});

		it('login mode with a role missing: one fresh login to rule out a stale token, then stops', async () => {
			await start();
			const helper = olcCredentialsHelper(sim, 'login', { username: D.monitorUsername, password: D.monitorPassword });
			const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }, { jobId: 1002 }], credentialsHelper: helper });
			expect(run.errors).toHaveLength(2);
			expect(logins(sim)).toHaveLength(2);
			expect(dataRequests(sim)).toHaveLength(2);
		});

		it('security on but the credential set to none: says what to change', async () => {
			await start();
			const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }], authentication: 'none' });
			expect(run.errors[0].json.error).toBe(
				'Job 1001: OL Connect requires authentication: security is on for this server, so set the credential to log in or use Basic auth',
			);
		});

		it('a wrong password in login mode: one login attempt for the whole run, not one per job', async () => {
			await start();
			const helper = olcCredentialsHelper(sim, 'login', { password: 'wrong-password-123' });
			const items = Array.from({ length: 20 }, () => ({ jobId: 1001 }));
			const run = await runJobNode({ sim, operation: 'getProperties', items, credentialsHelper: helper });
			expectEachItemOnce(run, 20);
			expect(run.errors[0].json.error).toBe(
				'Job 1001: OL Connect refused the login of user "olc-user": check the user name and password (the server said: Server authentication has failed: invalid username or password.)',
			);
			expect(run.errors[19].json.error).toMatch(/^Job 1001: Not sent, because an earlier request of this run failed: OL Connect refused the login/);
			expect(logins(sim)).toHaveLength(1);
			expect(dataRequests(sim)).toHaveLength(0);
		});

		it('a server that is not running: every item says so, after one job\'s retries rather than every job\'s', async () => {
			await start();
			const url = sim.url;
			await sim.stop();
			const helper = olcCredentialsHelper(sim, 'basic', { serverUrl: url });
			const started = Date.now();
			const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }, { jobId: 1002 }, { jobId: 1003 }], credentialsHelper: helper });
			expectEachItemOnce(run, 3);
			expect(run.errors[0].json.error).toBe('Job 1001: the connection was refused: check the host and port, and that the server is running');
			expect(run.errors[2].json.error).toMatch(/^Job 1003: Not sent, because an earlier request .*: the connection was refused/);
			expect(Date.now() - started).toBeLessThan(10_000);
			await sim.start();
		});
	});

	describe('server errors become readable messages in both styles', () => {
		it('a missing job: 404 with the JSON error (2023.1+), bare 500 (older)', async () => {
			await start({ errorStyle: 'json' });
			const json = await runJobNode({ sim, operation: 'getMetadata', items: [{ jobId: 5555 }] });
			expect(json.errors[0].json.error).toBe('Job 5555: OL Connect has no job 5555');
			expect(descriptionOf(json.errors[0])).toContain('The server said: The specified Job passed into this method refers to a missing resource (parameter: 5555).');
			sim.settings.errorStyle = 'legacy';
			const legacy = await runJobNode({ sim, operation: 'getMetadata', items: [{ jobId: 5555 }] });
			expect(legacy.errors[0].json.error).toBe(
				'Job 5555: OL Connect could not read the metadata of job 5555; the most common cause is that job 5555 does not exist (any more)',
			);
			expect(descriptionOf(legacy.errors[0])).not.toContain('The server said');
			// A 500 is not retried: the same request would get the same answer.
			expect(sim.requests('/entity/jobs/5555/metadata')).toHaveLength(2);
		});

		it('other statuses keep the server text, from JSON or plain bodies', async () => {
			await start();
			sim.server.faults.failNext(1, { status: 409, body: { error: { status: 409, message: 'Job is locked by another operation.', parameter: '1001' } }, match: (req) => req.method === 'GET' });
			sim.server.faults.failNext(1, { status: 422, headers: { 'content-type': 'text/plain' }, body: 'Property name too long', match: (req) => req.method === 'GET' });
			const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }, { jobId: 1002 }], parameters: { options: { concurrency: 1 } } });
			expect(run.errors.map((item) => item.json.error)).toEqual([
				'Job 1001: Job is locked by another operation (parameter: 1001)',
				'Job 1002: Property name too long',
			]);
		});

		it('an update the server does not confirm with true is a failure', async () => {
			await start();
			sim.server.faults.failNext(1, { status: 200, headers: { 'content-type': 'text/plain' }, body: 'false', match: (req) => req.method === 'PUT' });
			const run = await runJobNode({ sim, operation: 'updateProperties', items: [{ jobId: 1001 }], parameters: { updateMode: 'replace', properties: { property: [{ name: 'a', value: 'b' }] } } });
			expect(run.errors[0].json.error).toBe('Job 1001: OL Connect did not confirm the update of the properties of job 1001 (it answered false instead of true)');
		});

		it('never shows the password or token, even when the server echoes them', async () => {
			await start();
			const basic = Buffer.from(`${D.username}:${D.password}`).toString('base64');
			sim.server.faults.failNext(1, { status: 400, headers: { 'content-type': 'text/plain' }, body: `Bad request from Authorization: Basic ${basic} password=${D.password}`, match: (req) => req.method === 'GET' });
			const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }], authentication: 'basic' });
			const shown = JSON.stringify([run.errors, run.success]);
			expect(run.errors).toHaveLength(1);
			expect(shown).not.toContain(basic);
			expect(shown).not.toContain(D.password);
		});
	});
});
