import { testCredential } from '../harness';
import { RIGHTSLINE_SIM_DEFAULTS, TEMP_CREDENTIALS_PATH, type RightslineSimulator } from '../simulators/rightsline';
import { CREDENTIAL_ID, rightslineCredentialsHelper, runRightsline, startRightslineSimulator } from './rightsline-fixture';

describe('Rightsline API credential through n8n’s credential handling', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await startRightslineSimulator();
	});
	afterEach(() => sim.stop());

	it('Test button: fetches temporary credentials, signs GET /v4/limits, and keeps all temporary values', async () => {
		const helper = rightslineCredentialsHelper(sim);
		expect(await testCredential(helper, CREDENTIAL_ID)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [tempRequest, limits] = sim.server.log;
		expect(tempRequest.path).toBe(TEMP_CREDENTIALS_PATH);
		expect(tempRequest.headers['x-api-key']).toBe(RIGHTSLINE_SIM_DEFAULTS.apiKey);
		expect(tempRequest.body).toEqual({ accessKey: RIGHTSLINE_SIM_DEFAULTS.accessKey, secretKey: RIGHTSLINE_SIM_DEFAULTS.secretKey });
		expect(limits.path).toBe('/v4/limits');
		expect(limits.status).toBe(200);
		expect(limits.headers.authorization).toMatch(
			/^AWS4-HMAC-SHA256 Credential=ASIA[A-Z2-7]{16}\/\d{8}\/us-west-2\/execute-api\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token;x-api-key, Signature=[0-9a-f]{64}$/,
		);
		const stored = helper.stored(CREDENTIAL_ID);
		expect(stored.sessionToken).toBe(limits.headers['x-amz-security-token']);
		expect(stored.tempAccessKey).toMatch(/^ASIA/);
		expect(String(stored.tempSecretKey).length).toBeGreaterThan(20);
		expect(Date.parse(String(stored.tempExpiration)) - Date.now()).toBeGreaterThan(3_500_000);
	});

	it('Test button with a wrong secret key says so, without the key', async () => {
		const helper = rightslineCredentialsHelper(sim, { secretKey: 'wrong-secret-value' });
		const result = await testCredential(helper, CREDENTIAL_ID);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Rightsline rejected the access key or secret key/);
		expect(result.message).not.toContain('wrong-secret-value');
	});

	it('Test button with a wrong API key reports the refusal', async () => {
		const result = await testCredential(rightslineCredentialsHelper(sim, { apiKey: 'not-our-key' }), CREDENTIAL_ID);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/check the API key/);
	});

	it('reuses the stored temporary credentials across runs and renews them once they are refused as expired', async () => {
		sim.seedRecords(1, [{ id: 5 }]);
		const helper = rightslineCredentialsHelper(sim);
		const first = await runRightsline({ sim, items: [{ id: 5 }], parameters: { method: 'GET' }, credentialsHelper: helper });
		expect(first.errors).toEqual([]);
		const second = await runRightsline({ sim, items: [{ id: 5 }], parameters: { method: 'GET' }, credentialsHelper: helper });
		expect(second.errors).toEqual([]);
		expect(sim.credentials.issuedCount).toBe(1);

		// An hour later: the stored set is refused with API Gateway's 403, n8n asks for a new one and resends.
		sim.credentials.expireAll();
		const third = await runRightsline({ sim, items: [{ id: 5 }], parameters: { method: 'GET' }, credentialsHelper: helper });
		expect(third.errors).toEqual([]);
		expect(third.success[0].json).toMatchObject({ code: 200, message: 'Found.', id: 5 });
		expect(sim.credentials.issuedCount).toBe(2);
		expect(helper.activityOf(CREDENTIAL_ID).forcedRefreshes).toBe(1);
		const refused = sim.server.log.filter((req) => req.status === 403);
		expect(refused).toHaveLength(1);
		expect(refused[0].path).toBe('/v4/batch');
		// The refused creation was resent once, not twice: one batch in Rightsline for that run.
		expect(sim.batchList()).toHaveLength(3);
	});

	it('a signing region Rightsline does not accept fails every item with advice, after one renewal attempt', async () => {
		const helper = rightslineCredentialsHelper(sim, { region: 'us-east-1' });
		const run = await runRightsline({ sim, items: [{ id: 5 }, { id: 6 }], parameters: { method: 'GET' }, credentialsHelper: helper });
		expect(run.success).toEqual([]);
		expect(run.errors.map((item) => item.json.error)).toEqual([
			'Rightsline does not accept signatures for the region “us-east-1”: set Signing Region in the credential (Rightsline’s v4 API uses us-west-2)',
			'Rightsline does not accept signatures for the region “us-east-1”: set Signing Region in the credential (Rightsline’s v4 API uses us-west-2)',
		]);
		expect(sim.batchList()).toHaveLength(0);
	});
});
