import { BatchBuilder } from '../../nodes/shared';

describe('BatchBuilder', () => {
	it('packs each group into requests of at most N, keeping item order and pairing', () => {
		const builder = new BatchBuilder<string>(2);
		['a', 'b', 'a', 'a', 'b', 'a'].forEach((group, index) => builder.add(group, index, `${group}${index}`));
		expect(builder.finish()).toEqual([
			{ group: 'a', itemIndexes: [0, 2], records: ['a0', 'a2'] },
			{ group: 'b', itemIndexes: [1, 4], records: ['b1', 'b4'] },
			{ group: 'a', itemIndexes: [3, 5], records: ['a3', 'a5'] },
		]);
	});

	it('turns 1,000 items into 10 batches of 100 and loses none', () => {
		const builder = new BatchBuilder<number>(100);
		for (let index = 0; index < 1000; index++) builder.add('jobs', index, index);
		const batches = builder.finish();
		expect(batches.map((batch) => batch.records.length)).toEqual(new Array(10).fill(100));
		expect(batches.flatMap((batch) => batch.itemIndexes)).toEqual(Array.from({ length: 1000 }, (_, n) => n));
	});

	it('keeps a group\'s remainder as a last, smaller batch', () => {
		const builder = new BatchBuilder<number>(3);
		for (let index = 0; index < 7; index++) builder.add('g', index, index);
		expect(builder.finish().map((batch) => batch.itemIndexes)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
	});

	it('refuses a size below 1', () => {
		expect(() => new BatchBuilder(0)).toThrow(RangeError);
	});
});
