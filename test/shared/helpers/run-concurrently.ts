import { runInLanes } from '../../../nodes/shared/lane-pool';

/**
 * Runs `worker` over `tasks` with at most `concurrency` calls in flight; results keep the tasks'
 * order. A fixed-width `runInLanes` for tests (same contract: a throw starts nothing new, lets
 * running tasks finish, then rethrows the first error), so pool.test.ts pins that contract.
 */
export async function runConcurrently<T, R>(
	tasks: readonly T[],
	concurrency: number,
	worker: (task: T, index: number) => Promise<R>,
): Promise<R[]> {
	if (!(concurrency >= 1) || (Number.isFinite(concurrency) && !Number.isInteger(concurrency))) {
		throw new RangeError(`Concurrency must be a whole number of at least 1, got ${concurrency}`);
	}
	const results = new Array<R>(tasks.length);
	const indexed = tasks.map((task, index) => ({ task, index }));
	await runInLanes(indexed, () => concurrency, async ({ task, index }) => {
		results[index] = await worker(task, index);
	});
	return results;
}
