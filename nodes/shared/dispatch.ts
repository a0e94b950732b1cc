import type { RequestPacer } from './pacer';
import { runConcurrently } from './pool';
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
}

/**
 * Sends batches several at once, paced and retried, and hands each answer or final failure to the
 * caller to settle its items. The first batch goes alone: a credential with an empty token logs in
 * on the first request, and without this every parallel lane would log in at once.
 */
export async function dispatchBatches<P, R>(batches: ReadonlyArray<Batch<P>>, options: DispatchOptions<P, R>): Promise<void> {
	const stop = options.stop ?? new RunStop();
	const runOne = async (batch: Batch<P>): Promise<void> => {
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
					return await options.send(batch);
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
		await runConcurrently(batches, options.concurrency, runOne);
		return;
	}
	await runOne(batches[0]);
	await runConcurrently(batches.slice(1), options.concurrency, runOne);
}
