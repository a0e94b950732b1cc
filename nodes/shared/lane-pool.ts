/**
 * Runs `worker` over `tasks`, keeping at most `lanes()` in flight; `lanes()` is asked again each
 * time a task ends, so the count can follow the measurements (see LaneController).
 *
 * Contract: the worker settles its own items and throws only for what must
 * end the whole run (a bug, or the user stopping it); a throw starts no new task, lets the running
 * ones finish (they are real requests already sent), then rethrows the first error.
 */
export async function runInLanes<T>(tasks: readonly T[], lanes: () => number, worker: (task: T) => Promise<void>): Promise<void> {
	let next = 0;
	let active = 0;
	let failure: { error: unknown } | undefined;
	await new Promise<void>((resolve) => {
		const pump = (): void => {
			while (failure === undefined && next < tasks.length && active < Math.max(1, lanes())) {
				const task = tasks[next++];
				active++;
				worker(task)
					.catch((error: unknown) => {
						failure ??= { error };
					})
					.finally(() => {
						active--;
						pump();
					});
			}
			if (active === 0 && (failure !== undefined || next >= tasks.length)) resolve();
		};
		pump();
	});
	if (failure !== undefined) throw failure.error;
}
