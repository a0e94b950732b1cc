import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT, ENVIRONMENTS } from '../nodes/RightslineCharTypeBatch/transport/environments';
import { DEFAULT_REGION, signRightslineRequest } from '../nodes/RightslineCharTypeBatch/transport/sign';
import { requestTemporaryCredentials } from '../nodes/RightslineCharTypeBatch/transport/temporary-credentials';

export class RightslineApi implements ICredentialType {
	name = 'rightslineApi';

	displayName = 'Rightsline API';

	icon: Icon = { light: 'file:rightsline.svg', dark: 'file:rightsline.dark.svg' };

	documentationUrl = 'https://api-docs.rightsline.com/authentication/requesting-temporary-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: ENVIRONMENTS,
			default: ENVIRONMENTS[0].value,
			description: 'The Rightsline environment your API key and access keys were issued for',
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: 'https://ris.rightsline.com',
			description: 'Scheme and host of the API, without /v4',
			displayOptions: { show: { environment: [CUSTOM_ENVIRONMENT] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your company’s API key, sent as x-api-key. Each Rightsline environment has its own.',
		},
		// The key's ID, paired with the Secret Key below: not a secret itself (n8n's scanner asks for it in clear).
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			default: '',
			required: true,
			description: 'The API user’s access key (Rightsline: Admin → API users)',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API user’s secret key',
		},
		{
			displayName: 'Signing Region',
			name: 'region',
			type: 'string',
			default: DEFAULT_REGION,
			description: 'AWS region of the request signature. Rightsline’s v4 samples sign with us-west-2; change it only if Rightsline tells you to.',
		},
		// Temporary credentials (one hour). n8n stores what preAuthentication returns when it carries an
		// expirable property, and asks again when it is empty or a request answered 401/403.
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Temporary Access Key',
			name: 'tempAccessKey',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
		{
			displayName: 'Temporary Secret Key',
			name: 'tempSecretKey',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Temporary Credentials Expire',
			name: 'tempExpiration',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await requestTemporaryCredentials(this, credentials);
	}

	/** SigV4 covers the URL, body and headers, so it is computed per request rather than templated. */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return signRightslineRequest(credentials, requestOptions);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.environment === "${CUSTOM_ENVIRONMENT}" ? $credentials.customUrl.replace(/\\/+$/, "") : $credentials.environment }}`,
			url: '/v4/limits',
		},
	};
}
