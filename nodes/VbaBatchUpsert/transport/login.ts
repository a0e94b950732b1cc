import { UserError, type ICredentialDataDecryptedObject, type IHttpRequestHelper } from 'n8n-workflow';

interface VbaLoginEnvelope {
	data?: {
		challengeName?: string | null;
		authenticationResult?: { idToken?: string | null; expiresIn?: number } | null;
	} | null;
	error?: { title?: string | null; detail?: string | null; status?: number } | null;
}

interface HttpFailure {
	message?: string;
	response?: { status?: number; data?: unknown };
	cause?: { response?: { status?: number; data?: unknown } };
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

function trimSlash(url: string): string {
	return url.replace(/\/+$/, '');
}

/** Logs in with POST /user-authentication and returns the ID token VBAPI wants as the bearer. */
export async function loginToVba(
	context: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const basic = Buffer.from(`${String(credentials.username)}:${String(credentials.password)}`).toString('base64');
	const answer = await context.helpers
		.httpRequest({
			method: 'POST',
			url: `${trimSlash(String(credentials.baseUrl))}/user-authentication`,
			headers: {
				Authorization: `Basic ${basic}`,
				'x-api-key': String(credentials.apiKey),
				'vbasoftware-client-id': String(credentials.clientId),
				'vbasoftware-client-code': String(credentials.clientCode),
				'vbasoftware-database': String(credentials.database),
				'User-Agent': String(credentials.userAgent || 'n8n-nodes-batch-jobs'),
				Accept: 'application/json',
			},
			json: true,
		})
		.then(
			(envelope: VbaLoginEnvelope) => ({ envelope }),
			// preAuthentication has no node to attach an error to, so the failure is kept as a value
			// and reported below in words the person filling in the credential can act on.
			(failure: HttpFailure) => ({ failure }),
		);
	if ('failure' in answer) throw new UserError(loginFailureMessage(answer.failure));
	const { envelope } = answer;

	const challenge = envelope?.data?.challengeName;
	if (challenge) {
		throw new UserError(
			challengeAdvice[challenge] ??
				`VBAPI answered the login with the challenge "${challenge}", which an unattended workflow cannot complete. Use a VBA user set up for API access.`,
		);
	}
	const idToken = envelope?.data?.authenticationResult?.idToken;
	if (!idToken) {
		const detail = envelope?.error?.detail || envelope?.error?.title;
		throw new UserError(`VBAPI login returned no ID token${detail ? `: ${detail}` : ''}`);
	}
	return idToken;
}

function loginFailureMessage(error: HttpFailure): string {
	const response = error.response ?? error.cause?.response;
	const status = response?.status;
	const body = response?.data as VbaLoginEnvelope | string | undefined;
	const detail = typeof body === 'object' && body ? body.error?.detail || body.error?.title : undefined;
	const suffix = detail ? ` (${detail})` : '';
	switch (status) {
		case 401:
			return `VBAPI rejected the login: check the username and password${suffix}`;
		case 403:
			return `VBAPI refused the login: check the API key, client ID, client code and database${suffix}`;
		case 429:
			return `VBAPI is rate-limiting logins; wait a minute and try again${suffix}`;
		case undefined:
			return `Could not reach VBAPI to log in: ${error.message ?? 'network error'}`;
		default:
			return `VBAPI login failed with status ${status}${suffix}`;
	}
}
