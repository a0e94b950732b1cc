import { dispatchBatches, type Batch } from '../../nodes/shared/dispatch';
import { RequestPacer } from '../../nodes/shared/pacer';

function batches(count: number): Array<Batch<number>> {
	return Array.from({ length: count }, (_, n) => ({ itemIndexes: [n], payload: n, idempotent: true }));
}

/** Sends with a short delay and records how many sends were in flight when each one started. */
async function dispatch(count: number, firstAlone?: boolean): Promise<{ startedWith: number[]; settled: number[] }> {
	let inFlight = 0;
	const startedWith: number[] = [];
	const settled: number[] = [];
	await dispatchBatches(batches(count), {
		concurrency: 4,
		pacer: new RequestPacer({ requestsPerSecond: 0 }),
		firstAlone,
		send: async (batch) => {
			startedWith[batch.payload] = inFlight++;
			await new Promise((resolve) => setTimeout(resolve, 10));
			inFlight--;
			return batch.payload;
		},
		settle: (_batch, response) => settled.push(response),
		fail: () => {
			throw new Error('no batch should fail here');
		},
	});
	return { startedWith, settled: settled.sort((a, b) => a - b) };
}

describe('dispatchBatches: the first batch', () => {
	it('goes alone by default, so a credential with an empty token logs in once', async () => {
		const { startedWith, settled } = await dispatch(6);
		expect(startedWith[0]).toBe(0);
		// Nothing else started while the first was in flight; then the lanes filled up.
		expect(startedWith.slice(1, 5)).toEqual([0, 1, 2, 3]);
		expect(settled).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('with firstAlone: false every lane starts at once', async () => {
		const { startedWith, settled } = await dispatch(6, false);
		expect(startedWith.slice(0, 4)).toEqual([0, 1, 2, 3]);
		expect(settled).toEqual([0, 1, 2, 3, 4, 5]);
	});
});
