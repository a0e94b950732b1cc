import type { IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { jsonBodyOptions } from '../../shared/json-body';
import { authModeOf, OLC_CREDENTIAL, restRoot, type AuthMode } from './connection';
import type { NameValue } from '../helpers/name-value';

export { OLC_CREDENTIAL, type AuthMode } from './connection';

export interface OlcConnection {
	/** `<server>/rest/serverengine`, no trailing slash. */
	restUrl: string;
	authMode: AuthMode;
	timeoutMs: number;
	/** Exact values to redact from anything shown: the password and the session token. */
	secrets: string[];
	/**
	 * Statuses after which n8n logs in again and repeats the call once. Before 2023.1 a token the
	 * server no longer knows (it restarted) gets 403, not 401; without the 403 a stored token would
	 * fail every run until someone edited the credential. Basic and no-auth have nothing to renew.
	 */
	renewOn: number[];
	/**
	 * No request of this run can start a login (a session token is stored, or no authentication
	 * is used), so several may go at once from the start. Basic auth still sends one first: a wrong
	 * password then fails one request, not one per lane.
	 */
	noLoginAhead: boolean;
}

export async function olcConnection(context: IExecuteFunctions, timeoutMs: number): Promise<OlcConnection> {
	const credentials = await context.getCredentials(OLC_CREDENTIAL);
	const authMode = authModeOf(credentials);
	return {
		restUrl: restRoot(credentials.serverUrl),
		authMode,
		timeoutMs,
		secrets: [credentials.password, credentials.sessionToken].filter((value): value is string => typeof value === 'string' && value !== ''),
		renewOn: authMode === 'login' ? [401, 403] : [],
		noLoginAhead: authMode === 'none' || (authMode === 'login' && typeof credentials.sessionToken === 'string' && credentials.sessionToken !== ''),
	};
}

async function send(
	context: IExecuteFunctions,
	connection: OlcConnection,
	method: IHttpRequestMethods,
	path: string,
	accept: string,
	body?: object,
): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method,
		url: `${connection.restUrl}${path}`,
		headers: { Accept: accept },
		timeout: connection.timeoutMs,
		...(body === undefined ? {} : jsonBodyOptions(body, accept)),
	};
	return await context.helpers.httpRequestWithAuthentication.call(context, OLC_CREDENTIAL, options, {
		preAuthenticationRetryStatusCode: connection.renewOn,
	});
}

const jobPath = (jobId: number, tail = '') => `/entity/jobs/${jobId}${tail}`;

export type ListKind = 'metadata' | 'properties';

/** GET /entity/jobs/{jobId}/contents → `{ identifiers: [{ item, record }] }`. */
export async function getContentItems(context: IExecuteFunctions, connection: OlcConnection, jobId: number): Promise<unknown> {
	return await send(context, connection, 'GET', jobPath(jobId, '/contents'), 'application/json');
}

/** GET /entity/jobs/{jobId} → `{ identifiers: [segmentId] }`. */
export async function getJobSegments(context: IExecuteFunctions, connection: OlcConnection, jobId: number): Promise<unknown> {
	return await send(context, connection, 'GET', jobPath(jobId), 'application/json');
}

/** GET /entity/jobs/{jobId}/metadata or /properties → `[{ name, value }]`. */
export async function getList(context: IExecuteFunctions, connection: OlcConnection, kind: ListKind, jobId: number): Promise<unknown> {
	return await send(context, connection, 'GET', jobPath(jobId, `/${kind}`), 'application/json');
}

/**
 * PUT /entity/jobs/{jobId}/metadata or /properties: replaces the whole list. The body's `id` is the
 * path's job ID by construction (the server answers 500 when they differ). The success answer is
 * `true` as text/plain, so the request must accept text/plain or the server answers 406.
 */
export async function putList(
	context: IExecuteFunctions,
	connection: OlcConnection,
	kind: ListKind,
	jobId: number,
	list: NameValue[],
): Promise<unknown> {
	return await send(context, connection, 'PUT', jobPath(jobId, `/${kind}`), 'text/plain, application/json', { id: jobId, properties: list });
}

/** PUT /entity/jobs/properties with one Name/Value List per job; 200 with no content. */
export async function putManyProperties(
	context: IExecuteFunctions,
	connection: OlcConnection,
	jobs: Array<{ id: number; properties: NameValue[] }>,
): Promise<unknown> {
	return await send(context, connection, 'PUT', '/entity/jobs/properties', '*/*', jobs);
}
