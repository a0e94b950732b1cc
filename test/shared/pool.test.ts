import { sleep } from 'n8n-workflow';

import { runConcurrently } from './helpers/run-concurrently';

function tracker() {
	let inFlight = 0;
	let peak = 0;
	return {
		enter() {
			inFlight++;
			peak = Math.max(peak, inFlight);
		},
		leave() {
			inFlight--;
		},
		get peak() {
			return peak;
		},
		get inFlight() {
			return inFlight;
		},
	};
}

describe('runConcurrently', () => {
	it('never has more than K tasks in flight, reaches K, and runs each task exactly once', async () => {
		const tasks = Array.from({ length: 40 }, (_, i) => i);
		const runs = new Array<number>(tasks.length).fill(0);
		const t = tracker();
		const results = await runConcurrently(tasks, 5, async (task, index) => {
			t.enter();
			runs[index]++;
			// Uneven durations so tasks finish out of order.
			await sleep(2 + ((task * 7) % 11));
			t.leave();
			return task * 10;
		});
		expect(t.peak).toBe(5);
		expect(runs).toEqual(Array(40).fill(1));
		expect(results).toEqual(tasks.map((task) => task * 10));
	});

	it('keeps results by index even when later tasks finish first', async () => {
		const results = await runConcurrently([30, 1, 15, 5], 4, async (ms) => {
			await sleep(ms);
			return `done after ${ms}`;
		});
		expect(results).toEqual(['done after 30', 'done after 1', 'done after 15', 'done after 5']);
	});

	it('runs everything when K exceeds the task count, and handles no tasks', async () => {
		const t = tracker();
		await runConcurrently([1, 2, 3], 100, async () => {
			t.enter();
			await sleep(5);
			t.leave();
		});
		expect(t.peak).toBe(3);
		await expect(runConcurrently([], 3, async () => 1)).resolves.toEqual([]);
	});

	it('with K = 1 runs strictly one after another, in order', async () => {
		const order: number[] = [];
		const t = tracker();
		await runConcurrently([0, 1, 2, 3], 1, async (task) => {
			t.enter();
			order.push(task);
			await sleep(3);
			t.leave();
		});
		expect(t.peak).toBe(1);
		expect(order).toEqual([0, 1, 2, 3]);
	});

	it('after a throw starts nothing new, lets in-flight work finish, then rethrows the first error', async () => {
		const started: number[] = [];
		const finished: number[] = [];
		const t = tracker();
		const failure = new Error('cancelled');
		const run = runConcurrently(Array.from({ length: 20 }, (_, i) => i), 3, async (task) => {
			t.enter();
			started.push(task);
			if (task === 1) {
				await sleep(5);
				t.leave();
				throw failure;
			}
			await sleep(task === 0 || task === 2 ? 40 : 10);
			finished.push(task);
			t.leave();
		});
		await expect(run).rejects.toBe(failure);
		// Tasks 0 and 2 were in flight when 1 failed: they completed before the error surfaced.
		expect(finished).toEqual(expect.arrayContaining([0, 2]));
		expect(t.inFlight).toBe(0);
		expect([...started].sort((a, b) => a - b)).toEqual([0, 1, 2]);
	});

	it('rejects a concurrency below 1 or fractional', async () => {
		await expect(runConcurrently([1], 0, async () => 1)).rejects.toThrow(RangeError);
		await expect(runConcurrently([1], 1.5, async () => 1)).rejects.toThrow(RangeError);
		await expect(runConcurrently([1], Number.NaN, async () => 1)).rejects.toThrow(RangeError);
	});
});
