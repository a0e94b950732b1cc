/**
 * Exponential backoff with "full jitter" (AWS Architecture Blog, 2015): the wait before retry n is
 * uniform in [0, min(cap, base · 2^(n-1))). Spreading waits over the whole range is what stops
 * several workers that failed together from retrying together.
 */
export interface BackoffPolicy {
	/** Ceiling of the first wait, in ms. */
	baseDelayMs: number;
	/** No wait is ever longer than this, in ms. */
	maxDelayMs: number;
	/** Uniform in [0, 1). Injected so tests can pin the jitter. */
	random?: () => number;
}

/** The upper bound of the jittered wait after failed attempt `attempt` (1-based). */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
	const exponent = Math.max(0, Math.floor(attempt) - 1);
	// 2^exponent overflows to Infinity long before it matters, and Math.min handles Infinity.
	return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
	const random = policy.random ?? Math.random;
	const r = Math.min(Math.max(random(), 0), 1);
	return Math.floor(r * backoffCeiling(attempt, policy));
}
