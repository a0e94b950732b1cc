import type { IDataObject } from 'n8n-workflow';

import type { VbaSimulator } from '../simulators/vba';
import { VBA_SIM_DEFAULTS } from '../simulators/vba';
import { batchRequests, expectEachItemOnce, runUpsert, startVbaSimulator, vbaCredentialsHelper } from './vba-fixture';

const DB = VBA_SIM_DEFAULTS.database;

function loginRequests(sim: VbaSimulator): number {
	return sim.server.log.filter((req) => req.path.endsWith('/user-authentication')).length;
}

const jobs = (count: number) => Array.from({ length: count }, (_, n) => ({ job_ID: `J-${n}` }));

describe('VBA Batch Upsert on the shared run engine', () => {
	let sim: VbaSimulator;

	beforeEach(async () => {
		sim = await startVbaSimulator();
	});
	afterEach(async () => {
		await sim.stop();
	});

	describe('defect 12.5: a refused VBA login is tried once, not once per batch', () => {
		const refusals: Array<[string, (sim: VbaSimulator) => IDataObject, RegExp]> = [
			['a wrong password', () => ({ password: 'wrong' }), /^VBAPI rejected the login: check the username and password/],
			['an unknown API key (403)', () => ({ apiKey: 'not-a-key' }), /^VBAPI refused the login: check the API key/],
			[
				'a user with multi-factor authentication',
				(s) => {
					s.settings.users.push({ username: 'mfa.user', password: 'pw', challenge: 'SOFTWARE_TOKEN_MFA' });
					return { username: 'mfa.user', password: 'pw' };
				},
				/multi-factor authentication/,
			],
		];

		it.each(refusals)('%s: 2,000 items in batches of 100 make exactly 1 login request', async (_name, overrides, words) => {
			const helper = vbaCredentialsHelper(sim, overrides(sim));
			const run = await runUpsert({
				sim,
				entity: '/jobs-batch',
				items: jobs(2000),
				options: { batchSize: 100, concurrency: 5 },
				credentialsHelper: helper,
			});
			expectEachItemOnce(run, 2000);
			expect(loginRequests(sim)).toBe(1);
			expect(batchRequests(sim)).toHaveLength(0);
			expect(run.success).toHaveLength(0);
			// The first request (one record, alone) met the refusal itself; the other 20 were not sent.
			expect(String(run.byInput.get(0)?.[0].json.error)).toMatch(words);
			for (const index of [1, 99, 100, 1999]) {
				const error = String(run.byInput.get(index)?.[0].json.error);
				expect(error).toContain('Not sent, because an earlier request of this run failed: ');
				expect(error.replace('Not sent, because an earlier request of this run failed: ', '')).toMatch(words);
				expect(run.byInput.get(index)?.[0].json.details).toMatchObject({ sent: false, mayHaveBeenApplied: false });
			}
		});

		it('a login answered 429 is not a refusal: it is tried again and the run goes through', async () => {
			sim.server.faults.failNext(1, { status: 429, body: { message: 'Too Many Requests' }, match: (req) => req.path.endsWith('/user-authentication') });
			const run = await runUpsert({ sim, entity: '/jobs-batch', items: jobs(300), options: { batchSize: 100 } });
			expectEachItemOnce(run, 300);
			expect(run.errors).toEqual([]);
			expect(loginRequests(sim)).toBe(2);
		});
	});

	describe('a login that cannot reach VBAPI is not a refusal', () => {
		it('is tried again, and once final, the rest of the run is not sent', async () => {
			const helper = vbaCredentialsHelper(sim);
			await sim.stop();
			const run = await runUpsert({ sim, entity: '/jobs-batch', items: jobs(300), options: { batchSize: 100 }, credentialsHelper: helper });
			expectEachItemOnce(run, 300);
			// The shared words for a refused connection, which every node uses for an unreachable host.
			expect(String(run.byInput.get(0)?.[0].json.error)).toMatch(/connection was refused/);
			expect(String(run.byInput.get(299)?.[0].json.error)).toMatch(/^Not sent, because an earlier request of this run failed: .*connection was refused/);
			sim = await startVbaSimulator();
		});
	});

	describe('defect 12.6: an ID token that expires mid-run costs at most one login per lane', () => {
		it('5 parallel lanes, token expired after the third batch: logins ≤ 1 + 5, nothing lost or doubled', async () => {
			let puts = 0;
			sim.server.use((req) => {
				if (req.method === 'PUT' && ++puts === 3) sim.server.tokens.expireAll();
				return undefined;
			});
			const run = await runUpsert({ sim, entity: '/jobs-batch', items: jobs(2000), options: { batchSize: 50, concurrency: 5 } });
			expectEachItemOnce(run, 2000);
			expect(run.errors).toEqual([]);
			expect(loginRequests(sim)).toBeGreaterThanOrEqual(2);
			expect(loginRequests(sim)).toBeLessThanOrEqual(1 + 5);
			expect(sim.store(DB, '/jobs-batch')).toHaveLength(2000);
		});
	});

	describe('defect 12.4: a batch of new records whose answer was lost says VBAPI may have saved them', () => {
		it('connection dropped after VBAPI applied 100 key-0 records: not resent, every item says it may be saved', async () => {
			sim.server.faults.dropNext(1, { afterHandling: true, match: (req) => req.method === 'PUT' });
			const items = Array.from({ length: 100 }, (_, n) => ({ caseAttachment_Key: 0, case_Key: 3, comment: `scan ${n}` }));
			const run = await runUpsert({ sim, entity: '/case-attachments-batch', items, options: { batchSize: 100 } });
			expectEachItemOnce(run, 100);
			expect(run.errors).toHaveLength(100);
			expect(batchRequests(sim)).toHaveLength(1);
			expect(sim.store(DB, '/case-attachments-batch')).toHaveLength(100);
			for (const item of run.errors) {
				const error = String(item.json.error);
				expect(error).toContain('VBAPI may have saved this record: the request reached it, but');
				expect(error).toContain('It was not sent again, so that nothing is created twice');
				expect(item.json.details).toMatchObject({ sent: true, mayHaveBeenApplied: true });
				// The item keeps its record, so it can be checked in VBAPI and run again.
				expect(item.json.comment).toMatch(/^scan \d+$/);
			}
		});
	});

	describe('defect 12.7: a lowered Requests per Second keeps a burst that scales with it', () => {
		it('at 5 requests/s on a key that allows 5/s with bursts of 5, no request is refused with 429', async () => {
			sim.setRateLimit({ ratePerSecond: 5, burst: 5 });
			const run = await runUpsert({ sim, entity: '/jobs-batch', items: jobs(12), options: { batchSize: 1, requestsPerSecond: 5 } });
			expectEachItemOnce(run, 12);
			expect(run.errors).toEqual([]);
			expect(batchRequests(sim).filter((req) => req.status === 429)).toHaveLength(0);
		});
	});

	describe('a failed item keeps its record under each On Error setting', () => {
		const refusedRun = async (onError: 'continueRegularOutput' | 'continueErrorOutput' | 'stopWorkflow') => {
			sim.failRecordsWhere((record) => record.job_ID === 'J-BAD');
			return await runUpsert({
				sim,
				entity: '/jobs-batch',
				items: [{ job_ID: 'J-1' }, { job_ID: 'J-BAD', description: 'night run', colour: 'red' }, { job_ID: 'J-3' }],
				settings: { onError },
			});
		};

		const expectRefusedRecord = (json: IDataObject) => {
			expect(json).toMatchObject({ job_ID: 'J-BAD', description: 'night run', colour: 'red' });
			expect(String(json.error)).toMatch(/^VBAPI did not save this record \(status 500\): .+/);
			// The unknown field left out is named where the user reads the failure.
			expect(String(json.error)).toContain('Not sent, as Job has no such field: colour.');
			expect(json.details).toMatchObject({
				item: 1,
				sent: true,
				mayHaveBeenApplied: false,
				httpCode: 500,
				vbaResult: { status: 500, key: { Job_ID: 'J-BAD' }, droppedFields: ['colour'] },
			});
		};

		it('Continue (regular output): input fields + error + details, in place', async () => {
			const run = await refusedRun('continueRegularOutput');
			expectEachItemOnce(run, 3);
			expect(run.success).toHaveLength(3);
			expectRefusedRecord(run.success[1].json);
			expect(run.success[0].json.vbaResult).toMatchObject({ status: 201 });
		});

		it('Continue (using error output): input fields + error + details on the error output', async () => {
			const run = await refusedRun('continueErrorOutput');
			expectEachItemOnce(run, 3);
			expect(run.errors).toHaveLength(1);
			expectRefusedRecord(run.errors[0].json);
		});

		it('Stop Workflow: the summary says which items were saved and which failed', async () => {
			const run = await refusedRun('stopWorkflow');
			expect(run.nodeError?.message).toMatch(/^1 of 3 items failed \(item 1\): VBAPI did not save this record \(status 500\)/);
			expect(run.nodeError?.description).toContain('The other 2 items were saved in VBAPI (items 0, 2); that is not undone.');
			expect(sim.store(DB, '/jobs-batch').map((job) => job.job_ID).sort()).toEqual(['J-1', 'J-3']);
		});
	});
});
