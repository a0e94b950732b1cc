import { UserError, type ICredentialDataDecryptedObject, type IHttpRequestHelper } from 'n8n-workflow';

import { CredentialRefused } from '../../shared/credential-refused';
import { challengeMessage, envelopeDetail, loginFailure, type VbaEnvelope } from './errors';

type LoginEnvelope = VbaEnvelope<{
	challengeName?: string | null;
	authenticationResult?: { idToken?: string | null; expiresIn?: number } | null;
}>;

interface HttpFailure {
	message?: string;
	code?: string;
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
	cause?: { code?: string; response?: { status?: number; data?: unknown; headers?: Record<string, unknown> } };
}

/**
 * A login that failed for a reason other than the credential (a 429, a 5xx, the network). It keeps
 * the status or network code, without the request (whose headers hold the password), so the run's
 * retry and stop rules can read it: a 429 is tried again, an unreachable host stops the run.
 */
class LoginFailed extends UserError {
	readonly httpCode?: string;
	readonly code?: string;
	readonly response?: { status: number; headers: Record<string, unknown> };

	constructor(message: string, status: number | undefined, code: string | undefined, headers: Record<string, unknown> = {}) {
		super(message);
		this.name = 'LoginFailed';
		if (status !== undefined) {
			this.httpCode = String(status);
			this.response = { status, headers };
		}
		if (code !== undefined) this.code = code;
	}
}

function trimSlash(url: string): string {
	return url.replace(/\/+$/, '');
}

/** Logs in with POST /user-authentication and returns the ID token VBAPI wants as the bearer. */
export async function loginToVba(context: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
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
			(envelope: LoginEnvelope) => ({ envelope }),
			// preAuthentication has no node to attach an error to, so the failure is kept as a value
			// and reported below in words the person filling in the credential can act on.
			(failure: HttpFailure) => ({ failure }),
		);
	if ('failure' in answer) throw loginError(answer.failure);
	const { envelope } = answer;

	// A challenge comes back the same on every login: the run must not try again (CredentialRefused).
	const challenge = envelope?.data?.challengeName;
	if (challenge) throw new CredentialRefused(challengeMessage(challenge));
	const idToken = envelope?.data?.authenticationResult?.idToken;
	if (!idToken) {
		const detail = envelopeDetail(envelope);
		throw new UserError(`VBAPI login returned no ID token${detail ? `: ${detail}` : ''}`);
	}
	return idToken;
}

function loginError(failure: HttpFailure): Error {
	const response = failure.response ?? failure.cause?.response;
	const status = response?.status;
	const { message, refused } = loginFailure(status, envelopeDetail(response?.data), failure.message);
	if (refused) return new CredentialRefused(message);
	return new LoginFailed(message, status, status === undefined ? (failure.code ?? failure.cause?.code) : undefined, response?.headers);
}
