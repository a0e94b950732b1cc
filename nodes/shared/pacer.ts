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

/** A 429 leaves this share of the pace in force. */
const SLOW_DOWN = 0.7;
/** After a 429, the pace climbs back by this share of the configured pace each second. */
const RECOVERY_PER_SECOND = 0.05;

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
	/** The configured pace; 0 when unpaced. */
	private readonly baseRate: number;
	/** The pace the last 429 brought it down to (it climbs back from there); undefined before any. */
	private slowedTo: number | undefined;
	private readonly toleranceMs: number;
	private lastSlowDown = Number.NEGATIVE_INFINITY;
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
		this.baseRate = unpaced ? 0 : rps;
		this.toleranceMs = unpaced ? 0 : ((burst - 1) * 1000) / rps;
		this.now = options.now ?? Date.now;
		this.wait = options.wait ?? sleep;
	}

	/**
	 * A pacer for a vendor's published token bucket that does not itself cause 429s, alone or with
	 * other n8n processes on the same key. Pacing at the limit with the vendor's full burst leaves the
	 * server's bucket empty after every request, so any jitter that brings one request in early gets a
	 * 429 (measured against the simulator: 11 of 60 requests). Using half the burst and 99% of the
	 * rate leaves the other half on the server's side: it absorbs that jitter, and two queue-mode
	 * workers that start at once fit their opening bursts in it together (with the full burst each,
	 * their first second met 40 429s). The cost is half a burst's worth of time once per run (about
	 * 1 s at VBAPI's 25/s); test/shared/shared-key.sim.test.ts measures both on a virtual clock.
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
			requestsPerSecond: (chosen ?? limit.requestsPerSecond) * 0.99,
			burst: Math.max(1, Math.floor(burst / 2)),
			...clock,
		});
	}

	/** The sustained rate this pacer holds (lowered for a while after a 429), 0 when unpaced. */
	get requestsPerSecond(): number {
		return this.baseRate === 0 ? 0 : this.rateAt(this.now());
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

	/**
	 * The server said "slow down" (429/503): every worker waits `ms`, and the pace drops to 70% of
	 * what it is now (at most once a second however many lanes met the same 429), then climbs back by
	 * a twentieth of the configured pace each second. This is what brings several n8n processes
	 * sharing one key (queue-mode workers, each with its own pacer) under the vendor's limit together:
	 * alone, each would keep pacing at the full limit and meet 429s all run long. The climb goes by time, not by answers, so a process with many
	 * lanes does not return to the full pace (and the next 429) faster than one with few.
	 */
	throttled(ms: number): void {
		this.pauseFor(ms);
		if (this.baseRate === 0) return;
		const now = this.now();
		if (now - this.lastSlowDown < 1000) return;
		const current = this.rateAt(now);
		this.lastSlowDown = now;
		this.slowedTo = current * SLOW_DOWN;
	}

	/** The pace in force at `at`: the configured one, or on its way back to it after a 429. */
	private rateAt(at: number): number {
		if (this.slowedTo === undefined) return this.baseRate;
		const climbed = (this.baseRate * RECOVERY_PER_SECOND * Math.max(0, at - this.lastSlowDown)) / 1000;
		return Math.min(this.baseRate, this.slowedTo + climbed);
	}

	private book(now: number): number {
		const start = Math.max(now, this.pausedUntil);
		if (this.baseRate === 0) return start;
		const tat = Math.max(this.nextSlot, start);
		const rate = this.rateAt(tat);
		this.nextSlot = tat + 1000 / rate;
		// No burst while slowed down: the server's bucket is empty.
		const tolerance = rate === this.baseRate ? this.toleranceMs : 0;
		return Math.max(tat - tolerance, start);
	}
}
