import { scrubText, scrubValue } from '../../nodes/shared';
import { isSecretName } from '../../nodes/shared/scrub';

describe('scrubText', () => {
	it.each([
		['Authorization: Bearer abc.def-123456', 'abc.def-123456'],
		['authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
		['x-api-key: KEY-abcdef123', 'KEY-abcdef123'],
		['"x-api-key":"KEY-abcdef123"', 'KEY-abcdef123'],
		['auth_token=3f9a8b7c6d', '3f9a8b7c6d'],
		['?api_key=abc123&x=1', 'abc123'],
		['{"password":"hunter2","user":"ann"}', 'hunter2'],
		['{"secretKey": "wJalrXUtnFEMI/K7MDENG"}', 'wJalrXUtnFEMI'],
		['{"sessionToken":"FwoGZXIvYXdzEJr"}', 'FwoGZXIvYXdzEJr'],
		['x-amz-security-token: FwoGZXIvYXdzEJr', 'FwoGZXIvYXdzEJr'],
		['AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-west-2/execute-api/aws4_request, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024', 'AKIAEXAMPLE'],
		['id token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl expired', 'eyJhbGciOiJIUzI1NiJ9'],
		['"client_secret":"s3cr3t-value"', 's3cr3t-value'],
		['refresh-token: r-123456789', 'r-123456789'],
	])('removes the secret from %p', (text, secret) => {
		const scrubbed = scrubText(text);
		expect(scrubbed).not.toContain(secret);
		expect(scrubbed).toContain('[redacted]');
	});

	it('leaves ordinary prose alone', () => {
		const prose = 'Use bearer tokens or basic authentication; the token expired and the password policy changed.';
		expect(scrubText(prose)).toBe(prose);
	});

	it('redacts exact known secrets of a credible length only', () => {
		expect(scrubText('key abcdef123 and ab', ['abcdef123', 'ab'])).toBe('key [redacted] and ab');
	});
});

describe('scrubValue', () => {
	it('replaces secret-named fields at any depth and scrubs strings, without touching the input', () => {
		const input = {
			headers: { Authorization: 'Bearer x', 'X-API-Key': 'k', accept: 'json' },
			list: [{ password: 'p' }, 'Basic dXNlcjpwYXNzd29yZA=='],
			count: 3,
		};
		expect(scrubValue(input)).toEqual({
			headers: { Authorization: '[redacted]', 'X-API-Key': '[redacted]', accept: 'json' },
			list: [{ password: '[redacted]' }, 'Basic [redacted]'],
			count: 3,
		});
		expect(input.headers.Authorization).toBe('Bearer x');
	});

	it('knows the credential field names of the four vendors', () => {
		for (const name of ['x-api-key', 'Authorization', 'auth_token', 'sessionToken', 'secretKey', 'accessKey', 'idToken', 'refreshToken', 'access_token', 'client_secret']) {
			expect(isSecretName(name)).toBe(true);
		}
		expect(isSecretName('orderNumber')).toBe(false);
	});
});
