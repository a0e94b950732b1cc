import { Agent, request } from 'undici';

import { DelayProxy } from '../../../bench/support/delay-proxy';
import { SimServer } from './index';

/** The benches' network (bench/support/delay-proxy.ts): a round trip per exchange, one more per new connection. */
describe('DelayProxy in front of a simulator', () => {
	it('costs a new connection two round trips and a reused one one, and counts connections', async () => {
		const sim = new SimServer({ name: 'behind-proxy' });
		sim.route('GET', '/ping', () => ({ status: 200, body: { pong: true } }));
		const origin = new URL(await sim.start());
		const rttMs = 1500;
		const proxy = new DelayProxy({ host: origin.hostname, port: Number(origin.port) }, rttMs);
		const port = await proxy.start();
		const agent = new Agent({ connections: 1 });
		const timedGet = async (): Promise<number> => {
			const started = performance.now();
			const res = await request(`http://127.0.0.1:${port}/ping`, { dispatcher: agent });
			expect(await res.body.json()).toEqual({ pong: true });
			return performance.now() - started;
		};
		try {
			expect(await timedGet()).toBeGreaterThanOrEqual(2 * rttMs - 10);
			const reused = await timedGet();
			expect(reused).toBeGreaterThanOrEqual(rttMs - 10);
			expect(reused).toBeLessThan(2 * rttMs);
			expect(proxy.stats()).toMatchObject({ connections: 1, peakOpen: 1 });
		} finally {
			await agent.close();
			await proxy.stop();
			await sim.stop();
		}
	});
});
