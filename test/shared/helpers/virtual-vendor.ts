import { RateLimiter } from '../../simulators/base/rate-limiter';
import type { RecordedRequest } from '../../simulators/base/types';
import type { VirtualTime } from './virtual-time';

export interface VirtualVendorOptions {
	/** The vendor's token bucket, as the simulators enforce it. */
	ratePerSecond: number;
	burst: number;
	/** One network round trip. */
	rttMs: number;
	/** Round trips a request costs before the server sees it: n8n opens a new TLS connection each time. */
	roundTripsBefore?: number;
	/** The server's own time for a request it accepts. */
	serverMs: number;
}

/**
 * A vendor API on a virtual network: one token bucket for every caller (one API key), a 429 with
 * the simulators' Retry-After (whole seconds until a token is back) when it is empty. Failures look
 * the way n8n's request helper throws them (status and headers under `cause.response`).
 */
export class VirtualVendor {
	private readonly limiter: RateLimiter;
	readonly stats = { requests: 0, accepted: 0, rateLimited: 0 };

	constructor(
		private readonly time: VirtualTime,
		private readonly options: VirtualVendorOptions,
	) {
		this.limiter = new RateLimiter({ ratePerSecond: options.ratePerSecond, burst: options.burst }, time.now);
	}

	async request(): Promise<{ ok: true }> {
		const { rttMs, serverMs, roundTripsBefore = 2.5 } = this.options;
		await this.time.wait(rttMs * roundTripsBefore);
		this.stats.requests++;
		const retryAfter = this.limiter.take({} as RecordedRequest);
		if (retryAfter !== undefined) {
			this.stats.rateLimited++;
			await this.time.wait(rttMs / 2);
			throw Object.assign(new Error('Too Many Requests'), {
				httpCode: '429',
				cause: { response: { status: 429, headers: { 'retry-after': String(retryAfter) }, data: { message: 'Too Many Requests' } } },
			});
		}
		this.stats.accepted++;
		await this.time.wait(serverMs + rttMs / 2);
		return { ok: true };
	}
}
