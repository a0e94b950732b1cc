import type { RecordedRequest } from '../simulators/base';
import { VBA_SIM_DEFAULTS, type VbaSimulator } from '../simulators/vba';
import { expectEachItemOnce, runUpsert, startVbaSimulator, vbaCredentialsHelper } from './vba-fixture';

const DB = VBA_SIM_DEFAULTS.database;
const jobs = (count: number, prefix: string) => Array.from({ length: count }, (_, n) => ({ job_ID: `${prefix}-${n}`, description: `job ${n}` }));
const puts = (sim: VbaSimulator): RecordedRequest[] => sim.server.log.filter((req) => req.method === 'PUT');

/** The most requests that arrived within any `windowMs`: with answers that take `windowMs`, the lanes in use. */
function mostArrivalsWithin(requests: RecordedRequest[], windowMs: number): number {
	const times = requests.map((req) => req.time).sort((a, b) => a - b);
	let most = 0;
	for (let start = 0; start < times.length; start++) {
		let end = start;
		while (end < times.length && times[end] - times[start] < windowMs) end++;
		most = Math.max(most, end - start);
	}
	return most;
}

describe('VBA Batch Upsert: lanes that hold the pace whatever the latency', () => {
	let sim: VbaSimulator;

	beforeEach(async () => {
		sim = await startVbaSimulator();
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('Auto (the default) keeps as many batches in flight as a slow server needs for 25/s, more than the old fixed 5', async () => {
		// Every answer takes 400 ms: 25/s then needs about 25 × 0.4 = 10 batches in flight.
		sim.server.faults.setLatency(400);
		const run = await runUpsert({ sim, entity: '/jobs-batch', items: jobs(300, 'A'), options: { batchSize: 10 } });
		expectEachItemOnce(run, 300);
		expect(run.errors).toEqual([]);
		expect(sim.store(DB, '/jobs-batch')).toHaveLength(300);
		// A slower machine only makes answers slower, so more lanes, never fewer.
		expect(mostArrivalsWithin(puts(sim), 400)).toBeGreaterThanOrEqual(8);
	});

	it('Parallel Requests set to a number is the most in flight', async () => {
		sim.server.faults.setLatency(400);
		const run = await runUpsert({ sim, entity: '/jobs-batch', items: jobs(100, 'B'), options: { batchSize: 10, concurrency: 3 } });
		expectEachItemOnce(run, 100);
		// Each lane's next batch arrives only after its last answer, 400 ms later.
		expect(mostArrivalsWithin(puts(sim), 400)).toBeLessThanOrEqual(3);
	});

	it('two executions at once with one credential share one pace: together they keep the key\'s limit', async () => {
		// A key allowed 10/s with bursts of 10, and both runs set to that pace.
		sim.setRateLimit({ ratePerSecond: 10, burst: 10 });
		const credentialsHelper = vbaCredentialsHelper(sim);
		const options = { batchSize: 10, requestsPerSecond: 10 };
		const [first, second] = await Promise.all([
			runUpsert({ sim, entity: '/jobs-batch', items: jobs(300, 'C'), options, credentialsHelper }),
			runUpsert({ sim, entity: '/jobs-batch', items: jobs(300, 'D'), options, credentialsHelper }),
		]);
		expectEachItemOnce(first, 300);
		expectEachItemOnce(second, 300);
		expect([...first.errors, ...second.errors]).toEqual([]);
		expect(sim.store(DB, '/jobs-batch')).toHaveLength(600);
		// Two pacers of their own send 20/s into the 10/s bucket until 429s and their Retry-After slow
		// each down (measured: 4 refused); one shared pace stays within it.
		const refused = puts(sim).filter((req) => req.status === 429).length;
		expect(refused).toBeLessThanOrEqual(1);
	});
});
