import { testCredential } from '../harness';
import type { VbaSimulator } from '../simulators/vba';
import { CREDENTIAL_ID, startVbaSimulator, vbaCredentialsHelper } from './vba-fixture';

describe('VBA Software API credential: the Test button', () => {
	let sim: VbaSimulator;

	beforeEach(async () => {
		sim = await startVbaSimulator();
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('logs in and reads one job', async () => {
		const result = await testCredential(vbaCredentialsHelper(sim), CREDENTIAL_ID);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sim.server.log.map((req) => `${req.method} ${req.path} ${req.status}`)).toEqual([
			'POST /vbasoftware/user-authentication 200',
			'GET /vbasoftware/jobs 200',
		]);
		expect(sim.server.log[1].query).toEqual({ page: '1', pageSize: '1' });
		expect(sim.server.log[1].headers.authorization).toMatch(/^Bearer /);
	});

	it('fails with the reason when the password is wrong', async () => {
		const result = await testCredential(vbaCredentialsHelper(sim, { password: 'wrong' }), CREDENTIAL_ID);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^VBAPI rejected the login: check the username and password/);
	});

	it('explains a user that must set a new password first', async () => {
		sim.settings.users.push({ username: 'new.user', password: 'temp', challenge: 'NEW_PASSWORD_REQUIRED' });
		const result = await testCredential(vbaCredentialsHelper(sim, { username: 'new.user', password: 'temp' }), CREDENTIAL_ID);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/requires a new password for this user/);
	});

	it('explains a user with multi-factor authentication', async () => {
		sim.settings.users.push({ username: 'mfa.user', password: 'pw', challenge: 'SOFTWARE_TOKEN_MFA' });
		const result = await testCredential(vbaCredentialsHelper(sim, { username: 'mfa.user', password: 'pw' }), CREDENTIAL_ID);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/multi-factor authentication/);
	});

	it('names the client settings when VBAPI refuses the login request for an unknown database', async () => {
		sim.settings.databases = ['OTHERDB'];
		const result = await testCredential(vbaCredentialsHelper(sim), CREDENTIAL_ID);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^VBAPI refused the login request: check the client ID, client code and database \(Unknown database/);
	});
});
