import { NodeOperationError, type IDataObject, type IExecuteFunctions, type IHttpRequestMethods } from 'n8n-workflow';

import { jsonBodyOptions } from '../../shared/json-body';

export const BIGCHANGE_CREDENTIAL = 'bigChangeApi';

export interface BigChangeConnection {
	baseUrl: string;
	timeoutMs: number;
	/** A pasted bearer token cannot be renewed, which changes what a 401 means. */
	pastedToken: boolean;
}

interface StoredCredential {
	baseUrl?: string;
	customerId?: string | number;
	authentication?: string;
}

/**
 * Reads what the requests need from the credential, and refuses a Customer ID that is not a number
 * before any item is sent (BigChange would answer every request with 400).
 */
export async function bigChangeConnection(context: IExecuteFunctions, timeoutMs: number): Promise<BigChangeConnection> {
	const credentials = await context.getCredentials<StoredCredential>(BIGCHANGE_CREDENTIAL);
	const customerId = String(credentials.customerId ?? '').trim();
	if (!/^\d{1,18}$/.test(customerId)) {
		throw new NodeOperationError(context.getNode(), `The BigChange credential's Customer ID must be a number, got "${customerId}"`, {
			description: 'Enter the numeric customer identifier BigChange gave you; it is sent as the Customer-Id header.',
		});
	}
	return {
		baseUrl: String(credentials.baseUrl || 'https://api.bigchange.com').trim().replace(/\/+$/, ''),
		timeoutMs,
		pastedToken: credentials.authentication === 'bearerToken',
	};
}

export interface JobRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
}

/** One call to the REST API; the credential adds the bearer token and the Customer-Id header. */
export async function bigChangeRequest<T>(context: IExecuteFunctions, connection: BigChangeConnection, request: JobRequest): Promise<T> {
	return (await context.helpers.httpRequestWithAuthentication.call(context, BIGCHANGE_CREDENTIAL, {
		method: request.method,
		url: `${connection.baseUrl}${request.path}`,
		qs: request.qs,
		json: true,
		headers: { Accept: 'application/json' },
		timeout: connection.timeoutMs,
		...(request.body === undefined ? {} : jsonBodyOptions(request.body)),
	})) as T;
}

export const jobPath = (jobId: number): string => `/v1/jobs/${jobId}`;
