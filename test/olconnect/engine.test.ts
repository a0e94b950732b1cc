import type { IDataObject } from 'n8n-workflow';

import { createOlConnectSimulator, manyJobs, sampleJobs, type OlConnectSimulator } from '../simulators/olconnect';
import { dataRequests, descriptionOf, expectEachItemOnce, logins, olcCredentialsHelper, runJobNode } from './olconnect-fixture';

const details = (json: IDataObject) => json.details as IDataObject;
const LANES = 4;

describe('OL Connect Job Entity on the shared run engine', () => {
	let sim: OlConnectSimulator;

	beforeEach(async () => {
		sim = await createOlConnectSimulator({ jobs: [...sampleJobs(), ...manyJobs(40)] });
	});
	afterEach(async () => {
		await sim.stop();
	});

	describe('defect 12.5: a wrong password in Log In mode is tried once, not once per job or lane', () => {
		it('Get Properties, 20 jobs at 4 lanes: one login, no data request, the first job says why, the rest were not sent', async () => {
			const helper = olcCredentialsHelper(sim, 'login', { password: 'wrong-password-123' });
			const items = Array.from({ length: 20 }, (_, n) => ({ jobId: 100_000 + n }));
			const run = await runJobNode({ sim, operation: 'getProperties', items, credentialsHelper: helper, parameters: { options: { concurrency: LANES } } });
			expectEachItemOnce(run, 20);
			expect(run.success).toEqual([]);
			expect(logins(sim)).toHaveLength(1);
			expect(dataRequests(sim)).toHaveLength(0);
			expect(String(run.errors[0].json.error)).toContain('OL Connect refused the login of user "olc-user": check the user name and password');
			for (const item of run.errors.slice(1)) {
				expect(String(item.json.error)).toContain('Not sent, because an earlier request of this run failed: OL Connect refused the login');
			}
			for (const item of run.errors) expect(details(item.json)).toMatchObject({ sent: false, mayHaveBeenApplied: false });
		});

		it('Update Properties of Many Jobs, merge over 4 lanes and several chunks: one login, nothing read or written', async () => {
			const helper = olcCredentialsHelper(sim, 'login', { password: 'wrong-password-123' });
			const items = Array.from({ length: 40 }, (_, n) => ({ jobId: 100_000 + n, status: 'mailed' }));
			const run = await runJobNode({
				sim,
				operation: 'updateManyProperties',
				items,
				credentialsHelper: helper,
				parameters: { propertiesSource: 'fields', options: { concurrency: LANES, chunkSize: 10 } },
			});
			expectEachItemOnce(run, 40);
			expect(run.errors).toHaveLength(40);
			expect(logins(sim)).toHaveLength(1);
			expect(dataRequests(sim)).toHaveLength(0);
			expect(String(run.errors[39].json.error)).toContain('Job 100039: Not sent, because an earlier request of this run failed: OL Connect refused the login');
		});
	});

	describe('defect 12.6: a session that expires mid-run with 4 lanes costs at most one login per lane', () => {
		it('Get Properties of 40 jobs: logins ≤ 1 + 4, every job read once, nothing lost', async () => {
			let reads = 0;
			sim.server.use((req) => {
				if (req.method === 'GET' && ++reads === 10) sim.expireSessions();
				return undefined;
			});
			const items = Array.from({ length: 40 }, (_, n) => ({ jobId: 100_000 + n }));
			const run = await runJobNode({ sim, operation: 'getProperties', items, parameters: { options: { concurrency: LANES } } });
			expectEachItemOnce(run, 40);
			expect(run.errors).toEqual([]);
			expect(run.success[39].json).toEqual({ jobId: 100_039, properties: { status: 'new', batch: 'B-39' } });
			expect(logins(sim).length).toBeGreaterThanOrEqual(2);
			expect(logins(sim).length).toBeLessThanOrEqual(1 + LANES);
		});

		it('Update Properties (Replace) of 40 jobs: logins ≤ 1 + 4, each job written once with success, nothing doubled', async () => {
			let writes = 0;
			sim.server.use((req) => {
				if (req.method === 'PUT' && ++writes === 10) sim.expireSessions();
				return undefined;
			});
			const items = Array.from({ length: 40 }, (_, n) => ({ jobId: 100_000 + n, status: `done-${n}` }));
			const run = await runJobNode({
				sim,
				operation: 'updateProperties',
				items,
				parameters: { propertiesSource: 'fields', updateMode: 'replace', options: { concurrency: LANES } },
			});
			expectEachItemOnce(run, 40);
			expect(run.errors).toEqual([]);
			expect(logins(sim).length).toBeGreaterThanOrEqual(2);
			expect(logins(sim).length).toBeLessThanOrEqual(1 + LANES);
			for (let n = 0; n < 40; n++) {
				const applied = sim.requests(`/entity/jobs/${100_000 + n}/properties`, 'PUT').filter((req) => req.status === 200);
				expect(applied).toHaveLength(1);
				expect(sim.job(100_000 + n).properties).toEqual([{ name: 'status', value: `done-${n}` }]);
			}
		});
	});

	describe('a failed item keeps its record under each On Error setting', () => {
		const items = [
			{ jobId: 1001, customer: 'Acme', status: 'mailed' },
			{ jobId: 5555, customer: 'Globex', status: 'mailed' },
		];
		const parameters = { propertiesSource: 'fields', fieldsToLeaveOut: 'customer', updateMode: 'replace' };

		it('Continue (using error output): input fields, error, and details with the job ID and HTTP status', async () => {
			const run = await runJobNode({ sim, operation: 'updateProperties', items, parameters, settings: { onError: 'continueErrorOutput' } });
			expectEachItemOnce(run, 2);
			expect(run.errors).toHaveLength(1);
			const failed = run.errors[0];
			expect(failed.pairedItem).toEqual({ item: 1 });
			expect(failed.json).toMatchObject({ jobId: 5555, customer: 'Globex', status: 'mailed' });
			expect(String(failed.json.error)).toContain('Job 5555: OL Connect has no job 5555');
			expect(details(failed.json)).toMatchObject({ item: 1, jobId: 5555, httpCode: 404, sent: true });
			expect(descriptionOf(failed)).toContain('While trying to update the properties of job 5555.');
		});

		it('Continue (regular output): the same record among the successes, in input order', async () => {
			const run = await runJobNode({ sim, operation: 'updateProperties', items, parameters, settings: { onError: 'continueRegularOutput' } });
			expectEachItemOnce(run, 2);
			expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(run.success[0].json).toEqual({ jobId: 1001, properties: { status: 'mailed' } });
			const failed = run.success[1];
			expect(failed.json).toMatchObject({ jobId: 5555, customer: 'Globex', status: 'mailed' });
			expect(String(failed.json.error)).toContain('Job 5555: OL Connect has no job 5555');
			expect(details(failed.json)).toMatchObject({ jobId: 5555, httpCode: 404, sent: true });
		});

		it('Stop Workflow: the run stops with a summary saying which jobs were updated and which failed', async () => {
			const run = await runJobNode({
				sim,
				operation: 'updateProperties',
				items: [...items, { jobId: 1002, customer: 'Initech', status: 'held' }],
				parameters,
				settings: { onError: 'stopWorkflow' },
			});
			expect(run.success).toEqual([]);
			expect(run.nodeError?.message).toBe('1 of 3 items failed (item 1): Job 5555: OL Connect has no job 5555');
			expect(run.nodeError?.description).toContain('The other 2 items were updated in OL Connect (items 0, 2); that is not undone.');
			expect(sim.job(1001).properties).toEqual([{ name: 'status', value: 'mailed' }]);
			expect(sim.job(1002).properties).toEqual([{ name: 'status', value: 'held' }]);
		});

		it('Stop Workflow with one item: that job\'s own error', async () => {
			const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 5555 }], settings: { onError: 'stopWorkflow' } });
			expect(run.nodeError?.message).toBe('Job 5555: OL Connect has no job 5555');
		});
	});

	it('One Item per Content Item still works on the engine: a job with three gives three items paired to it, a failed job one', async () => {
		const run = await runJobNode({
			sim,
			operation: 'getContentItems',
			items: [{ jobId: 1001 }, { jobId: 5555 }, { jobId: 1003 }],
			parameters: { splitIntoItems: true },
			settings: { onError: 'continueRegularOutput' },
		});
		expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }, { item: 1 }, { item: 2 }]);
		expect(String(run.success[3].json.error)).toContain('Job 5555');
		expect(run.success[4].json).toEqual({ jobId: 1003, identifiers: [] });
	});
});
