import { UserError, type ICredentialDataDecryptedObject, type IHttpRequestHelper } from 'n8n-workflow';

import { CredentialRefused, inspectFailure, readErrorBody, scrubText, withRetry } from '../../shared';

export const DEFAULT_TOKEN_URL = 'https://api.bigchange.com/auth/tokens';

interface TokenAnswer {
	access_token?: string | null;
	expires_in?: number;
}

/**
 * Asks BigChange's token endpoint for an access token with the OAuth2 client-credentials grant
 * (form-encoded, as documented). n8n keeps the token and asks again only after a 401.
 */
export async function fetchAccessToken(context: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const url = String(credentials.tokenUrl || DEFAULT_TOKEN_URL).trim();
	const secret = String(credentials.clientSecret ?? '');
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: String(credentials.clientId ?? ''),
		client_secret: secret,
	});
	// Asking for a token twice is harmless, so a busy or briefly unavailable endpoint is asked again.
	const answer = await withRetry(
		async () =>
			(await context.helpers.httpRequest({
				method: 'POST',
				url,
				body: form.toString(),
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				json: true,
			})) as TokenAnswer,
		{ idempotent: true },
	).then(
			(body: TokenAnswer) => ({ body }),
			// preAuthentication has no node to attach an error to, so the failure is kept as a value
			// and reported below in words the person filling in the credential can act on.
			(failure: unknown) => ({ failure }),
		);
	if ('failure' in answer) {
		const message = scrubText(tokenFailureMessage(answer.failure, url), [secret]);
		throw refusesEveryTime(answer.failure) ? new CredentialRefused(message) : new UserError(message);
	}
	const token = answer.body?.access_token;
	if (typeof token !== 'string' || token === '') {
		throw new CredentialRefused(`BigChange's token endpoint (${url}) answered without an access_token: check the Token URL`);
	}
	return token;
}

/**
 * A refused client (400/401 invalid_client), a Token URL with no token endpoint behind it (404/405)
 * or an incomplete request (422) would be answered the same for every item: as CredentialRefused
 * the run stops after this one token request instead of asking once per item (and BigChange counts
 * failed logins). A busy endpoint or a network failure may pass, so those stay ordinary errors.
 */
function refusesEveryTime(error: unknown): boolean {
	const { status } = inspectFailure(error);
	return status === 400 || status === 401 || status === 404 || status === 405 || status === 422;
}

function tokenFailureMessage(error: unknown, url: string): string {
	const failure = inspectFailure(error);
	const said = readErrorBody(failure.body, { status: failure.status, contentType: failure.headers['content-type'] })?.message;
	const suffix = said ? ` (BigChange said: ${said})` : '';
	switch (failure.status) {
		case undefined:
			return `Could not reach BigChange's token endpoint ${url}: ${failure.code ?? 'network error'}; check the Token URL`;
		case 400:
		case 401:
			return `BigChange refused the client ID or client secret; check both in the credential (Developer Portal → API Key Management)${suffix}`;
		case 404:
		case 405:
			return `There is no token endpoint at ${url} (status ${failure.status}): check the Token URL`;
		case 422:
			return `BigChange's token endpoint rejected the request as incomplete${suffix}`;
		default:
			return `BigChange's token endpoint failed with status ${failure.status}${suffix}; try again later`;
	}
}
