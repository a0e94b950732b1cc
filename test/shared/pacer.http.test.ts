import { performance } from 'perf_hooks';
import { request } from 'undici';

import { RequestPacer } from '../../nodes/shared';
import { runConcurrently } from './helpers/run-concurrently';
import { answer, LocalServer } from './helpers/local-server';

const RATE = 20;
const BURST = 5;
const WORKERS = 5;
const REQUESTS = 40;

/**
 * A loose smoke test over real HTTP: the pacer's timing itself is tested on its injected clock
 * (pacer.test.ts). Only bounds that a busy machine cannot break are asserted here: every request
 * arrives once, and pacing never lets the run finish sooner than the rate allows (a slow machine
 * only makes it later).
 */
describe('RequestPacer over real HTTP (smoke)', () => {
	let server: LocalServer;

	beforeAll(async () => {
		server = await LocalServer.start((_req, res) => answer(res, 200, { ok: true }));
	});

	afterAll(async () => {
		await server.close();
	});

	it(`${WORKERS} workers paced to ${RATE} req/s: every request arrives once, and not sooner than the rate allows`, async () => {
		const pacer = new RequestPacer({ requestsPerSecond: RATE, burst: BURST });
		const started = performance.now();
		const statuses = await runConcurrently(
			Array.from({ length: REQUESTS }, (_, i) => i),
			WORKERS,
			async (i) => {
				await pacer.acquire();
				const response = await request(`${server.url}/work/${i}`, { method: 'POST', body: '{}' });
				await response.body.dump();
				return response.statusCode;
			},
		);
		expect(statuses).toEqual(Array(REQUESTS).fill(200));
		const paths = server.arrivals.map((arrival) => arrival.path).sort();
		expect(new Set(paths).size).toBe(REQUESTS);
		const last = Math.max(...server.arrivals.map((arrival) => arrival.at));
		// The paced requests cannot all be out before their slots: (40 - 5) / 20 s after the start.
		expect(last - started).toBeGreaterThanOrEqual(((REQUESTS - BURST) / RATE) * 1000 - 20);
	});
});
