import { CONTACT, createBigChangeSimulator, JOB_TYPE, type BigChangeSimulator } from '../simulators/bigchange';
import { expectEachItemOnce, runJobs, seedJobs, UNPACED, updateDescriptions } from './bigchange-fixture';

const isToken = (req: { path: string }) => req.path === '/auth/tokens';
const isPatch = (req: { method: string }) => req.method === 'PATCH';

describe('BigChange Job Update: run-level defects', () => {
	let sim: BigChangeSimulator;

	beforeEach(async () => {
		sim = await createBigChangeSimulator();
	});
	afterEach(() => sim.stop());

	describe('defect 12.5: a refused credential is tried once', () => {
		it.each([400, 401] as const)('wrong client secret (token endpoint answers %i), 12 items over 5 lanes: exactly 1 token request, the rest not sent', async (status) => {
			sim.settings.invalidClientStatus = status;
			const jobs = seedJobs(sim, 12);
			const run = await updateDescriptions(sim, jobs, { ...UNPACED, concurrency: 5 }, { clientSecret: 'not-the-secret' });
			expectEachItemOnce(run, 12);
			expect(run.success).toEqual([]);
			expect(sim.server.log.filter(isToken)).toHaveLength(1);
			expect(sim.requests('PATCH')).toHaveLength(0);
			expect(run.errorOf(0)).toContain('BigChange refused the client ID or client secret');
			for (let index = 1; index < 12; index++) expect(run.errorOf(index)).toMatch(/^Not sent, because an earlier request of this run failed: /);
			expect(run.errors.find((item) => item.json.job === jobs[5])?.json.details).toMatchObject({ sent: false, mayHaveBeenApplied: false });
		});

		it('unknown Customer ID, 12 items: 1 request answered 403, the other 11 not sent', async () => {
			const jobs = seedJobs(sim, 12);
			const run = await updateDescriptions(sim, jobs, { ...UNPACED, concurrency: 5 }, { customerId: '9999' });
			expectEachItemOnce(run, 12);
			expect(sim.requests('PATCH').map((req) => req.status)).toEqual([403]);
			expect(sim.server.log.filter(isToken)).toHaveLength(1);
			expect(run.errorOf(0)).toContain('BigChange refused to let this API client update jobs');
			const notSent = Array.from({ length: 11 }, (_, n) => run.errorOf(n + 1));
			expect(notSent.every((text) => text?.startsWith('Not sent, because an earlier request of this run failed: '))).toBe(true);
			expect(jobs.every((job) => sim.job(job)?.description === 'before')).toBe(true);
		});
	});

	describe('defect 12.6: one token expiry, one refresh per lane at most', () => {
		it('200 updates over 5 lanes, every token expired after update 100: at most 1 + 5 token requests, nothing lost or doubled', async () => {
			const jobs = seedJobs(sim, 200);
			let applied = 0;
			sim.server.use((req) => {
				if (isPatch(req) && ++applied === 101) sim.server.tokens.expireAll();
				return undefined;
			});
			const run = await updateDescriptions(sim, jobs, { ...UNPACED, concurrency: 5 });
			expectEachItemOnce(run, 200);
			expect(run.errors).toEqual([]);
			expect(sim.requests('PATCH').filter((req) => req.status === 401).length).toBeGreaterThanOrEqual(1);
			const tokenRequests = sim.server.log.filter(isToken).length;
			expect(tokenRequests).toBeGreaterThanOrEqual(2);
			expect(tokenRequests).toBeLessThanOrEqual(1 + 5);
			const landed = sim.requests('PATCH').filter((req) => req.status === 204);
			expect(landed).toHaveLength(200);
			expect(new Set(landed.map((req) => req.path)).size).toBe(200);
			expect(jobs.every((job) => sim.job(job)?.description === `done ${job}`)).toBe(true);
		});
	});

	describe('defect 12.4: a create whose answer was lost is not sent again', () => {
		it('connection dropped after BigChange created the job: the item says it may have been saved, one job stored', async () => {
			sim.server.faults.dropNext(1, { afterHandling: true, match: (req) => req.method === 'POST' && req.path === '/v1/jobs' });
			const run = await runJobs({
				sim,
				parameters: { operation: 'create', typeId: '={{ $json.type }}', contactId: '={{ $json.contact }}', options: UNPACED },
				items: [{ type: JOB_TYPE.repair, contact: CONTACT.acme }],
			});
			expectEachItemOnce(run, 1);
			expect(sim.requests('POST')).toHaveLength(1);
			expect(sim.jobCount()).toBe(1);
			const error = String(run.errors[0].json.error);
			expect(error).toMatch(/^BigChange may have saved this job: the request reached it, but /);
			expect(error).toContain('It was not sent again, so that nothing is created twice');
			expect(run.errors[0].json.details).toMatchObject({ sent: true, mayHaveBeenApplied: true });
			expect(run.errors[0].json.type).toBe(JOB_TYPE.repair);
		});
	});
});
