import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DEFAULT_TOKEN_URL, fetchAccessToken } from '../nodes/BigChangeJobUpdate/transport/token';

const clientCredentials = { show: { authentication: ['clientCredentials'] } };

export class BigChangeApi implements ICredentialType {
	name = 'bigChangeApi';

	displayName = 'BigChange API';

	icon: Icon = { light: 'file:bigchange.svg', dark: 'file:bigchange.dark.svg' };

	documentationUrl = 'https://documentation.ops.bigchange.com/docs/rest/api-reference';

	properties: INodeProperties[] = [
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '4321',
			description: 'Your numeric BigChange customer identifier, sent as the Customer-Id header on every request',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'clientCredentials',
			options: [
				{
					name: 'OAuth2 Client Credentials',
					value: 'clientCredentials',
					description: 'n8n fetches access tokens itself and renews them when they expire',
				},
				{
					name: 'Bearer Token',
					value: 'bearerToken',
					description: 'Paste an access token obtained elsewhere; when it expires, paste a new one',
				},
			],
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: clientCredentials,
			description: 'From the BigChange Developer Portal, under API Key Management',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: clientCredentials,
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: DEFAULT_TOKEN_URL,
			displayOptions: clientCredentials,
			description: 'Where n8n asks for access tokens (grant type client_credentials)',
		},
		{
			displayName: 'Bearer Token',
			name: 'bearerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['bearerToken'] } },
			description: 'Sent as "Authorization: Bearer …". n8n cannot renew a pasted token.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.bigchange.com',
			description: 'Address of the BigChange REST API, without /v1',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	// n8n calls this when the stored access token is empty or a request answered 401, and keeps the result.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		// A pasted token cannot be renewed; returning nothing leaves the request to fail with a clear 401.
		if (credentials.authentication === 'bearerToken') return {};
		return { accessToken: await fetchAccessToken(this, credentials) };
	}

	// A function rather than `generic` expressions: a run sends one request per item, and resolving
	// header expressions through n8n's expression engine on each of 50,000 requests adds up.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const token = credentials.authentication === 'bearerToken' ? credentials.bearerToken : credentials.accessToken;
		// Object.assign, not spread: on Node 20 it is the cheaper copy, and this runs on every request.
		requestOptions.headers = Object.assign({}, requestOptions.headers, {
			Authorization: `Bearer ${String(token ?? '').trim()}`,
			'Customer-Id': String(credentials.customerId ?? '').trim(),
		});
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/v1/jobs',
			qs: { pageNumber: 1, pageSize: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'BigChange did not accept the access token: check the client ID and secret, or paste a fresh bearer token',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'Signed in, but this API client may not read jobs for this Customer ID: it needs the jobs:read scope and access to the customer',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 400, message: 'BigChange refused the Customer ID: enter the numeric customer identifier' },
			},
		],
	};
}
