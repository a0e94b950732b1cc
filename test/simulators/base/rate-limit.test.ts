import { request } from 'undici';

import { SimServer } from './index';

/** A clock the test moves by hand, so refill is exact rather than a race with the scheduler. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
	let t = 1_700_000_000_000;
	return { now: () => t, advance: (ms) => (t += ms) };
}

describe('SimServer token-bucket rate limit', () => {
	let sim: SimServer;
	let base: string;
	const clock = manualClock();

	beforeEach(async () => {
		sim = new SimServer({ name: 'limits', clock: clock.now });
		sim.route('GET', '/ping', () => ({ status: 200, body: 'ok' }));
		sim.route('GET', '/free', () => ({ status: 200, body: 'ok' }));
		base = await sim.start();
	});

	afterEach(() => sim.stop());

	async function call(path = '/ping', headers: Record<string, string> = {}) {
		const res = await request(`${base}${path}`, { headers });
		const text = await res.body.text();
		return { status: res.statusCode, retryAfter: res.headers['retry-after'], text };
	}

	it('allows the burst, then answers 429 with an integer Retry-After and a JSON body', async () => {
		sim.rateLimit({ ratePerSecond: 2, burst: 5 });
		for (let i = 0; i < 5; i++) expect((await call()).status).toBe(200);
		const limited = await call();
		expect(limited).toEqual({ status: 429, retryAfter: '1', text: '{"message":"Too Many Requests"}' });
		expect(sim.stats()).toEqual({ requests: 6, byStatus: { 200: 5, 429: 1 }, rateLimited: 1 });
		expect(sim.log[5].outcome).toBe('rate-limited');
	});

	it('refills at the configured rate', async () => {
		sim.rateLimit({ ratePerSecond: 4, burst: 2 });
		expect((await call()).status).toBe(200);
		expect((await call()).status).toBe(200);
		expect((await call()).status).toBe(429);
		clock.advance(500); // 2 tokens at 4/s
		expect((await call()).status).toBe(200);
		expect((await call()).status).toBe(200);
		expect((await call()).status).toBe(429);
		clock.advance(10_000); // never more than the burst
		expect((await call()).status).toBe(200);
		expect((await call()).status).toBe(200);
		expect((await call()).status).toBe(429);
	});

	it('rounds Retry-After up to the next whole second of refill', async () => {
		sim.rateLimit({ ratePerSecond: 0.25, burst: 1, body: { error: 'slow down' } });
		expect((await call()).status).toBe(200);
		expect(await call()).toEqual({ status: 429, retryAfter: '4', text: '{"error":"slow down"}' });
		clock.advance(2_500);
		expect((await call()).retryAfter).toBe('2');
	});

	it('keeps one bucket per key and limits only matching requests', async () => {
		sim.rateLimit({
			ratePerSecond: 1,
			burst: 1,
			key: (req) => req.headers['x-api-key'] ?? '',
			match: (req) => req.path === '/ping',
		});
		expect((await call('/ping', { 'x-api-key': 'a' })).status).toBe(200);
		expect((await call('/ping', { 'x-api-key': 'a' })).status).toBe(429);
		expect((await call('/ping', { 'x-api-key': 'b' })).status).toBe(200);
		for (let i = 0; i < 3; i++) expect((await call('/free', { 'x-api-key': 'a' })).status).toBe(200);
	});

	it('can omit Retry-After, as some gateways do, and can be switched off', async () => {
		sim.rateLimit({ ratePerSecond: 1, burst: 1, retryAfter: false });
		await call();
		const limited = await call();
		expect(limited.status).toBe(429);
		expect(limited.retryAfter).toBeUndefined();
		sim.rateLimit(null);
		for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
	});

	it('rejects a nonsensical configuration', () => {
		expect(() => sim.rateLimit({ ratePerSecond: 0, burst: 1 })).toThrow('ratePerSecond > 0');
	});

	it('runs before faults, so a rate-limited request does not consume an armed fault', async () => {
		sim.rateLimit({ ratePerSecond: 1, burst: 1 });
		await call();
		sim.faults.failNext(1, { status: 503 });
		expect((await call()).status).toBe(429);
		clock.advance(1_000);
		expect((await call()).status).toBe(503);
	});
});

describe('SimServer rate limit against the real clock', () => {
	it('lets a few requests through again after waiting', async () => {
		const sim = new SimServer();
		sim.route('GET', '/', () => ({ status: 200 }));
		const base = await sim.start();
		try {
			sim.rateLimit({ ratePerSecond: 10, burst: 2 });
			const statuses: number[] = [];
			const hit = async () => {
				const res = await request(base);
				await res.body.dump();
				statuses.push(res.statusCode);
			};
			await hit();
			await hit();
			await hit();
			await new Promise((resolve) => setTimeout(resolve, 250));
			await hit();
			expect(statuses).toEqual([200, 200, 429, 200]);
		} finally {
			await sim.stop();
		}
	});
});
