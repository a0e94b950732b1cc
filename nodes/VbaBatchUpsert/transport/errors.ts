/** VBAPI's answers in words a person filling in the credential or fixing a record can act on. */

/** The body of a VBAPI answer (login or batch): data, or an RFC 7807-like error. */
export interface VbaEnvelope<T> {
	data?: T | null;
	error?: { title?: string | null; detail?: string | null; status?: number } | null;
}

/** What a person must do when VBAPI answers the login with a challenge instead of tokens. */
const challengeAdvice: Record<string, string> = {
	NEW_PASSWORD_REQUIRED:
		'VBAPI requires a new password for this user before it will issue tokens. Sign in to VBA once and set a permanent password (or have an administrator reset it), then update the password in this credential.',
	SOFTWARE_TOKEN_MFA:
		'This VBA user has multi-factor authentication enabled, which an unattended workflow cannot answer. Use a VBA user set up for API access without MFA.',
	SMS_MFA:
		'This VBA user has SMS multi-factor authentication enabled, which an unattended workflow cannot answer. Use a VBA user set up for API access without MFA.',
	MFA_SETUP:
		'VBAPI asks this user to set up multi-factor authentication. Use a VBA user set up for API access without MFA.',
};

export function challengeMessage(challenge: string): string {
	return (
		challengeAdvice[challenge] ??
		`VBAPI answered the login with the challenge "${challenge}", which an unattended workflow cannot complete. Use a VBA user set up for API access.`
	);
}

export function envelopeDetail(body: unknown): string | undefined {
	const error = typeof body === 'object' && body !== null ? (body as VbaEnvelope<unknown>).error : undefined;
	return error?.detail || error?.title || undefined;
}

/**
 * The login's answer in words, and whether it is a refusal: the same credential would be refused
 * again (wrong password, unknown client, key or database), so the run must not log in again. A 429,
 * a 5xx or a network failure says nothing about the credential.
 */
export function loginFailure(status: number | undefined, detail: string | undefined, networkMessage?: string): { message: string; refused: boolean } {
	const suffix = detail ? ` (${detail})` : '';
	switch (status) {
		case undefined:
			return { message: `Could not reach VBAPI to log in: ${networkMessage ?? 'network error'}`, refused: false };
		case 400:
			return { message: `VBAPI refused the login request: check the client ID, client code and database${suffix}`, refused: true };
		case 401:
			return { message: `VBAPI rejected the login: check the username and password${suffix}`, refused: true };
		case 403:
			return { message: `VBAPI refused the login: check the API key, client ID, client code and database${suffix}`, refused: true };
		case 429:
			return { message: `VBAPI is rate-limiting logins; wait a minute and try again${suffix}`, refused: false };
		default:
			return { message: `VBAPI login failed with status ${status}${suffix}`, refused: false };
	}
}

/** A record the 207 answer marks as not saved. */
export function recordRefusedMessage(status: number, vendorMessage: string): string {
	return `VBAPI did not save this record (status ${status}): ${vendorMessage || 'no message'}`;
}
