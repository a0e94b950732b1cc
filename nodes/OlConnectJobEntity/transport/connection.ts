import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const OLC_CREDENTIAL = 'olConnectApi';

/** How the credential authenticates: a session token from a login, Basic on every call, or nothing. */
export type AuthMode = 'login' | 'basic' | 'none';

export const REST_PATH = '/rest/serverengine';

/**
 * `http://host:9340` to `http://host:9340/rest/serverengine`. People paste the address with or
 * without the REST path and with trailing slashes; all of those mean the same server.
 */
export function restRoot(serverUrl: unknown): string {
	const trimmed = String(serverUrl ?? '').trim().replace(/\/+$/, '');
	const origin = trimmed.endsWith(REST_PATH) ? trimmed.slice(0, -REST_PATH.length) : trimmed;
	return `${origin}${REST_PATH}`;
}

export function authModeOf(credentials: ICredentialDataDecryptedObject): AuthMode {
	const mode = credentials.authentication;
	return mode === 'basic' || mode === 'none' ? mode : 'login';
}

export function basicHeader(credentials: ICredentialDataDecryptedObject): string {
	return `Basic ${Buffer.from(`${String(credentials.username ?? '')}:${String(credentials.password ?? '')}`).toString('base64')}`;
}
