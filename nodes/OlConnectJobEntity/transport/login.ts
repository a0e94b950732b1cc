import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { CredentialRefused } from '../../shared/credential-refused';
import { readErrorBody } from '../../shared/error-body';
import { explainNetworkCode } from '../../shared/explanations';
import { inspectFailure } from '../../shared/failure';
import { scrubText } from '../../shared/scrub';
import { basicHeader, restRoot } from './connection';

/**
 * A failed login. Every request of the run would log in the same way and fail the same way, so it
 * is a CredentialRefused: the shared stop rule (RunStop) then sends nothing more after the first,
 * and no further login is tried (a server may lock an account after a few wrong passwords).
 */
export class OlcLoginError extends CredentialRefused {}

function failureMessage(error: unknown, credentials: ICredentialDataDecryptedObject, url: string): string {
	const failure = inspectFailure(error);
	const said = failure.status === undefined ? undefined : readErrorBody(failure.body, { status: failure.status })?.message;
	const suffix = said ? ` (the server said: ${said})` : '';
	const user = String(credentials.username ?? '');
	switch (failure.status) {
		case 401:
		case 403:
			return `OL Connect refused the login of user "${user}": check the user name and password${suffix}`;
		case 404:
		case 405:
			return `There is no OL Connect login at ${url}: check the Server URL (the Connect Server's REST address, port 9340 unless changed)${suffix}`;
		case undefined:
			return `Could not reach OL Connect to log in: ${failure.code ? explainNetworkCode(failure.code) : 'network error'}`;
		default:
			return `OL Connect login failed with status ${failure.status}${suffix}`;
	}
}

/**
 * POST /authentication/login with Basic credentials; the answer is the session token as plain
 * text. Read as text so a token that happens to look like a number or JSON stays what it is.
 */
export async function logInToOlConnect(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const url = `${restRoot(credentials.serverUrl)}/authentication/login`;
	const secrets = [String(credentials.password ?? '')];
	const answer = await helper.helpers
		.httpRequest({
			method: 'POST',
			url,
			headers: { Authorization: basicHeader(credentials), Accept: 'text/plain' },
			encoding: 'text',
			skipSslCertificateValidation: credentials.allowSelfSigned === true,
			timeout: 30_000,
		})
		.then(
			(body: unknown) => ({ body }),
			// preAuthentication has no node to attach an error to; the words are for the person fixing the credential.
			(failure: unknown) => ({ failure }),
		);
	if ('failure' in answer) throw new OlcLoginError(scrubText(failureMessage(answer.failure, credentials, url), secrets));
	const token = typeof answer.body === 'string' ? answer.body.trim() : '';
	if (token === '' || /\s/.test(token) || token.startsWith('<')) {
		throw new OlcLoginError(`OL Connect answered the login at ${url} without a session token: check the Server URL`);
	}
	return token;
}
