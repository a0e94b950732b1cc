export interface PollPlannerOptions {
	/** Age of a batch (ms since its 202) by which the first batches are first polled. */
	initialMs: number;
	/** Never poll one batch more often than this. */
	minGapMs?: number;
	/** Never leave a batch unpolled longer than this. */
	maxGapMs?: number;
	/** How many recent batches the estimate rests on; older ones are forgotten, so a change in server speed is followed. */
	window?: number;
	/** Injected for tests; defaults to Date.now. */
	now?: () => number;
}

/** Before anything is known, the gap between polls of a batch grows this many times over. */
const BLIND_GROWTH = 3;

/** Batches polled before anything is known spread their first polls over one growth step, in this many steps. */
const STAGGER_STEPS = 10;

/**
 * When to poll batches, learned from the batches before them.
 *
 * Each finished batch says its processing time lay between the last age it was seen running and
 * the age it was seen final. While the recent batches agree (the latest "running" is earlier than
 * the earliest "final"), a new batch is polled halfway between the two, or at the upper end once
 * they are within a few percent: a steady server then costs one or two polls per batch, each batch
 * picked up within a few percent of its end. When batch times vary, polls follow the spread of the
 * recent times instead: just before the fastest, just after the typical, just after the slowest.
 *
 * Before any batch has finished, polls grow threefold in spacing, and the batches of that first
 * round start at staggered ages (spread over the step below `initialMs`): whichever of them sees a
 * batch finish first has bracketed the processing time closely, and `replan` lets the others move
 * their next poll forward. All ages are in ms since the batch was accepted.
 */
export class PollPlanner {
	private readonly initialMs: number;
	private readonly minGapMs: number;
	private readonly maxGapMs: number;
	private readonly window: number;
	private readonly samples: number[] = [];
	private readonly twoSided: boolean[] = [];
	/** Per recent batch: the last age it was seen running (0 if never) and the age it was seen final. */
	private readonly bounds: Array<{ running: number; final: number }> = [];
	private blindStarts = 0;
	private readonly now: () => number;
	/** How long a poll takes from leaving to its answer (a running mean); 0 before any. */
	private tripMs = 0;

	constructor(options: PollPlannerOptions) {
		this.now = options.now ?? Date.now;
		this.initialMs = Math.max(0, options.initialMs);
		this.minGapMs = options.minGapMs ?? 50;
		this.maxGapMs = Math.max(this.minGapMs, options.maxGapMs ?? 60_000);
		this.window = options.window ?? 20;
	}

	/** The polls of one batch accepted now. */
	begin(): BatchPolls {
		const stagger = this.samples.length === 0 ? BLIND_GROWTH ** ((this.blindStarts++ % STAGGER_STEPS) / STAGGER_STEPS - 1) : 1;
		return new BatchPolls(this, Math.max(this.minGapMs, this.initialMs * stagger), this.now);
	}

	get knows(): boolean {
		return this.samples.length > 0;
	}

	/**
	 * While every recent batch fits one processing time (the latest "running" is earlier than the
	 * earliest "final"), that time lies between the two: poll at the upper end once they are close,
	 * else halfway. Undefined when recent batches disagree, i.e. their times vary.
	 */
	private bracket(): { lower: number; upper: number } | undefined {
		if (this.bounds.length === 0) return undefined;
		const lower = Math.max(...this.bounds.map((b) => b.running));
		const upper = Math.min(...this.bounds.map((b) => b.final));
		return lower < upper ? { lower, upper } : undefined;
	}

	/** Age of the first poll of a batch, once some batch has finished. */
	firstPoll(): number {
		const bracket = this.bracket();
		if (bracket) {
			const { lower, upper } = bracket;
			// Halfway is worth a look only when the bracket is wider than a poll's trip: a "running" there
			// sends the next poll a trip later, past the upper end.
			const width = upper - lower;
			return width <= this.tolerance(upper) || width <= this.tripMs ? upper : Math.max(this.minGapMs, (lower + upper) / 2);
		}
		const fastest = this.quantile(0.1);
		return Math.max(this.minGapMs, fastest - this.tolerance(fastest));
	}

