import { testCredential } from '../harness';
import { createOlConnectSimulator, hasOpenssl, sampleJobs, selfSignedCertificate, type OlConnectSimulator } from '../simulators/olconnect';
import { CREDENTIAL_ID, dataRequests, logins, olcCredentialsHelper, runJobNode, type AuthMode } from './olconnect-fixture';

const describeWithOpenssl = hasOpenssl ? describe : describe.skip;

describeWithOpenssl('OL Connect over HTTPS with a self-signed certificate', () => {
	let sim: OlConnectSimulator;
	let tls: { key: string; cert: string };

	beforeAll(() => {
		tls = selfSignedCertificate();
	});
	beforeEach(async () => {
		sim = await createOlConnectSimulator({ jobs: sampleJobs(), https: tls });
	});
	afterEach(async () => {
		await sim.stop();
	});

	it.each(['login', 'basic'] as AuthMode[])('%s: refused by default, with advice; nothing reaches the server', async (mode) => {
		const helper = olcCredentialsHelper(sim, mode);
		const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }], credentialsHelper: helper });
		const message = String(run.errors[0]?.json.error);
		if (mode === 'login') {
			expect(message).toMatch(/Could not reach OL Connect to log in: the server uses a self-signed certificate: allow self-signed certificates in the credential/);
		} else {
			expect(message).toBe('Job 1001: the server uses a self-signed certificate: allow self-signed certificates in the credential if you trust it');
		}
		expect(sim.server.log).toHaveLength(0);
		// The Test button: n8n reports the TLS code for the test request itself; a failed login says it in words.
		const tested = await testCredential(helper, CREDENTIAL_ID);
		expect(tested.status).toBe('Error');
		expect(tested.message).toBe(mode === 'login' ? message.replace(/^Job 1001: /, '') : 'DEPTH_ZERO_SELF_SIGNED_CERT');
	});

	it.each(['login', 'basic'] as AuthMode[])('%s: accepted with "Allow Self-Signed Certificate", login included', async (mode) => {
		const helper = olcCredentialsHelper(sim, mode, { allowSelfSigned: true });
		expect(await testCredential(helper, CREDENTIAL_ID)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const run = await runJobNode({
			sim,
			operation: 'updateProperties',
			items: [{ jobId: 1001, status: 'secure' }],
			credentialsHelper: helper,
			parameters: { propertiesSource: 'fields' },
		});
		expect(run.errors).toEqual([]);
		expect(sim.job(1001).properties[0]).toEqual({ name: 'status', value: 'secure' });
		expect(logins(sim)).toHaveLength(mode === 'login' ? 1 : 0);
		expect(dataRequests(sim).map((req) => req.method)).toEqual(['GET', 'GET', 'PUT']);
	});
});
