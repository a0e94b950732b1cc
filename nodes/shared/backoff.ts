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

/**
 * A small deterministic generator (mulberry32) so a test can replay the same jitter sequence.
 * Not for anything security related.
 */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
