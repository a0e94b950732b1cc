export interface PollPlannerOptions {
	/** Age of a batch (ms since its 202) at its first poll while no batch has finished yet. */
	initialMs: number;
	/** Never poll one batch more often than this. */
	minGapMs?: number;
	/** Never leave a batch unpolled longer than this. */
	maxGapMs?: number;
	/** How much further apart polls get while no batch has finished yet. */
	growth?: number;
	/** How many recent batches the estimate rests on; older ones are forgotten, so a change in server speed is followed. */
	window?: number;
}

/**
 * When to poll batches, learned from the batches before them. A finished batch took somewhere
 * between the last age it was seen running and the age it was seen final; the middle of that is
 * its estimated processing time. A new batch is first polled just before the fastest recent batch
 * finished, then just after the typical one, then just after the slowest, so a steady server costs
 * about two polls per batch and a batch is picked up within a few percent of its end. Until one batch has finished, polls start at `initialMs` and grow by `growth`.
 * All ages are in ms since the batch was accepted.
 */
export class PollPlanner {
	private readonly initialMs: number;
	private readonly minGapMs: number;
	private readonly maxGapMs: number;
	private readonly growth: number;
	private readonly window: number;
	private readonly samples: number[] = [];
	private readonly twoSided: boolean[] = [];

	constructor(options: PollPlannerOptions) {
		this.initialMs = Math.max(0, options.initialMs);
		this.minGapMs = options.minGapMs ?? 50;
		this.maxGapMs = Math.max(this.minGapMs, options.maxGapMs ?? 60_000);
		this.growth = options.growth ?? 1.25;
		this.window = options.window ?? 20;
	}

	/** Estimated processing times of the recent batches, in the order they finished. */
	get estimates(): readonly number[] {
		return this.samples;
	}

	/** The polls of one batch. */
	begin(): BatchPolls {
		return new BatchPolls(this);
	}

	/** Age of the first poll of a batch accepted now. */
	firstPoll(): number {
		if (this.samples.length === 0) return this.initialMs;
		const fastest = this.quantile(0.1);
		return Math.max(this.minGapMs, fastest - this.tolerance(fastest));
	}

	/**
	 * Age of the next poll of a batch that was still running at `age`: just after the typical recent
	 * time, then just after the slow end of recent times, then further and further apart.
	 */
	nextPoll(age: number): number {
		if (this.samples.length === 0) return age + this.clampGap(age * (this.growth - 1));
		for (const q of [0.5, 0.9]) {
			const at = this.quantile(q);
			const target = at + this.tolerance(at);
			if (target >= age + this.minGapMs) return Math.min(target, age + this.maxGapMs);
		}
		// Slower than nearly every recent batch: look again in steps of a tenth of its age, so an
		// outlier costs a few polls and a server that slowed down is still followed.
		return age + this.clampGap(Math.max(this.tolerance(age), age * 0.1));
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
		if (this.samples.length > this.window) {
			this.samples.shift();
			this.twoSided.shift();
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

/** One batch's polls: asks the planner when to look and tells it what was seen. */
export class BatchPolls {
	private lastRunning = 0;

	constructor(private readonly planner: PollPlanner) {}

	first(): number {
		return this.planner.firstPoll();
	}

	/** The batch was still running at `age`; returns the age to poll it next. */
	running(age: number): number {
		this.lastRunning = age;
		return this.planner.nextPoll(age);
	}

	finished(age: number): void {
		this.planner.finished(this.lastRunning, age);
	}
}
