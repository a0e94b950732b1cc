import { sleep } from 'n8n-workflow';

import { backoffDelay, type BackoffPolicy } from './backoff';
import { classifyFailure } from './classify';
import type { RequestPacer } from './pacer';

export interface RetryPolicy extends BackoffPolicy {
	/** Total attempts, the first one included; 1 means "never retry". */
	maxAttempts: number;
	/**
	 * Total attempts while the server only says "slow down" (429/503, nothing processed). A rate
	 * limit shared with other workflows can answer that many times in a row, and repeating such a
	 * request is always safe, so it gets a longer budget than a real failure. Defaults to maxAttempts.
	 */
	maxThrottledAttempts?: number;
	/**
	 * A Retry-After longer than this ends the retries: holding an n8n execution for an hour helps
	 * nobody, and the error tells the user when to try again.
	 */
	maxRetryAfterMs?: number;
}

/** Matches what the vendors recommend (VBAPI: backoff on 429/502/503/504, 30 s timeouts). */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
	maxAttempts: 4,
	maxThrottledAttempts: 12,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	maxRetryAfterMs: 120_000,
};

export interface RetryEvent {
	/** The attempt that just failed (1-based). */
	attempt: number;
	error: unknown;
	waitMs: number;
	reason: string;
}

export interface RetryOptions {
	idempotent: boolean;
	policy?: RetryPolicy;
	/** When given, every attempt waits for a slot, and a 429/503 pauses all its other users too. */
	pacer?: RequestPacer;
	onRetry?: (event: RetryEvent) => void;
	/** n8n's execution cancel signal: stops waiting at once when the user stops the run. */
	signal?: AbortSignal;
}

function validate(policy: RetryPolicy): void {
	if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
		throw new RangeError(`maxAttempts must be a whole number of at least 1, got ${policy.maxAttempts}`);
	}
	if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= 0)) {
		throw new RangeError('baseDelayMs and maxDelayMs must not be negative');
	}
}

/**
 * Runs `send` until it succeeds, the failure is not worth repeating (see `classifyFailure`), or the
 * attempts run out; then rethrows the last error exactly as `send` threw it, so the caller's
 * NodeApiError keeps its status, headers and body.
 */
export async function withRetry<T>(
	send: (attempt: number) => Promise<T>,
	options: RetryOptions,
): Promise<T> {
	const policy = options.policy ?? DEFAULT_RETRY_POLICY;
	validate(policy);
	const maxRetryAfterMs = policy.maxRetryAfterMs ?? Number.POSITIVE_INFINITY;
	for (let attempt = 1; ; attempt++) {
		if (options.pacer) await options.pacer.acquire(options.signal);
		let failure: unknown;
		try {
			return await send(attempt);
		} catch (error) {
			failure = error;
		}
		const verdict = classifyFailure(failure, { idempotent: options.idempotent });
		const tooLong = verdict.waitMs !== undefined && verdict.waitMs > maxRetryAfterMs;
		const budget = verdict.throttled ? (policy.maxThrottledAttempts ?? policy.maxAttempts) : policy.maxAttempts;
		if (!verdict.retry || attempt >= budget || tooLong || options.signal?.aborted) {
			throw failure;
		}
		const waitMs = verdict.waitMs ?? backoffDelay(attempt, policy);
		options.onRetry?.({ attempt, error: failure, waitMs, reason: verdict.reason });
		if (options.pacer && verdict.throttled) {
			// The next acquire() sleeps through the pause, together with every other worker, and the
			// pace stays lower for a while (see RequestPacer.throttled).
			options.pacer.throttled(waitMs);
		} else if (waitMs > 0) {
			await sleep(waitMs, options.signal);
		}
	}
}
