import { holdAndCount } from '../simulators/base';
import { createBigChangeSimulator, type BigChangeSimulator } from '../simulators/bigchange';
import { expectEachItemOnce, seedJobs, UNPACED, updateDescriptions } from './bigchange-fixture';

const isPatch = (req: { method: string }) => req.method === 'PATCH';

describe('BigChange Job Update: many items, faults and pacing', () => {
	let sim: BigChangeSimulator;

	beforeEach(async () => {
		sim = await createBigChangeSimulator();
	});
	afterEach(() => sim.stop());

	/** How many 204s each job got: "landed once" means exactly one. */
	function landings(): Map<string, number> {
		const counts = new Map<string, number>();
		for (const req of sim.requests('PATCH').filter((r) => r.status === 204)) counts.set(req.path, (counts.get(req.path) ?? 0) + 1);
		return counts;
	}

	it('1,000 updates with 5% of PATCHes answered 503 all land exactly once', async () => {
		const jobs = seedJobs(sim, 1000);
		sim.server.faults.failRate(0.05, {
			status: 503,
			headers: { 'content-type': 'application/problem+json' },
			body: { title: 'Service Unavailable', status: 503 },
			match: isPatch,
			seed: 11,
		});
		const run = await updateDescriptions(sim, jobs, { ...UNPACED, concurrency: 10 });
		expectEachItemOnce(run, 1000);
		expect(run.errors).toEqual([]);
		const unavailable = sim.requests('PATCH').filter((req) => req.status === 503).length;
		expect(unavailable).toBeGreaterThan(25);
		expect(sim.requests('PATCH')).toHaveLength(1000 + unavailable);
		const counts = landings();
		expect(counts.size).toBe(1000);
		expect([...counts.values()].every((count) => count === 1)).toBe(true);
		expect(jobs.every((job) => sim.job(job)?.description === `done ${job}`)).toBe(true);
	}, 60_000);

	it('a 429 with Retry-After holds every request back for that long, then all items land', async () => {
		const jobs = seedJobs(sim, 40);
		sim.server.faults.failNext(1, { status: 429, headers: { 'retry-after': '1' }, match: (req) => isPatch(req) && req.seq > 5 });
		const run = await updateDescriptions(sim, jobs, { ...UNPACED, concurrency: 4 });
		expect(run.errors).toEqual([]);
		const log = sim.requests('PATCH');
		const limited = log.findIndex((req) => req.status === 429);
		expect(limited).toBeGreaterThan(0);
		// Requests already in flight finish; none is sent until the second has passed.
		const later = log.slice(limited + 1).filter((req) => req.time > log[limited].time + 50);
		expect(later.length).toBeGreaterThan(0);
		expect(later[0].time - log[limited].time).toBeGreaterThanOrEqual(950);
		expect(landings().size).toBe(40);
	});

	it('paces requests: the default of 10 per second, or the option', async () => {
		const jobs = seedJobs(sim, 21);
		const started = Date.now();
		await updateDescriptions(sim, jobs, {});
		const defaultMs = Date.now() - started;
		expect(defaultMs).toBeGreaterThanOrEqual(1900);
		const times = sim.requests('PATCH').map((req) => req.time);
		// 21 requests at 9.5 a second (5% under the setting) span about 2.1 s.
		expect(times[20] - times[0]).toBeGreaterThanOrEqual(1900);

		sim.server.resetLog();
		sim.setRateLimit({ ratePerSecond: 30, burst: 5 });
		await updateDescriptions(sim, seedJobs(sim, 60), { requestsPerSecond: 25, concurrency: 5 });
		expect(sim.requests('PATCH').filter((req) => req.status === 429)).toHaveLength(0);
	}, 30_000);

	it('sends up to Parallel Requests at once, never more', async () => {
		const jobs = seedJobs(sim, 30);
		const held = holdAndCount(sim.server, isPatch, 20);
		await updateDescriptions(sim, jobs, { ...UNPACED, concurrency: 3 });
		expect(held.peak()).toBe(3);
	});

	it('repeats a PATCH after a dropped connection or a 502 (same values, safe to repeat)', async () => {
		const [job] = seedJobs(sim, 1);
		sim.server.faults.dropNext(1, { afterHandling: true, match: isPatch });
		sim.server.faults.nonJsonNext(1, { status: 502, match: isPatch });
		const run = await updateDescriptions(sim, [job]);
		expect(run.errors).toEqual([]);
		expect(sim.requests('PATCH').map((req) => req.outcome)).toEqual(['dropped', 'fault', 'ok']);
		expect(sim.requests('PATCH').map((req) => req.status)).toEqual([undefined, 502, 204]);
		expect(sim.job(job)?.description).toBe(`done ${job}`);
	});
});
