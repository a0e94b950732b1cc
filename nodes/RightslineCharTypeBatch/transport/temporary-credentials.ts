import { UserError, type ICredentialDataDecryptedObject, type IHttpRequestHelper } from 'n8n-workflow';

import { CredentialRefused } from '../../shared/credential-refused';
import { baseUrlOf } from './environments';

/** What n8n stores in the credential's hidden properties; all four are saved together. */
export interface TemporaryCredentialFields {
	sessionToken: string;
	tempAccessKey: string;
	tempSecretKey: string;
	tempExpiration: string;
	[key: string]: string;
}

interface TemporaryCredentialsAnswer {
	accessKey?: string;
	secretKey?: string;
	sessionToken?: string;
	expiration?: string;
}

interface HttpFailure {
	message?: string;
	code?: string;
	response?: { status?: number; data?: unknown };
	cause?: { code?: string; response?: { status?: number; data?: unknown } };
}

function failureMessage(error: HttpFailure, url: string): string {
	const response = error.response ?? error.cause?.response;
	switch (response?.status) {
		case 401:
			return 'Rightsline rejected the access key or secret key: check both in the credential (they belong to the API user, not to the company API key)';
		case 403:
			return `Rightsline refused the request for temporary credentials: check the API key and that the environment (${url}) is the one the keys were issued for`;
		case 429:
			return 'Rightsline allows 300 temporary-credential requests a minute per IP address and this one was refused; wait a minute and try again';
		case undefined:
			return `Could not reach Rightsline at ${url} to get temporary credentials: ${error.cause?.code ?? error.code ?? error.message ?? 'network error'}`;
		default:
			return `Rightsline answered the temporary-credential request with status ${response?.status}`;
	}
}

/**
 * `POST /v4/auth/temporary-credentials`: the user's long-lived keys buy one hour of STS
 * credentials, which then sign every other request.
 */
export async function requestTemporaryCredentials(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<TemporaryCredentialFields> {
	const base = baseUrlOf(credentials);
	const url = `${base}/v4/auth/temporary-credentials`;
	const answer = await helper.helpers
		.httpRequest({
			method: 'POST',
			url,
			headers: { 'x-api-key': String(credentials.apiKey ?? ''), 'Content-Type': 'application/json', Accept: 'application/json' },
			body: { accessKey: String(credentials.accessKey ?? ''), secretKey: String(credentials.secretKey ?? '') },
			json: true,
		})
		.then(
			(body: TemporaryCredentialsAnswer) => ({ body }),
			// preAuthentication has no node to attach an error to; the failure is reported below in
			// words the person filling in the credential can act on, never with the keys it sent.
			(failure: HttpFailure) => ({ failure }),
		);
	if ('failure' in answer) {
		const status = (answer.failure.response ?? answer.failure.cause?.response)?.status;
		// A refused exchange (wrong API key, access key or secret key) is refused again on every
		// request: as CredentialRefused it stops the run after this one request instead of once per batch.
		if (status === 401 || status === 403) throw new CredentialRefused(failureMessage(answer.failure, base));
		throw new UserError(failureMessage(answer.failure, base));
	}
	const { accessKey, secretKey, sessionToken, expiration } = answer.body ?? {};
	if (!accessKey || !secretKey || !sessionToken) {
		throw new UserError('Rightsline answered the temporary-credential request without accessKey, secretKey and sessionToken');
	}
	return { sessionToken, tempAccessKey: accessKey, tempSecretKey: secretKey, tempExpiration: expiration ?? '' };
}
