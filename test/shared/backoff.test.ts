import { backoffCeiling, backoffDelay, parseRetryAfter } from '../../nodes/shared';
import { seededRandom } from '../simulators/base';

const policy = { baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoff', () => {
	it('ceilings double per attempt up to the cap', () => {
		expect([1, 2, 3, 4, 5, 6, 50, 5000].map((n) => backoffCeiling(n, policy))).toEqual([
			100, 200, 400, 800, 1000, 1000, 1000, 1000,
		]);
	});

	it('full jitter stays within [0, ceiling) and spreads over the range', () => {
		const random = seededRandom(42);
		for (const attempt of [1, 2, 3, 4, 5]) {
			const ceiling = backoffCeiling(attempt, policy);
			const draws = Array.from({ length: 500 }, () => backoffDelay(attempt, { ...policy, random }));
			expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
			expect(Math.max(...draws)).toBeLessThan(ceiling);
			expect(Math.min(...draws)).toBeLessThan(ceiling * 0.1);
			expect(Math.max(...draws)).toBeGreaterThan(ceiling * 0.9);
		}
	});

	it('a seeded random replays the same sequence; different seeds differ', () => {
		const a = seededRandom(7);
		const b = seededRandom(7);
		const c = seededRandom(8);
		const seqA = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(seqA);
		expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
		expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
	});
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-03-01T12:00:00Z');

	it.each([
		['0', 0],
		['2', 2000],
		[' 120 ', 120_000],
		['1.5', 1500],
		['Sun, 01 Mar 2026 12:00:30 GMT', 30_000],
		['Sunday, 01-Mar-26 12:00:10 GMT', 10_000],
		['Sun, 01 Mar 2026 11:00:00 GMT', 0],
	])('%p → %p ms', (value, ms) => {
		expect(parseRetryAfter(value, now)).toBe(ms);
	});

	it.each([undefined, '', 'soon', '-5', '12abc'])('%p is unreadable', (value) => {
		expect(parseRetryAfter(value, now)).toBeUndefined();
	});
});
