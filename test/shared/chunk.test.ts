import { chunk } from '../../nodes/shared';

describe('chunk', () => {
	it('splits 1,000 items into 10 requests of exactly 100, in order', () => {
		const items = Array.from({ length: 1000 }, (_, i) => ({ id: i }));
		const chunks = chunk(items, 100);
		expect(chunks).toHaveLength(10);
		expect(chunks.map((c) => c.length)).toEqual(Array(10).fill(100));
		expect(chunks.flat().map((item) => item.id)).toEqual(items.map((item) => item.id));
		expect(chunks[3][0]).toBe(items[300]);
	});

	it('puts the remainder in a last, shorter chunk', () => {
		expect(chunk([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
	});

	it('gives no chunks for no items, and one chunk when the size exceeds the count', () => {
		expect(chunk([], 10)).toEqual([]);
		expect(chunk(['a', 'b'], 10)).toEqual([['a', 'b']]);
	});

	it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects chunk size %p', (size) => {
		expect(() => chunk([1], size)).toThrow(RangeError);
		expect(() => chunk([1], size)).toThrow(RangeError);
	});
});
