import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { loginToVba } from '../nodes/VbaBatchUpsert/transport/login';

export class VbaSoftwareApi implements ICredentialType {
	name = 'vbaSoftwareApi';

	displayName = 'VBA Software API';

	icon: Icon = { light: 'file:vba.svg', dark: 'file:vba.dark.svg' };

	documentationUrl = 'https://vbapi-docs.vbasoftware.com/developer-portal/getting-started';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://vbapi.vbasoftware.com/vbasoftware',
			description:
				'VBAPI address including the /vbasoftware path. Your API key decides whether requests run in test or production.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The x-api-key VBA Software issued for your organisation',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Sent as the vbasoftware-client-ID header when logging in',
		},
		{
			displayName: 'Client Code',
			name: 'clientCode',
			type: 'string',
			default: '',
			required: true,
			description: 'Sent as the vbasoftware-client-code header when logging in',
		},
		{
			displayName: 'Database',
			name: 'database',
			type: 'string',
			default: '',
			required: true,
			description: 'Sent as the vbasoftware-database header on every request',
		},
		{
			displayName: 'User-Agent',
			name: 'userAgent',
			type: 'string',
			default: 'n8n-nodes-batch-jobs/0.1.0 (n8n)',
			description: 'VBAPI refuses requests without a User-Agent (403); this names the app calling it',
		},
		{
			displayName: 'ID Token',
			name: 'idToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	// The ID token lives 24 hours; n8n stores it and calls this again only when it is empty or a
	// request answered 401.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { idToken: await loginToVba(this, credentials) };
	}

	// A function rather than `generic` expressions: a 100,000-record run sends a thousand batches, and
	// resolving four header expressions per request through n8n's expression engine costs more than
	// building the JSON body.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// Object.assign, not spread: on Node 20 it is the cheaper copy, and this runs on every request.
		requestOptions.headers = Object.assign({}, requestOptions.headers, {
			Authorization: `Bearer ${String(credentials.idToken)}`,
			'x-api-key': String(credentials.apiKey),
			'vbasoftware-database': String(credentials.database),
			'User-Agent': String(credentials.userAgent || 'n8n-nodes-batch-jobs'),
		});
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/jobs',
			qs: { page: 1, pageSize: 1 },
		},
	};
}
