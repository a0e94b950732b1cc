import { inspectFailure } from './failure';
import { runInLanes } from './lane-pool';
import { LaneController, type LaneOutcome } from './lanes';
import type { RequestPacer } from './pacer';
import { withRetry, type RetryPolicy } from './retry';
import { NotSent, RunStop } from './run-stop';

/** One request's worth of input items. */
export interface Batch<P> {
	/** Input item indexes, in the order their records appear in `payload`. */
	itemIndexes: number[];
	payload: P;
	/** False when a repeat could duplicate data (e.g. records that ask the server to assign keys). */
	idempotent: boolean;
}

export interface DispatchOptions<P, R> {
	/**
	 * Parallel Requests: the most requests in flight. Below it, the lanes follow the pacer's rate
	 * times the measured time per answer (LaneController), so a slow network still gets the pace.
	 */
	concurrency: number;
	pacer: RequestPacer;
	policy?: RetryPolicy;
	signal?: AbortSignal;
	send: (batch: Batch<P>) => Promise<R>;
	/** Settles every item of the batch from the answer. */
	settle: (batch: Batch<P>, response: R) => void;
	/** Settles every item of a batch whose request failed as a whole, after retries. */
	fail: (batch: Batch<P>, error: unknown) => void;
	/**
	 * Send the first batch before any other (the default), so a credential whose token is still
	 * empty logs in once rather than once per lane. A caller that knows no login can happen (a
	 * token is stored, or the API needs none) may start every lane at once and save a round trip.
	 */
	firstAlone?: boolean;
	/**
	 * The run's stop rule (see RunStop), shared with any other requests the operation makes; one is
	 * made for this dispatch when none is given. Once it trips, the remaining batches are handed to
	 * `fail` with a NotSent that names the failure that stopped the run.
	 */
	stop?: RunStop;
	/** Injected for tests (a virtual clock); defaults to Date.now. */
	now?: () => number;
}

/**
 * Sends batches several at once, paced and retried, and hands each answer or final failure to the
 * caller to settle its items. The first batch goes alone: a credential with an empty token logs in
 * on the first request, and without this every parallel lane would log in at once.
 */
/** What a failed attempt says about the lanes; undefined when it says nothing of the server's pace. */
function laneOutcome(error: unknown): LaneOutcome | undefined {
	const failure = inspectFailure(error);
	if (failure.status === 429 || failure.status === 503) return 'throttled';
	if (failure.status !== undefined) return 'answered';
	return failure.code !== undefined && TIMEOUT_CODES.has(failure.code) ? 'timed-out' : undefined;
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export async function dispatchBatches<P, R>(batches: ReadonlyArray<Batch<P>>, options: DispatchOptions<P, R>): Promise<void> {
	const stop = options.stop ?? new RunStop();
	const lanes = new LaneController({ cap: options.concurrency, requestsPerSecond: options.pacer.requestsPerSecond });
	const now = options.now ?? Date.now;
	/**
	 * One attempt, timed from when the pacer let it go to its answer. The first request sent alone is
	 * not timed: it may carry a login, and may be smaller than the rest (VBA sends one record ahead),
	 * so its time says little of the others'; until they answer, the lanes stay at the cap and the
	 * pacer alone holds the pace.
	 */
	const attempt = async (batch: Batch<P>, timed: boolean): Promise<R> => {
		const started = now();
		// The failure goes on to withRetry as it came: its status and network code decide the retry.
		return await options.send(batch).then(
			(response) => {
				if (timed) lanes.record(now() - started, 'answered');
				return response;
			},
			async (error: unknown) => {
				const outcome = laneOutcome(error);
				if (outcome !== undefined) lanes.record(now() - started, outcome);
				return await Promise.reject(error as Error);
			},
		);
	};
	const runOne = async (batch: Batch<P>, timed = true): Promise<void> => {
		if (options.signal?.aborted) {
			// The user stopped the run: the rest is not sent, and its items end as failed, not lost.
			options.fail(batch, options.signal.reason ?? new Error('The execution was cancelled'));
			return;
		}
		if (stop.stopped) {
			// Without waiting for a pacer slot: thousands of items that will not be sent end at once.
			options.fail(batch, new NotSent(stop.reason));
			return;
		}
		let response: R;
		try {
			response = await withRetry(
				async () => {
					// Checked on every attempt: a retry must not go out after another lane stopped the run.
					stop.check();
					return await attempt(batch, timed);
				},
				{
					idempotent: batch.idempotent,
					pacer: options.pacer,
					policy: options.policy,
					signal: options.signal,
				},
			);
		} catch (error) {
			stop.failed(error);
			// Includes a run the user stopped: its items end as failed rather than vanish.
			options.fail(batch, error);
			return;
		}
		options.settle(batch, response);
	};
	if (batches.length === 0) return;
	if (options.firstAlone === false) {
		await runInLanes(batches, () => lanes.lanes, runOne);
		return;
	}
	await runOne(batches[0], false);
	await runInLanes(batches.slice(1), () => lanes.lanes, runOne);
}
