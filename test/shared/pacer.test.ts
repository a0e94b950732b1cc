import { sleep } from 'n8n-workflow';
import { performance } from 'perf_hooks';

import { RequestPacer } from '../../nodes/shared';

/** A clock that only moves when a (single, sequential) caller waits. */
function virtualClock() {
	const waits: number[] = [];
	let now = 0;
	return {
		waits,
		now: () => now,
		set: (t: number) => {
			now = t;
		},
		wait: async (ms: number) => {
			waits.push(ms);
			now += ms;
		},
	};
}

async function sendTimes(pacer: RequestPacer, clock: ReturnType<typeof virtualClock>, count: number) {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		await pacer.acquire();
		times.push(clock.now());
	}
	return times;
}

describe('RequestPacer (virtual clock)', () => {
	it('lets a burst through at once, then spaces requests at 1/rate', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer({ requestsPerSecond: 10, burst: 3, now: clock.now, wait: clock.wait });
		expect(await sendTimes(pacer, clock, 7)).toEqual([0, 0, 0, 100, 200, 300, 400]);
	});

	it('refills while idle, but never beyond the burst size', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer({ requestsPerSecond: 10, burst: 2, now: clock.now, wait: clock.wait });
		await sendTimes(pacer, clock, 4); // 0, 0, 100, 200
		clock.set(10_000);
		expect(await sendTimes(pacer, clock, 4)).toEqual([10_000, 10_000, 10_100, 10_200]);
	});

	it('defaults to a burst of 1', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer({ requestsPerSecond: 4, now: clock.now, wait: clock.wait });
		expect(await sendTimes(pacer, clock, 3)).toEqual([0, 250, 500]);
	});

	it.each([0, Number.POSITIVE_INFINITY])('is unpaced at %p requests per second', async (rps) => {
		const clock = virtualClock();
		const pacer = new RequestPacer({ requestsPerSecond: rps, now: clock.now, wait: clock.wait });
		expect(await sendTimes(pacer, clock, 50)).toEqual(Array(50).fill(0));
		expect(clock.waits).toEqual([]);
	});

	it('holds everyone back for a pause, paced or not, and keeps the later of two pauses', async () => {
		for (const rps of [0, 10]) {
			const clock = virtualClock();
			const pacer = new RequestPacer({ requestsPerSecond: rps, burst: 5, now: clock.now, wait: clock.wait });
			pacer.pauseFor(2000);
			pacer.pauseFor(500);
			await pacer.acquire();
			expect(clock.now()).toBe(2000);
		}
	});

	it('rejects a negative or NaN rate and a burst below 1', () => {
		expect(() => new RequestPacer({ requestsPerSecond: -1 })).toThrow(RangeError);
		expect(() => new RequestPacer({ requestsPerSecond: Number.NaN })).toThrow(RangeError);
		expect(() => new RequestPacer({ requestsPerSecond: 5, burst: 0 })).toThrow(RangeError);
		expect(() => new RequestPacer({ requestsPerSecond: 5, burst: 1.5 })).toThrow(RangeError);
	});
});

function worstSecond(times: readonly number[]): number {
	let worst = 0;
	for (let start = 0; start < times.length; start++) {
		let end = start;
		while (end < times.length && times[end] - times[start] < 1000) end++;
		worst = Math.max(worst, end - start);
	}
	return worst;
}

