/**
 * Runs `worker` over `tasks` with at most `concurrency` calls in flight; results keep the tasks' order.
 *
 * Contract: the worker records per-item outcomes itself (an ItemLedger, or a result value) and throws
 * only for what must end the whole run: the user stopped the execution, or a bug. So a throw stops
 * new tasks from starting, waits for the ones already running (their outcomes are real requests
 * that were sent and must not be abandoned mid-flight), and then rethrows the first error. Without a
 * throw every task runs exactly once.
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
	let next = 0;
	let failed = false;
	let firstError: unknown;

	const lane = async (): Promise<void> => {
		while (!failed && next < tasks.length) {
			const index = next++;
			try {
				results[index] = await worker(tasks[index], index);
			} catch (error) {
				if (!failed) firstError = error;
				failed = true;
			}
		}
	};

	const lanes = Math.min(concurrency, tasks.length);
	await Promise.all(Array.from({ length: lanes }, lane));
	if (failed) throw firstError;
	return results;
}
