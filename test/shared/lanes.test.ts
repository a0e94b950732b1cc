import { sleep } from 'n8n-workflow';

import { LaneController } from '../../nodes/shared/lanes';
import { runInLanes } from '../../nodes/shared/lane-pool';

describe('LaneController', () => {
	it('unpaced, or before any answer, uses the cap', () => {
		expect(new LaneController({ cap: 7, requestsPerSecond: 0 }).lanes).toBe(7);
		expect(new LaneController({ cap: 7, requestsPerSecond: 25 }).lanes).toBe(7);
	});

	it('follows pace × time per answer (Little\'s law, with headroom), up to the cap', () => {
		const lanes = new LaneController({ cap: 40, requestsPerSecond: 25 });
		// VBAPI at 25/s, a batch answered in 1.24 s (3 round trips of 80 ms + 1 s on the server).
		lanes.record(1240, 'answered');
		expect(lanes.lanes).toBe(Math.ceil(25 * 1.24 * 1.25) + 1);
		// A fast network needs few lanes.
		const fast = new LaneController({ cap: 40, requestsPerSecond: 25 });
		fast.record(20, 'answered');
		expect(fast.lanes).toBe(2);
		// Never beyond the cap (Parallel Requests).
		const capped = new LaneController({ cap: 5, requestsPerSecond: 25 });
		capped.record(1240, 'answered');
		expect(capped.lanes).toBe(5);
	});

	it('a running mean: one slow answer moves the lanes a fifth of the way', () => {
		const lanes = new LaneController({ cap: 100, requestsPerSecond: 10 });
		lanes.record(1000, 'answered');
		lanes.record(2000, 'answered');
		expect(lanes.lanes).toBe(Math.ceil(10 * 1.2 * 1.25) + 1);
	});

	it('halves on a 429/503 or a timeout, then gives one lane back per answer', () => {
		const lanes = new LaneController({ cap: 40, requestsPerSecond: 25 });
		lanes.record(1240, 'answered');
		const full = lanes.lanes;
		lanes.record(50, 'throttled');
		expect(lanes.lanes).toBe(Math.floor(full / 2));
		lanes.record(0, 'timed-out');
		expect(lanes.lanes).toBe(Math.floor(full / 4));
		for (let i = 0; i < 3; i++) lanes.record(1240, 'answered');
		expect(lanes.lanes).toBe(Math.floor(full / 4) + 3);
		for (let i = 0; i < 100; i++) lanes.record(1240, 'answered');
		expect(lanes.lanes).toBe(full);
		for (let i = 0; i < 20; i++) lanes.record(0, 'throttled');
		expect(lanes.lanes).toBe(1);
	});

	it('refuses a cap below 1', () => {
		expect(() => new LaneController({ cap: 0, requestsPerSecond: 1 })).toThrow(RangeError);
	});
});

describe('runInLanes', () => {
	it('asks for the lane count again as tasks end, and runs every task once', async () => {
		let allowed = 1;
		let inFlight = 0;
		const peaks: number[] = [];
		const runs = new Array<number>(30).fill(0);
		await runInLanes(Array.from({ length: 30 }, (_, i) => i), () => allowed, async (task) => {
			inFlight++;
			peaks.push(inFlight);
			runs[task]++;
			await sleep(1);
			if (task === 4) allowed = 6;
			inFlight--;
		});
		expect(runs).toEqual(Array(30).fill(1));
		expect(Math.max(...peaks.slice(0, 5))).toBe(1);
		expect(Math.max(...peaks)).toBe(6);
	});

	it('no tasks: resolves at once', async () => {
		await expect(runInLanes([], () => 3, async () => undefined)).resolves.toBeUndefined();
	});
});
