/**
 * A virtual clock that drives real async code: `wait` parks a promise on a timeline, and `run`
 * advances the clock to the earliest parked wait once every promise chain has settled (one
 * setImmediate turn drains the microtask queue, and the code under test does no real I/O).
 * So the product's own pacer, retry and lane code can run minutes of traffic deterministically
 * in milliseconds, whatever the machine's speed.
 */
export class VirtualTime {
	private current = 0;
	private sequence = 0;
	private readonly timers: Array<{ at: number; seq: number; resolve: () => void }> = [];

	readonly now = (): number => this.current;

	readonly wait = async (ms: number, signal?: AbortSignal): Promise<void> => {
		signal?.throwIfAborted();
		await new Promise<void>((resolve) => {
			this.timers.push({ at: this.current + Math.max(0, ms), seq: this.sequence++, resolve });
		});
	};

	/** Runs until `done` settles, advancing the clock from wait to wait. */
	async run<T>(done: Promise<T>): Promise<T> {
		let finished = false;
		const settled = done.finally(() => {
			finished = true;
		});
		for (;;) {
			await new Promise((resolve) => setImmediate(resolve));
			if (finished) return await settled;
			if (this.timers.length === 0) throw new Error('VirtualTime: nothing is waiting, yet the work has not finished');
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const next = this.timers.shift() as (typeof this.timers)[number];
			this.current = Math.max(this.current, next.at);
			next.resolve();
		}
	}
}