describe('RequestPacer.forVendorLimit (virtual clock)', () => {
	const VBAPI = { requestsPerSecond: 25, burst: 50 };

	it('defect 12.7: a lowered Requests per Second is kept from the start (10/s under VBAPI 25/s, burst 50)', async () => {
		const clock = virtualClock();
		const pacer = RequestPacer.forVendorLimit(VBAPI, 10, clock);
		const times = await sendTimes(pacer, clock, 60);
		// The pace plus a fifth of a second's worth, never the vendor's burst of 50 (the defect: 54).
		expect(worstSecond(times)).toBeLessThanOrEqual(12);
		expect(times[59]).toBeGreaterThanOrEqual(5_700);
	});

	it('at the vendor rate uses half the vendor burst and 99% of the rate', async () => {
		const clock = virtualClock();
		const times = await sendTimes(RequestPacer.forVendorLimit(VBAPI, undefined, clock), clock, 200);
		expect(times.filter((t) => t === 0).length).toBeGreaterThanOrEqual(24);
		expect(worstSecond(times)).toBeLessThanOrEqual(25 + 25);
		// 175 paced requests at 99% of 25/s.
		expect(times[199]).toBeCloseTo((175 * 1000) / (25 * 0.99), -1);
	});

	it('above the vendor rate paces at the chosen rate with the vendor burst; 0 is unpaced', async () => {
		const clock = virtualClock();
		const times = await sendTimes(RequestPacer.forVendorLimit(VBAPI, 40, clock), clock, 100);
		// Half the vendor's burst (25, give or take float rounding on the slot times).
		expect(times.filter((t) => t === 0).length).toBeGreaterThanOrEqual(24);
		expect(times[99] - times[25]).toBeCloseTo((74 * 1000) / (40 * 0.99), -1);
		const unpaced = virtualClock();
		expect(await sendTimes(RequestPacer.forVendorLimit(VBAPI, 0, unpaced), unpaced, 80)).toEqual(Array(80).fill(0));
	});

	it.each([1, 3, 24])('at %p/s (below the vendor rate) no second holds more than the pace plus a fifth of it', async (rate) => {
		const clock = virtualClock();
		const times = await sendTimes(RequestPacer.forVendorLimit(VBAPI, rate, clock), clock, rate * 4);
		expect(worstSecond(times)).toBeLessThanOrEqual(rate + Math.max(1, Math.floor(rate / 5)));
	});
});

describe('RequestPacer after a 429 (virtual clock)', () => {
	it('pauses, then paces at 70% with no burst, and climbs back 5% of the pace a second to the configured pace and burst', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer({ requestsPerSecond: 10, burst: 3, now: clock.now, wait: clock.wait });
		await sendTimes(pacer, clock, 3);
		pacer.throttled(1000);
		expect(pacer.requestsPerSecond).toBeCloseTo(7, 5);
		const times = await sendTimes(pacer, clock, 3);
		// Nothing before the pause ends, then at the pace in force (7.5/s one second on): no burst.
		expect(times[0]).toBeGreaterThanOrEqual(1000);
		expect(times[1] - times[0]).toBeCloseTo(1000 / 7.5, 5);
		clock.set(4000);
		expect(pacer.requestsPerSecond).toBeCloseTo(9, 5);
		clock.set(6000);
		expect(pacer.requestsPerSecond).toBe(10);
		clock.set(16_000);
		expect((await sendTimes(pacer, clock, 3)).every((t, _, all) => t === all[0])).toBe(true);
	});

	it('many lanes meeting the same 429 slow the pace once, not once each; a later 429 slows it again from where it climbed to', () => {
		const clock = virtualClock();
		const pacer = new RequestPacer({ requestsPerSecond: 25, now: clock.now, wait: clock.wait });
		for (let i = 0; i < 5; i++) pacer.throttled(1000);
		expect(pacer.requestsPerSecond).toBeCloseTo(17.5, 5);
		clock.set(1500);
		// 17.5 plus 1.5 s of climbing at 1.25/s, then 70% of that.
		expect(pacer.requestsPerSecond).toBeCloseTo(19.375, 5);
		pacer.throttled(1000);
		expect(pacer.requestsPerSecond).toBeCloseTo(19.375 * 0.7, 5);
	});

	it('unpaced only pauses', async () => {
		const clock = virtualClock();
		const unpaced = new RequestPacer({ requestsPerSecond: 0, now: clock.now, wait: clock.wait });
		unpaced.throttled(100);
		expect(unpaced.requestsPerSecond).toBe(0);
		expect(await sendTimes(unpaced, clock, 3)).toEqual([100, 100, 100]);
	});
});

describe('RequestPacer (real time)', () => {
	it('a worker already waiting for its slot also honours a pause that starts meanwhile', async () => {
		const pacer = new RequestPacer({ requestsPerSecond: 10 });
		const start = performance.now();
		await pacer.acquire(); // slot at 0
		const second = pacer.acquire().then(() => performance.now() - start); // booked for ~100 ms
		await sleep(20);
		pacer.pauseFor(300); // until ~320 ms
		expect(await second).toBeGreaterThanOrEqual(315);
	});

	it('stops waiting when the execution is cancelled', async () => {
		const pacer = new RequestPacer({ requestsPerSecond: 1 });
		await pacer.acquire();
		const controller = new AbortController();
		const waiting = pacer.acquire(controller.signal);
		controller.abort(new Error('stopped'));
		await expect(waiting).rejects.toThrow('stopped');
	});
});
