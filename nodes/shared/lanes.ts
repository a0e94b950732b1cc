/** What one answer says about the lanes: fine, "slow down" (429/503), or no answer in time. */
export type LaneOutcome = 'answered' | 'throttled' | 'timed-out';

export interface LaneOptions {
	/** Parallel Requests: the most requests in flight, whatever the measurements say. */
	cap: number;
	/** The pace the run is held to (the pacer's rate); 0 means unpaced. */
	requestsPerSecond: number;
}

/** Weight of the newest answer in the running mean of answer times. */
const SMOOTHING = 0.2;
/** Lanes beyond the exact need, so one slow answer does not leave the pace short. */
const HEADROOM = 1.25;

/**
 * How many requests to keep in flight. A request through n8n's helper costs about three round trips
 * plus the server's own time (a new TLS connection every time: docs/n8n-request-path.md), so the
 * lanes a vendor's pace needs depend on the network, not on the node: by Little's law, pace × time
 * per answer. The time is measured from the answers (a running mean), the lanes follow it up to the
 * cap; an unpaced run uses the cap. A 429/503 or a timeout halves the lanes at once, and each
 * answer after that gives one back (additive increase, multiplicative decrease, as TCP does), so
 * a struggling server is not held at full load.
 */
export class LaneController {
	private meanMs: number | undefined;
	private ceiling: number;

	constructor(private readonly options: LaneOptions) {
		if (!Number.isInteger(options.cap) || options.cap < 1) {
			throw new RangeError(`The lane cap must be a whole number of at least 1, got ${options.cap}`);
		}
		this.ceiling = options.cap;
	}

	/** Requests that may be in flight now, 1 to cap. */
	get lanes(): number {
		return Math.max(1, Math.min(this.options.cap, this.ceiling, this.needed()));
	}

	/** Called with every answer (or failure) of a request that reached the network. */
	record(durationMs: number, outcome: LaneOutcome): void {
		if (outcome === 'answered' && durationMs >= 0) {
			this.meanMs = this.meanMs === undefined ? durationMs : this.meanMs + SMOOTHING * (durationMs - this.meanMs);
			this.ceiling = Math.min(this.options.cap, this.ceiling + 1);
			return;
		}
		this.ceiling = Math.max(1, Math.floor(Math.min(this.ceiling, this.lanes) / 2));
	}

	private needed(): number {
		const { requestsPerSecond: rate, cap } = this.options;
		// Unpaced, or nothing measured yet: the cap (the first request goes alone anyway).
		if (!(rate > 0) || this.meanMs === undefined) return cap;
		return Math.ceil(rate * (this.meanMs / 1000) * HEADROOM) + 1;
	}
}