	/**
	 * Age of the next poll of a batch that was still running at `age`: the upper end of the bracket
	 * when there is one; else just after the typical recent time, then just after the slow end of
	 * recent times, then further and further apart.
	 */
	nextPoll(age: number): number {
		if (!this.knows) return age + this.clampGap(age * (BLIND_GROWTH - 1));
		const bracket = this.bracket();
		if (bracket && bracket.upper >= age + this.minGapMs) return bracket.upper;
		for (const q of [0.5, 0.9]) {
			const at = this.quantile(q);
			const target = at + this.tolerance(at);
			if (target >= age + this.minGapMs) return Math.min(target, age + this.maxGapMs);
		}
		// Slower than nearly every recent batch: look again in steps of a tenth of its age, so an
		// outlier costs a few polls and a server that slowed down is still followed.
		return age + this.clampGap(Math.max(this.tolerance(age), age * 0.1));
	}

	/** A poll's answer came `ms` after it left. */
	tripTook(ms: number): void {
		this.tripMs = this.tripMs === 0 ? ms : this.tripMs + 0.2 * (ms - this.tripMs);
	}

	/** A batch was seen running at `lastRunning` (0 if never) and final at `finalAt`. */
	finished(lastRunning: number, finalAt: number): void {
		if (lastRunning > 0) {
			this.twoSided.push(true);
			this.samples.push((lastRunning + finalAt) / 2);
		} else {
			// Final at the first look says only "no longer than this". While no recent batch was seen
			// running, guess well below it, so a first poll that came late (or a server that got
			// faster) is caught up with within a batch or two.
			this.twoSided.push(false);
			this.samples.push(this.twoSided.some(Boolean) ? finalAt : finalAt / 2);
		}
		this.bounds.push({ running: lastRunning, final: finalAt });
		if (this.samples.length > this.window) {
			this.samples.shift();
			this.twoSided.shift();
			this.bounds.shift();
		}
	}

	private quantile(q: number): number {
		const sorted = [...this.samples].sort((a, b) => a - b);
		return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	}

	private clampGap(gap: number): number {
		return Math.min(this.maxGapMs, Math.max(this.minGapMs, gap));
	}

	private tolerance(age: number): number {
		return Math.max(this.minGapMs, age * 0.025);
	}
}

/**
 * One batch's polls: asks the planner when to look and tells it what was seen. Ages are ms since the
 * batch was accepted, on the planner's clock.
 *
 * What the planner learns is the age at which a poll was *sent*, not answered: it schedules sends,
 * and a poll sent at the age that once saw "final" meets the next batch final too. Through n8n a
 * poll takes about three round trips to come back; counting from the answer put every later poll
 * that much late (a quarter of a second per batch at an 80 ms round trip).
 */
export class BatchPolls {
	/** When the batch was accepted, on the planner's clock. */
	readonly acceptedAt: number;
	private lastRunning = 0;
	private sentAge = 0;

	constructor(
		private readonly planner: PollPlanner,
		private readonly blindFirst: number,
		private readonly now: () => number,
	) {
		this.acceptedAt = now();
	}

	first(): number {
		return this.planner.knows ? this.planner.firstPoll() : this.blindFirst;
	}

	/** A poll is leaving now (called on every attempt, so the one answered counts). */
	sending(): void {
		this.sentAge = this.now() - this.acceptedAt;
	}

	/** The last poll sent found the batch still running; returns the age to poll it next. */
	running(): number {
		this.answered();
		this.lastRunning = this.sentAge;
		return this.planner.nextPoll(this.sentAge);
	}

	private answered(): void {
		this.planner.tripTook(this.now() - this.acceptedAt - this.sentAge);
	}

	/** The age this batch would be polled at now that other batches have taught the planner more. */
	replan(): number {
		return this.lastRunning > 0 ? this.planner.nextPoll(this.lastRunning) : this.first();
	}

	/** The last poll sent found the batch final. */
	finished(): void {
		this.answered();
		this.planner.finished(this.lastRunning, this.sentAge);
	}
}
