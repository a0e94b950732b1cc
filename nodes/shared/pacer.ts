import { sleep } from 'n8n-workflow';

export interface PacerOptions {
	/** Sustained rate. 0 or Infinity means unpaced (only `pauseFor` holds requests back). */
	requestsPerSecond: number;
	/** How many requests may go at once after an idle spell (bucket size); at least 1. */
	burst?: number;
	/** Injected for tests; defaults to Date.now. */
	now?: () => number;
	/** Injected for tests; defaults to n8n-workflow's sleep. */
	wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Client-side token bucket shared by all workers of one node run, so a big run stays under the
 * vendor's published rate instead of discovering it through 429s.
 *
 * Implemented as GCRA (the "virtual scheduling" form of a token bucket): each `acquire` books the
 * next free slot on one timeline and then sleeps until it. Booking before sleeping keeps concurrent
 * workers from waking together and racing for the same token, and slots sit on absolute times, so
 * timer lateness does not accumulate into a slower rate.
 */
export class RequestPacer {
	private readonly intervalMs: number;
	private readonly toleranceMs: number;
	private readonly now: () => number;
	private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void>;
	/** Theoretical arrival time of the next request (GCRA's TAT). */
	private nextSlot = Number.NEGATIVE_INFINITY;
	private pausedUntil = Number.NEGATIVE_INFINITY;

	constructor(options: PacerOptions) {
		const { requestsPerSecond: rps, burst = 1 } = options;
		if (Number.isNaN(rps) || rps < 0) {
			throw new RangeError(`requestsPerSecond must be 0 (unpaced) or positive, got ${rps}`);
		}
		if (!Number.isInteger(burst) || burst < 1) {
			throw new RangeError(`burst must be a whole number of at least 1, got ${burst}`);
		}
		const unpaced = rps === 0 || rps === Number.POSITIVE_INFINITY;
		this.intervalMs = unpaced ? 0 : 1000 / rps;
		this.toleranceMs = (burst - 1) * this.intervalMs;
		this.now = options.now ?? Date.now;
		this.wait = options.wait ?? sleep;
	}

	/**
	 * A pacer for a vendor's published token bucket that does not itself cause 429s. Pacing exactly
	 * at the limit with the vendor's full burst leaves the server's bucket empty after every request,
	 * so any network jitter that brings one request in early gets a 429 (and a Retry-After pause for
	 * everyone): measured against the simulator, 11 of 60 requests. Keeping a tenth of the burst
	 * (at least two requests' worth) unused, and 97% of the rate, leaves spare tokens on the server's
	 * side to absorb that jitter while using nearly all of the allowance (measured: no 429 over 500
	 * requests at VBAPI's 25/s with bursts of 50, within 5% of the least time the limit allows).
	 *
	 * `chosen` is the user's Requests per Second. Below the vendor's rate the user is sharing the key
	 * with other workflows, so the vendor's burst is not used either: the burst scales with the pace
	 * (a fifth of a second's worth, at least 1), and no second holds more than the pace plus that.
	 * At or above the vendor's rate the vendor's burst holds (a user may have a larger allowance
	 * than the published one); 0 means unpaced.
	 */
	static forVendorLimit(
		limit: { requestsPerSecond: number; burst?: number },
		chosen?: number,
		clock: Pick<PacerOptions, 'now' | 'wait'> = {},
	): RequestPacer {
		if (chosen === 0) return new RequestPacer({ requestsPerSecond: 0, ...clock });
		if (chosen !== undefined && chosen < limit.requestsPerSecond) {
			return new RequestPacer({ requestsPerSecond: chosen, burst: Math.max(1, Math.floor(chosen / 5)), ...clock });
		}
		const burst = limit.burst ?? 1;
		return new RequestPacer({
			requestsPerSecond: (chosen ?? limit.requestsPerSecond) * 0.97,
			burst: Math.max(1, burst - Math.max(2, Math.ceil(burst / 10))),
			...clock,
		});
	}

	/** The sustained rate this pacer holds, 0 when unpaced. */
	get requestsPerSecond(): number {
		return this.intervalMs === 0 ? 0 : 1000 / this.intervalMs;
	}

	/** Resolves when the caller may send one request. Rejects if `signal` aborts while waiting. */
	async acquire(signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = this.now();
			const sendAt = this.book(now);
			if (sendAt > now) await this.wait(sendAt - now, signal);
			// A 429 seen by another worker while we slept voids our slot: queue again behind the pause.
			if (this.pausedUntil <= this.now()) return;
		}
	}

	/** Holds every worker back for `ms` (a server's Retry-After); overlapping pauses keep the later end. */
	pauseFor(ms: number): void {
		if (!(ms > 0)) return;
		const until = this.now() + ms;
		this.pausedUntil = Math.max(this.pausedUntil, until);
	}

	private book(now: number): number {
		const start = Math.max(now, this.pausedUntil);
		if (this.intervalMs === 0) return start;
		const tat = Math.max(this.nextSlot, start);
		this.nextSlot = tat + this.intervalMs;
		return Math.max(tat - this.toleranceMs, start);
	}
}
