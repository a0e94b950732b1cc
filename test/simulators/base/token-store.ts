import { randomBytes, randomUUID } from 'node:crypto';

import { systemClock } from './clock';
import type { Clock } from './types';

interface IssuedToken {
	subject: string | undefined;
	expiresAt: number;
}

export type TokenValidity = 'valid' | 'expired' | 'unknown';

/**
 * Bearer tokens a simulator hands out and later checks. Tokens are random, so a client cannot
 * forge one; `expireAll` is the switch that makes every cached token stale at once.
 */
export class TokenStore {
	ttlMs = 3_600_000;
	issuedCount = 0;
	/** 'jwt' gives three base64url parts with `sub`/`iat`/`exp` claims, for APIs whose clients may decode them. */
	format: 'opaque' | 'jwt' = 'opaque';
	private readonly tokens = new Map<string, IssuedToken>();

	constructor(private readonly clock: Clock = systemClock) {}

	issue(subject?: string, ttlMs?: number): string {
		const now = this.clock();
		const expiresAt = now + (ttlMs ?? this.ttlMs);
		const token = this.format === 'jwt' ? unsignedJwt(subject, now, expiresAt) : randomBytes(24).toString('base64url');
		this.tokens.set(token, { subject, expiresAt });
		this.issuedCount++;
		return token;
	}

	check(token: string | undefined): TokenValidity {
		if (token === undefined) return 'unknown';
		const issued = this.tokens.get(token);
		if (!issued) return 'unknown';
		return this.clock() < issued.expiresAt ? 'valid' : 'expired';
	}

	subjectOf(token: string): string | undefined {
		return this.tokens.get(token)?.subject;
	}

	expireAll(): void {
		for (const issued of this.tokens.values()) issued.expiresAt = Number.NEGATIVE_INFINITY;
	}

	revoke(token: string): void {
		this.tokens.delete(token);
	}
}

function unsignedJwt(subject: string | undefined, now: number, expiresAt: number): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const header = part({ alg: 'RS256', typ: 'JWT', kid: 'simulator' });
	const claims = part({
		sub: subject ?? 'anonymous',
		iat: Math.floor(now / 1000),
		exp: Math.floor(expiresAt / 1000),
		jti: randomUUID(),
	});
	// The signature is random bytes: nothing verifies it, and it keeps the token unguessable.
	return `${header}.${claims}.${randomBytes(32).toString('base64url')}`;
}
