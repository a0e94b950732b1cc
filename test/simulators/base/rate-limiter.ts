import type { Clock, RecordedRequest, RequestMatcher } from './types';

export interface RateLimitOptions {
	ratePerSecond: number;
	burst: number;
	/** One bucket per distinct key (an API key, say); one shared bucket when absent. */
	key?: (req: RecordedRequest) => string;
	/** Only matching requests are counted and limited. */
	match?: RequestMatcher;
	/** Body of the 429; defaults to `{ message: 'Too Many Requests' }`. */
	body?: unknown;
	/** Some gateways (AWS API Gateway among them) send no Retry-After; set false to mimic them. */
	retryAfter?: boolean;
}

interface Bucket {
	tokens: number;
	updatedAt: number;
}

/** A token bucket per key: holds up to `burst` tokens and gains `ratePerSecond` of them a second. */
export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	constructor(
		readonly options: RateLimitOptions,
		private readonly clock: Clock,
	) {
		if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) {
			throw new Error('rateLimit needs ratePerSecond > 0 and burst >= 1');
		}
	}

	/** Takes a token; returns undefined when allowed, else the whole seconds until a token is back (≥ 1). */
	take(req: RecordedRequest): number | undefined {
		const { ratePerSecond, burst, key, match } = this.options;
		if (match && !match(req)) return undefined;
		const id = key ? key(req) : '';
		const now = this.clock();
		let bucket = this.buckets.get(id);
		if (!bucket) {
			bucket = { tokens: burst, updatedAt: now };
			this.buckets.set(id, bucket);
		} else {
			bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond);
			bucket.updatedAt = now;
		}
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return undefined;
		}
		return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerSecond));
	}
}
