import { request } from 'undici';

import { RequestPacer, runConcurrently } from '../../nodes/shared';
import { answer, LocalServer } from './helpers/local-server';

const RATE = 20;
const BURST = 5;
const WORKERS = 5;
const REQUESTS = 80;

describe('RequestPacer over real HTTP', () => {
	let server: LocalServer;

	beforeAll(async () => {
		server = await LocalServer.start((_req, res) => answer(res, 200, { ok: true }));
	});

	afterAll(async () => {
		await server.close();
	});

	it(`${WORKERS} workers paced to ${RATE} req/s arrive at ${RATE} req/s (±10%) after the initial burst`, async () => {
		const pacer = new RequestPacer({ requestsPerSecond: RATE, burst: BURST });
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

		const times = server.arrivals.map((arrival) => arrival.at).sort((a, b) => a - b);
		expect(times).toHaveLength(REQUESTS);

		// The burst arrives together…
		expect(times[BURST - 1] - times[0]).toBeLessThan(40);
		// …then the steady rate, measured from the server's arrival log.
		const steady = times.slice(BURST);
		const observedRate = ((steady.length - 1) / (steady[steady.length - 1] - steady[0])) * 1000;
		expect(observedRate).toBeGreaterThan(RATE * 0.9);
		expect(observedRate).toBeLessThan(RATE * 1.1);

		// And no one-second window ever sees more than the bucket allows (burst + rate).
		let worstWindow = 0;
		for (let start = 0; start < times.length; start++) {
			let end = start;
			while (end < times.length && times[end] - times[start] < 1000) end++;
			worstWindow = Math.max(worstWindow, end - start);
		}
		expect(worstWindow).toBeLessThanOrEqual(RATE + BURST);
	});
});
