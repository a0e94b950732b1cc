/**
 * Removes credentials from text and values before they reach an error message, an output item or a
 * log. Servers echo request headers in error pages and debug fields more often than one would hope.
 */

const REDACTED = '[redacted]';

/** Header and field names whose values are secrets in any of the four APIs (and the usual others). */
const SECRET_NAMES = [
	'proxy-authorization',
	'authorization',
	'x-amz-security-token',
	'x-api-key',
	'api-key',
	'api_key',
	'apikey',
	'auth_token',
	'auth-token',
	'x-auth-token',
	'access_token',
	'accesstoken',
	'refresh_token',
	'refreshtoken',
	'refresh-token',
	'expired-id-token',
	'id_token',
	'idtoken',
	'sessiontoken',
	'session_token',
	'client_secret',
	'clientsecret',
	'secretkey',
	'secret_key',
	'accesskey',
	'access_key',
	'password',
	'passwd',
	'secret',
	'token',
	'cookie',
	'set-cookie',
];

const SECRET_NAME_SET = new Set(SECRET_NAMES);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `name: value`, `"name":"value"`, `name=value` (headers, JSON, query strings, form bodies). */
const NAMED_VALUE = new RegExp(
	`(["']?)\\b(${SECRET_NAMES.map(escape).join('|')})\\1(\\s*[:=]\\s*)("[^"]*"|'[^']*'|[^\\s,;&}\\]]+)`,
	'gi',
);
/** A credential after an auth scheme; the lookahead spares prose such as "bearer tokens". */
const AUTH_SCHEME = /\b(Bearer|Basic|Digest)\s+(?=[A-Za-z._~+/=-]*[0-9._~+/=])[A-Za-z0-9._~+/=-]{8,}/gi;
const SIGV4 = /AWS4-HMAC-SHA256\s+[^"'\r\n]*/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

export function isSecretName(name: string): boolean {
	return SECRET_NAME_SET.has(name.toLowerCase());
}

/** Redacts credentials in free text; `knownSecrets` are exact values the caller knows are secret. */
export function scrubText(text: string, knownSecrets: readonly string[] = []): string {
	let result = text;
	for (const secret of knownSecrets) {
		// Very short values would redact ordinary words; credentials are never that short.
		if (secret.length >= 6) result = result.split(secret).join(REDACTED);
	}
	return result
		.replace(SIGV4, `AWS4-HMAC-SHA256 ${REDACTED}`)
		.replace(AUTH_SCHEME, `$1 ${REDACTED}`)
		.replace(JWT, REDACTED)
		.replace(NAMED_VALUE, (_match, quote: string, name: string, separator: string, value: string) => {
			const quoted = value.startsWith('"') || value.startsWith("'");
			return `${quote}${name}${quote}${separator}${quoted ? `"${REDACTED}"` : REDACTED}`;
		});
}

/** Deep copy of a JSON-like value with secret-named fields replaced and strings scrubbed. */
export function scrubValue(value: unknown, knownSecrets: readonly string[] = [], depth = 0): unknown {
	if (typeof value === 'string') return scrubText(value, knownSecrets);
	if (typeof value !== 'object' || value === null || depth > 20) return value;
	if (Array.isArray(value)) return value.map((entry) => scrubValue(entry, knownSecrets, depth + 1));
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) {
		copy[key] = isSecretName(key) ? REDACTED : scrubValue(entry, knownSecrets, depth + 1);
	}
	return copy;
}
