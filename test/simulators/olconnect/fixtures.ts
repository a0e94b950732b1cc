import type { JobSeed } from './store';

/** A few jobs as a Connect Server holds them after a print run: content items, segments, lists. */
export function sampleJobs(): JobSeed[] {
	return [
		{
			id: 1001,
			contents: [
				{ item: 50001, record: 70001 },
				{ item: 50002, record: 70002 },
				{ item: 50003, record: 70003 },
			],
			segments: [3001, 3002],
			metadata: [
				{ name: 'Customer', value: 'ACME' },
				{ name: 'Pages', value: '12' },
			],
			properties: [
				{ name: 'status', value: 'printed' },
				{ name: 'batch', value: 'B-7' },
			],
		},
		{
			id: 1002,
			contents: [{ item: 50010, record: 70010 }],
			segments: [3010],
			metadata: [],
			properties: [{ name: 'status', value: 'queued' }],
		},
		{ id: 1003, contents: [], segments: [], metadata: [], properties: [] },
	];
}

/** `count` jobs numbered from `firstId`, each with two properties, for big runs and benchmarks. */
export function manyJobs(count: number, firstId = 100_000): JobSeed[] {
	return Array.from({ length: count }, (_, n) => ({
		id: firstId + n,
		properties: [
			{ name: 'status', value: 'new' },
			{ name: 'batch', value: `B-${n % 50}` },
		],
	}));
}
