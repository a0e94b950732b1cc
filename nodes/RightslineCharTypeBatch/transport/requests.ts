import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inspectFailure } from '../../shared/failure';
import type { BatchAnswer } from '../helpers/results';
import { baseUrlOf } from './environments';

export const RIGHTSLINE_CREDENTIAL = 'rightslineApi';

export interface RightslineConnection {
	baseUrl: string;
	timeoutMs: number;
}

export async function rightslineConnection(context: IExecuteFunctions, timeoutMs: number): Promise<RightslineConnection> {
	const credentials = await context.getCredentials(RIGHTSLINE_CREDENTIAL);
	return { baseUrl: baseUrlOf(credentials), timeoutMs };
}

/**
 * API Gateway answers a request signed with expired temporary credentials with 403, not 401, so
 * both make n8n fetch new ones (preAuthentication) and send the request once more. Both mean the
 * request was refused before Rightsline acted on it, so even a batch creation is safe to resend.
 */
async function send<T>(context: IExecuteFunctions, connection: RightslineConnection, options: IHttpRequestOptions): Promise<T> {
	return (await context.helpers.httpRequestWithAuthentication.call(
		context,
		RIGHTSLINE_CREDENTIAL,
		{ ...options, url: `${connection.baseUrl}${options.url}`, json: true, timeout: connection.timeoutMs },
		{ preAuthenticationRetryStatusCode: [401, 403] },
	)) as T;
}

export interface CreatedBatch {
	batchId: number;
	batchStatus?: string;
}

/** The documented 429 for an 11th unfinished batch, told apart from throttling by its message. */
export function isQueueFull(error: unknown): boolean {
	const failure = inspectFailure(error);
	if (failure.status !== 429) return false;
	const body = failure.body;
	const message = typeof body === 'string' ? body : typeof body === 'object' && body !== null ? String((body as IDataObject).message ?? '') : '';
	return /too many batches/i.test(message);
}

/** `POST /v4/batch`; `'queue-full'` when the client already has its 10 batches queued or running. */
export async function createBatch(context: IExecuteFunctions, connection: RightslineConnection, body: IDataObject): Promise<CreatedBatch | 'queue-full'> {
	// The failure is passed on as n8n raised it (a NodeApiError), so retries can still read its status.
	return await send<CreatedBatch>(context, connection, { method: 'POST', url: '/v4/batch', body }).catch(async (error: unknown) =>
		isQueueFull(error) ? ('queue-full' as const) : await Promise.reject(error),
	);
}

export async function getBatch(context: IExecuteFunctions, connection: RightslineConnection, batchId: number | string): Promise<BatchAnswer> {
	return await send<BatchAnswer>(context, connection, { method: 'GET', url: `/v4/batch/${encodeURIComponent(String(batchId))}` });
}

export async function getLimits(context: IExecuteFunctions, connection: RightslineConnection): Promise<IDataObject> {
	return await send<IDataObject>(context, connection, { method: 'GET', url: '/v4/limits' });
}
