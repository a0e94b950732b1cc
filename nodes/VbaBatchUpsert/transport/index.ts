import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { jsonBodyOptions } from '../../shared';

export const VBA_CREDENTIAL = 'vbaSoftwareApi';

export interface VbaConnection {
	baseUrl: string;
	timeoutMs: number;
}

export async function vbaConnection(context: IExecuteFunctions, timeoutMs: number): Promise<VbaConnection> {
	const credentials = await context.getCredentials<{ baseUrl: string }>(VBA_CREDENTIAL);
	return { baseUrl: String(credentials.baseUrl).replace(/\/+$/, ''), timeoutMs };
}

/** One `PUT …-batch`; the credential adds the bearer, API key, database and User-Agent headers. */
export async function putBatch(
	context: IExecuteFunctions,
	connection: VbaConnection,
	path: string,
	records: IDataObject[],
): Promise<unknown> {
	return await context.helpers.httpRequestWithAuthentication.call(context, VBA_CREDENTIAL, {
		method: 'PUT',
		url: `${connection.baseUrl}${path}`,
		...jsonBodyOptions(records),
		json: true,
		timeout: connection.timeoutMs,
	});
}
