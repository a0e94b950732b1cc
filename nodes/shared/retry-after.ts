/**
 * Parses an HTTP `Retry-After` value (RFC 9110 §10.2.3) into milliseconds from `now`.
 *
 * Both forms occur in the wild: delay-seconds ("2", and some gateways send "1.5") and an HTTP-date
 * ("Wed, 21 Oct 2026 07:28:00 GMT"). A date in the past means "now", not "never".
 * Anything unreadable gives `undefined`, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) {
		const ms = Math.round(Number(trimmed) * 1000);
		return Number.isSafeInteger(ms) ? ms : undefined;
	}
	// Date.parse accepts bare numbers and odd fragments; an HTTP-date always names a month or weekday.
	if (!/[a-z]{3}/i.test(trimmed)) return undefined;
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
