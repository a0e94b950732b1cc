import { TokenStore } from './index';

describe('TokenStore', () => {
	let now = 1_000_000;
	const clock = () => now;

	beforeEach(() => {
		now = 1_000_000;
	});

	it('issues distinct random tokens that check as valid and carry their subject', () => {
		const store = new TokenStore(clock);
		const a = store.issue('alice');
		const b = store.issue();
		expect(a).not.toBe(b);
		expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(store.check(a)).toBe('valid');
		expect(store.subjectOf(a)).toBe('alice');
		expect(store.subjectOf(b)).toBeUndefined();
		expect(store.issuedCount).toBe(2);
	});

	it('treats unknown and missing tokens as unknown', () => {
		const store = new TokenStore(clock);
		store.issue();
		expect(store.check('forged')).toBe('unknown');
		expect(store.check(undefined)).toBe('unknown');
		expect(store.subjectOf('forged')).toBeUndefined();
	});

	it('expires tokens after the default TTL or the one given at issue', () => {
		const store = new TokenStore(clock);
		expect(store.ttlMs).toBe(3_600_000);
		const long = store.issue('x');
		const short = store.issue('y', 1_000);
		now += 999;
		expect(store.check(short)).toBe('valid');
		now += 1;
		expect(store.check(short)).toBe('expired');
		expect(store.check(long)).toBe('valid');
		now += 3_600_000;
		expect(store.check(long)).toBe('expired');
	});

	it('expireAll makes every token issued so far expired, but not the ones issued after', () => {
		const store = new TokenStore(clock);
		const before = [store.issue(), store.issue()];
		store.expireAll();
		expect(before.map((t) => store.check(t))).toEqual(['expired', 'expired']);
		const after = store.issue();
		expect(store.check(after)).toBe('valid');
	});

	it('revoke forgets a token', () => {
		const store = new TokenStore(clock);
		const token = store.issue();
		store.revoke(token);
		expect(store.check(token)).toBe('unknown');
	});

	it('issues JWT-shaped tokens with sub/iat/exp claims when asked', () => {
		const store = new TokenStore(clock);
		store.format = 'jwt';
		const token = store.issue('bob', 60_000);
		const parts = token.split('.');
		expect(parts).toHaveLength(3);
		const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
		expect(claims).toMatchObject({ sub: 'bob', iat: 1_000, exp: 1_060 });
		expect(store.check(token)).toBe('valid');
	});
});
