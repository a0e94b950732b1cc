import { testCredential } from '../harness';
import { BIGCHANGE_SIM_DEFAULTS, CONTACT, createBigChangeSimulator, JOB_TYPE, type BigChangeSimulator } from '../simulators/bigchange';
import { bigChangeHelper, clientCredentials, CREDENTIAL_ID, jobParam, pastedToken, runJobs, UNPACED } from './bigchange-fixture';

const D = BIGCHANGE_SIM_DEFAULTS;

describe('BigChange API credential', () => {
	let sim: BigChangeSimulator;

	beforeEach(async () => {
		sim = await createBigChangeSimulator();
	});
	afterEach(() => sim.stop());

	it('Test button, client credentials: fetches a token (form-encoded) and reads one job page with Customer-Id', async () => {
		const helper = bigChangeHelper(clientCredentials(sim));
		expect(await testCredential(helper, CREDENTIAL_ID)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [token, list] = sim.server.log;
		expect(token).toMatchObject({ method: 'POST', path: '/auth/tokens', status: 200 });
		expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(Object.fromEntries(new URLSearchParams(token.rawBody))).toEqual({ grant_type: 'client_credentials', client_id: D.clientId, client_secret: D.clientSecret });
		expect(list).toMatchObject({ method: 'GET', path: '/v1/jobs', query: { pageNumber: '1', pageSize: '1' }, status: 200 });
		expect(list.headers['customer-id']).toBe(D.customerId);
		expect(list.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
	});

	it('Test button, pasted bearer token: no token request, the token as sent', async () => {
		const token = sim.issueToken();
		const helper = bigChangeHelper(pastedToken(sim, token));
		expect(await testCredential(helper, CREDENTIAL_ID)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sim.server.log.map((req) => req.path)).toEqual(['/v1/jobs']);
		expect(sim.server.log[0].headers.authorization).toBe(`Bearer ${token}`);
	});

	it('Test button says what is wrong: secret, expired pasted token, customer access, Customer ID, Token URL', async () => {
		const wrongSecret = await testCredential(bigChangeHelper(clientCredentials(sim, { clientSecret: 'not-the-secret' })), CREDENTIAL_ID);
		expect(wrongSecret.status).toBe('Error');
		expect(wrongSecret.message).toMatch(/^BigChange refused the client ID or client secret; check both in the credential/);
		expect(wrongSecret.message).not.toContain('not-the-secret');

		const token = sim.issueToken();
		sim.server.tokens.expireAll();
		expect(await testCredential(bigChangeHelper(pastedToken(sim, token)), CREDENTIAL_ID)).toEqual({
			status: 'Error',
			message: 'BigChange did not accept the access token: check the client ID and secret, or paste a fresh bearer token',
		});
		const otherCustomer = await testCredential(bigChangeHelper(clientCredentials(sim, { customerId: '9999' })), CREDENTIAL_ID);
		expect(otherCustomer.message).toMatch(/^Signed in, but this API client may not read jobs for this Customer ID/);
		const textCustomer = await testCredential(bigChangeHelper(clientCredentials(sim, { customerId: 'acme' })), CREDENTIAL_ID);
		expect(textCustomer.message).toBe('BigChange refused the Customer ID: enter the numeric customer identifier');
		const wrongUrl = await testCredential(bigChangeHelper(clientCredentials(sim, { tokenUrl: `${sim.baseUrl}/oauth/token` })), CREDENTIAL_ID);
		expect(wrongUrl.message).toBe(`There is no token endpoint at ${sim.baseUrl}/oauth/token (status 404): check the Token URL`);
	});

	it('also reads a token endpoint that answers a bad client with 401', async () => {
		sim.settings.invalidClientStatus = 401;
		const result = await testCredential(bigChangeHelper(clientCredentials(sim, { clientSecret: 'nope-nope' })), CREDENTIAL_ID);
		expect(result.message).toMatch(/^BigChange refused the client ID or client secret/);
	});

	it('asks a busy token endpoint again (429, 503) instead of failing the run', async () => {
		const isToken = (req: { path: string }) => req.path === '/auth/tokens';
		sim.server.faults.failNext(1, { status: 429, headers: { 'retry-after': '0' }, match: isToken });
		sim.server.faults.failNext(1, { status: 503, match: isToken });
		const id = sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme });
		const run = await runJobs({ sim, parameters: { operation: 'get', jobId: jobParam(id), options: UNPACED }, items: [{}] });
		expect(run.errors).toEqual([]);
		expect(sim.server.log.filter(isToken).map((req) => req.status)).toEqual([429, 503, 200]);
	});

	it('keeps the token in the credential store: a second run fetches none', async () => {
		const id = sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme });
		const helper = bigChangeHelper(clientCredentials(sim));
		const parameters = { operation: 'get', jobId: jobParam(id), options: UNPACED };
		await runJobs({ sim, parameters, items: [{}], credentialsHelper: helper });
		await runJobs({ sim, parameters, items: [{}], credentialsHelper: helper });
		expect(sim.tokensIssued).toBe(1);
		expect(helper.activityOf(CREDENTIAL_ID).preAuthentications).toBe(1);
		expect(helper.stored(CREDENTIAL_ID).accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
	});

	it('with a refused client secret every item fails with the credential message, and the secret is nowhere in the output', async () => {
		const secret = 'wrong-secret-value-123';
		const run = await runJobs({
			sim,
			parameters: { operation: 'get', jobId: jobParam('={{ $json.id }}'), options: UNPACED },
			items: [{ id: 1 }, { id: 2 }],
			credentialsHelper: bigChangeHelper(clientCredentials(sim, { clientSecret: secret })),
		});
		expect(run.errors).toHaveLength(2);
		expect(run.errorOf(0)).toMatch(/^Job 1: BigChange refused the client ID or client secret/);
		expect(JSON.stringify([run.success, run.errors, run.nodeError ?? null])).not.toContain(secret);
	});

	it('refuses a Customer ID that is not a number before sending anything', async () => {
		const run = await runJobs({
			sim,
			parameters: { operation: 'get', jobId: jobParam(5), options: UNPACED },
			items: [{}],
			credentialsHelper: bigChangeHelper(clientCredentials(sim, { customerId: 'ACME-LTD' })),
			settings: { onError: 'stopWorkflow' },
		});
		expect(run.nodeError?.message).toBe('The BigChange credential\'s Customer ID must be a number, got "ACME-LTD"');
		expect(sim.server.log).toHaveLength(0);
	});
});
