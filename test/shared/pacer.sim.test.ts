import { SimServer } from '../simulators/base';
import { RequestPacer, withRetry } from '../../nodes/shared';
import { runConcurrently } from './helpers/run-concurrently';
import { n8nRequest } from './helpers/n8n-request';

const RATE = 20;
const BURST = 5;
const WORKERS = 5;

/**
 * Against the shared vendor-simulator base with the same token bucket a vendor runs: pacing at the
 * published rate means no 429 at all, and without pacing withRetry + the pacer's pause still get
 * every request through.
 */
describe('RequestPacer and withRetry against a rate-limited simulator', () => {
	let sim: SimServer;

	beforeEach(async () => {
		sim = new SimServer({ name: 'rate-limited' });
		sim.route('POST', '/work', () => ({ status: 200, body: { ok: true } }));
		sim.rateLimit({ ratePerSecond: RATE, burst: BURST });
		await sim.start();
	});

	afterEach(async () => {
		await sim.stop();
	});

	async function run(pacer: RequestPacer, count: number) {
		return await runConcurrently(Array.from({ length: count }, (_, i) => i), WORKERS, async (i) =>
			withRetry(
				() => n8nRequest({ url: `${sim.baseUrl}/work`, method: 'POST', body: { i }, json: true }),
				{ idempotent: true, pacer, policy: { maxAttempts: 10, baseDelayMs: 50, maxDelayMs: 500 } },
			),
		);
	}

	// Timing itself is proven on the injected clock (pacer.test.ts); over real HTTP on a busy machine
	// only what load cannot break is asserted: everything arrives, 429s stay rare.
	it(`forVendorLimit(${RATE}/s, burst ${BURST}): 60 requests all succeed, with at most a few 429s`, async () => {
		const results = await run(RequestPacer.forVendorLimit({ requestsPerSecond: RATE, burst: BURST }), 60);
		expect(results).toEqual(Array(60).fill({ ok: true }));
		expect(sim.stats().rateLimited).toBeLessThanOrEqual(3);
	});

	it('unpaced: the limiter answers 429, Retry-After pauses every worker, and all requests succeed', async () => {
		const results = await run(new RequestPacer({ requestsPerSecond: 0 }), 25);
		expect(results).toEqual(Array(25).fill({ ok: true }));
		const { rateLimited, byStatus } = sim.stats();
		expect(rateLimited).toBeGreaterThan(0);
		expect(byStatus[200]).toBe(25);
		// That a 429's Retry-After holds back every worker is proven on the injected clock
		// (pacer.test.ts) and in retry.test.ts: arrival times on a busy machine cannot show it reliably.
	});
});
