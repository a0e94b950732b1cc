import { randomBytes } from 'node:crypto';

import { RateLimiter, type Clock, type SimRequest, type SimResponse } from '../base';
import { GATEWAY_MESSAGES, gatewayError, rightslineResponse } from './gateway';
import type { IssuedKey } from './sigv4-verify';
import type { RightslineSimSettings } from './settings';

export const TEMP_CREDENTIALS_PATH = '/v4/auth/temporary-credentials';

interface Issued extends IssuedKey {
	user: string;
	apiKey: string;
}

/** STS-style keys: an access key starting ASIA, a 40-character secret, a long session token. */
function newKeys(): { accessKey: string; secretKey: string; sessionToken: string } {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	const accessKey = `ASIA${Array.from(randomBytes(16), (byte) => alphabet[byte % 32]).join('')}`;
	return {
		accessKey,
		secretKey: randomBytes(30).toString('base64'),
		sessionToken: `FQoDYXdzE${randomBytes(180).toString('base64')}`,
	};
}

/** `2018-01-01T00:00:01+00:00`, the documented shape of `expiration`. */
function expirationText(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/**
 * `POST /v4/auth/temporary-credentials`: the company API key in `x-api-key`, the user's long-lived
 * keys in the body, temporary keys for SigV4 back. Limited per IP address (all clients here share
 * 127.0.0.1, so one bucket).
 */
export class TemporaryCredentials {
	/** Temporary credentials handed out. */
	issuedCount = 0;
	private readonly issued = new Map<string, Issued>();
	private limiter: RateLimiter;
	private perMinute: number;

	constructor(
		private readonly settings: RightslineSimSettings,
		private readonly clock: Clock,
	) {
		this.perMinute = settings.tempCredentialsPerMinute;
		this.limiter = this.newLimiter();
	}

	lookup = (accessKey: string): IssuedKey | undefined => this.issued.get(accessKey);

	apiKeyOf(accessKey: string): string | undefined {
		return this.issued.get(accessKey)?.apiKey;
	}

	/** Issues a set without the endpoint, for tests that are not about it. */
	issue(user: string, apiKey: string): { accessKey: string; secretKey: string; sessionToken: string; expiration: string } {
		const keys = newKeys();
		const expiresAt = this.clock() + this.settings.tempCredentialTtlMs;
		this.issued.set(keys.accessKey, { ...keys, expiresAt, user, apiKey });
		this.issuedCount++;
		return { ...keys, expiration: expirationText(expiresAt) };
	}

	/** Makes every set issued so far expired, as an hour passing would. */
	expireAll(): void {
		for (const entry of this.issued.values()) entry.expiresAt = Number.NEGATIVE_INFINITY;
	}

	handle(req: SimRequest): SimResponse {
		if (this.perMinute !== this.settings.tempCredentialsPerMinute) {
			this.perMinute = this.settings.tempCredentialsPerMinute;
			this.limiter = this.newLimiter();
		}
		if (this.limiter.take(req) !== undefined) return gatewayError(429, 'TooManyRequestsException', GATEWAY_MESSAGES.tooManyRequests);
		const body = req.body as { accessKey?: unknown; secretKey?: unknown } | undefined;
		const user = this.settings.users.find((candidate) => candidate.accessKey === body?.accessKey && candidate.secretKey === body?.secretKey);
		// Documented: 401 with an empty body for keys it does not accept.
		if (!user) return rightslineResponse(401);
		const { accessKey, secretKey, sessionToken, expiration } = this.issue(user.name, req.headers['x-api-key'] ?? '');
		return rightslineResponse(200, { accessKey, secretKey, sessionToken, expiration });
	}

	private newLimiter(): RateLimiter {
		const perMinute = this.settings.tempCredentialsPerMinute;
		return new RateLimiter({ ratePerSecond: perMinute / 60, burst: perMinute }, this.clock);
	}
}
