import type { ICredentialDataDecryptedObject, INodePropertyOptions } from 'n8n-workflow';

export const CUSTOM_ENVIRONMENT = 'custom';

/** Rightsline's documented hosts (`https://{base_url}/v4/{endpoint}`); the option value is the origin. */
export const ENVIRONMENTS: INodePropertyOptions[] = [
	{ name: 'Production (US)', value: 'https://ris.rightsline.com' },
	{ name: 'Production (EU)', value: 'https://api.rightsline.eu' },
	{ name: 'Integration (US)', value: 'https://ris-int.rightsline.com' },
	{ name: 'Staging (US)', value: 'https://ris-staging.rightsline.com' },
	{ name: 'Staging (EU)', value: 'https://api-staging.rightsline.eu' },
	{ name: 'Production Mirror (US)', value: 'https://ris-pm.rightsline.com' },
	{ name: 'Custom URL', value: CUSTOM_ENVIRONMENT },
];

/** The origin requests go to, without a trailing slash and without /v4. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? ENVIRONMENTS[0].value);
	const url = environment === CUSTOM_ENVIRONMENT ? String(credentials.customUrl ?? '') : environment;
	return url.replace(/\/+$/, '').replace(/\/v4$/, '');
}
