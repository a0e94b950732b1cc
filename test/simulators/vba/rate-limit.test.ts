import { JOBS } from './fixtures';
import { createVbaSimulator, simCatalogFrom, VBA_SIM_DEFAULTS, type VbaSimulator } from './index';
import { putBatch } from './test-client';

describe('VBAPI simulator: rate limit (25/s sustained, burst 50, per API key)', () => {
	let sim: VbaSimulator;
	let now: number;

	beforeEach(async () => {
		now = 1_700_000_000_000;
		sim = await createVbaSimulator({
			catalog: simCatalogFrom([JOBS]),
			apiKeys: [VBA_SIM_DEFAULTS.apiKey, 'second-key'],
			clock: () => now,
		});
	});

	afterEach(() => sim.stop());

	async function statuses(count: number, apiKey: string = VBA_SIM_DEFAULTS.apiKey): Promise<number[]> {
		const token = sim.issueIdToken();
		const out: number[] = [];
		for (let i = 0; i < count; i++) out.push((await putBatch(sim, '/jobs-batch', [], { token, headers: { 'x-api-key': apiKey } })).status);
		return out;
	}

	it('is off by default', async () => {
		expect((await statuses(60)).filter((s) => s === 207)).toHaveLength(60);
	});

	it('allows a burst of 50, then 429 with Retry-After, and refills 25 a second', async () => {
		sim.setRateLimit(true);
		const burst = await statuses(51);
		expect(burst.filter((s) => s === 207)).toHaveLength(50);
		expect(burst[50]).toBe(429);

		const token = sim.issueIdToken();
		const limited = await putBatch(sim, '/jobs-batch', [], { token });
		expect(limited).toMatchObject({ status: 429, json: { message: 'Too Many Requests' } });
		expect(limited.headers['retry-after']).toBe('1');

		now += 1_000;
		const refilled = await statuses(26);
		expect(refilled.filter((s) => s === 207)).toHaveLength(25);
		expect(refilled[25]).toBe(429);
		expect(sim.server.stats().rateLimited).toBe(3);
	});

	it('keeps a separate bucket per API key', async () => {
		sim.setRateLimit(true);
		expect((await statuses(51)).filter((s) => s === 429)).toHaveLength(1);
		expect((await statuses(50, 'second-key')).filter((s) => s === 207)).toHaveLength(50);
	});

	it('takes a custom rate, can leave out Retry-After, and switches off', async () => {
		sim.setRateLimit({ ratePerSecond: 1, burst: 2, retryAfter: false });
		expect(await statuses(3)).toEqual([207, 207, 429]);
		const token = sim.issueIdToken();
		const limited = await putBatch(sim, '/jobs-batch', [], { token });
		expect(limited.headers['retry-after']).toBeUndefined();
		sim.setRateLimit(false);
		expect(await statuses(5)).toEqual([207, 207, 207, 207, 207]);
	});

	it('can be switched on at creation', async () => {
		const limited = await createVbaSimulator({ catalog: simCatalogFrom([JOBS]), clock: () => now, rateLimit: { ratePerSecond: 5, burst: 1 } });
		try {
			const token = limited.issueIdToken();
			expect((await putBatch(limited, '/jobs-batch', [], { token })).status).toBe(207);
			expect((await putBatch(limited, '/jobs-batch', [], { token })).status).toBe(429);
		} finally {
			await limited.stop();
		}
	});
});
