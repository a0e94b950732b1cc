import { dispatchBatches, RequestPacer, type Batch } from '../../nodes/shared';
import { VirtualTime } from './helpers/virtual-time';
import { VirtualVendor } from './helpers/virtual-vendor';

/** VBAPI's published limit, which the simulators enforce: 25 requests a second, bursts of 50. */
const LIMIT = { requestsPerSecond: 25, burst: 50 };
/** The VBA node's Auto lanes cap. */
const CAP = 40;

interface Scenario {
	/** n8n processes sharing one API key (queue-mode workers), each with its own pacer. */
	processes: number;
	/** Executions each process runs at once (they share the process's pacer), and requests each. */
	executions: number;
	requests: number;
	rttMs: number;
	serverMs: number;
}

async function simulate(scenario: Scenario) {
	const time = new VirtualTime();
	const vendor = new VirtualVendor(time, { ratePerSecond: LIMIT.requestsPerSecond, burst: LIMIT.burst, rttMs: scenario.rttMs, serverMs: scenario.serverMs });
	let settled = 0;
	let failed = 0;
	const runs: Array<Promise<void>> = [];
	for (let p = 0; p < scenario.processes; p++) {
		const pacer = RequestPacer.forVendorLimit(LIMIT, LIMIT.requestsPerSecond, { now: time.now, wait: time.wait });
		for (let e = 0; e < scenario.executions; e++) {
			const batches: Array<Batch<number>> = Array.from({ length: scenario.requests }, (_, i) => ({ itemIndexes: [i], payload: i, idempotent: true }));
			runs.push(
				dispatchBatches(batches, {
					concurrency: CAP,
					pacer,
					now: time.now,
					send: async () => await vendor.request(),
					settle: () => settled++,
					fail: () => failed++,
				}),
			);
		}
	}
	await time.run(Promise.all(runs));
	const total = scenario.processes * scenario.executions * scenario.requests;
	// The least time the bucket allows: its burst at once, the rest at its rate.
	const idealMs = (Math.max(0, total - LIMIT.burst) / LIMIT.requestsPerSecond) * 1000;
	return { total, settled, failed, ...vendor.stats, ms: time.now(), idealMs, share429: vendor.stats.rateLimited / vendor.stats.requests };
}

/**
 * Queue-mode workers each pace themselves (a community node has no channel between processes), so
 * on one key they learn of each other only through 429s. These runs drive the product's own
 * dispatch, lanes, retry and pacer on a virtual clock against the simulators' token bucket, with
 * n8n's cost of a request (a new TLS connection: 2.5 round trips before the server sees it).
 * Before the pacer used half the vendor's burst and climbed back by time (it used 90% of the burst
 * and climbed 2% per answer), the same runs drew 12%, 7% and 16% 429s.
 */
describe('n8n processes sharing one API key (virtual clock)', () => {
	const together: Array<[string, Scenario, { share429: number; ratio: number }]> = [
		// What `npm run test:queue` does: 20 webhook calls at once, spread over two workers. The run is 6 s
		// long, so the one Retry-After second of a 429 is a sixth of it.
		['2 workers × 10 executions × 10 requests, loopback', { processes: 2, executions: 10, requests: 10, rttMs: 1, serverMs: 5 }, { share429: 0.03, ratio: 1.4 }],
		['2 workers × 500 requests, RTT 20 ms', { processes: 2, executions: 1, requests: 500, rttMs: 20, serverMs: 100 }, { share429: 0.03, ratio: 1.1 }],
		['2 workers × 500 requests, RTT 80 ms, 1 s server', { processes: 2, executions: 1, requests: 500, rttMs: 80, serverMs: 1000 }, { share429: 0.05, ratio: 1.15 }],
	];
	it.each(together)('%s: every request once, few 429s, near the limit together', async (_, scenario, bound) => {
		const r = await simulate(scenario);
		expect({ settled: r.settled, failed: r.failed }).toEqual({ settled: r.total, failed: 0 });
		expect(r.share429).toBeLessThanOrEqual(bound.share429);
		expect(r.ms / r.idealMs).toBeLessThanOrEqual(bound.ratio);
	});

	const alone: Array<[string, Scenario]> = [
		['1 process × 500 requests, RTT 20 ms', { processes: 1, executions: 1, requests: 500, rttMs: 20, serverMs: 100 }],
		['1 process × 2 executions × 250 requests, RTT 80 ms, 1 s server', { processes: 1, executions: 2, requests: 250, rttMs: 80, serverMs: 1000 }],
	];
	it.each(alone)('%s: no 429, within 10%% of the requests at the limit', async (_, scenario) => {
		const r = await simulate(scenario);
		expect({ settled: r.settled, rateLimited: r.rateLimited }).toEqual({ settled: r.total, rateLimited: 0 });
		expect(r.ms).toBeLessThanOrEqual(1.1 * ((r.total / LIMIT.requestsPerSecond) * 1000));
	});
});
