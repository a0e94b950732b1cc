import { sleep } from 'n8n-workflow';

/**
 * Wakes lanes when one of this run's batches finishes: a lane waiting for a free batch slot can
 * try again, and a lane waiting to poll can poll sooner if the finished batch says it should.
 */
export class ProgressSignal {
	private waiters: Array<() => void> = [];

	notify(): void {
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}

	/**
	 * Waits until a batch finishes (true), `ms` pass or the run is stopped (false); the timer never
	 * outlives the wait.
	 */
	async wait(ms: number, signal?: AbortSignal): Promise<boolean> {
		const timer = new AbortController();
		const onAbort = () => timer.abort();
		signal?.addEventListener('abort', onAbort, { once: true });
		const timeout = sleep(Math.max(0, ms), timer.signal).then(
			() => false,
			() => false,
		);
		try {
			return await Promise.race([timeout, new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true)))]);
		} finally {
			signal?.removeEventListener('abort', onAbort);
			timer.abort();
		}
	}
}
