import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authModeOf, basicHeader } from '../nodes/OlConnectJobEntity/transport/connection';
import { logInToOlConnect } from '../nodes/OlConnectJobEntity/transport/login';

const withSecrets = { show: { authentication: ['login', 'basic'] } };

export class OlConnectApi implements ICredentialType {
	name = 'olConnectApi';

	displayName = 'OL Connect API';

	icon: Icon = { light: 'file:olconnect.svg', dark: 'file:olconnect.dark.svg' };

	documentationUrl =
		'https://help.uplandsoftware.com/objectiflune/en/olconnect-api/2025.2/Cookbook/REST_API_Reference/Authentication_Service/Authenticate_Login_to_Server.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: 'http://localhost:9340',
			placeholder: 'https://connect.example.local:9340',
			description: 'Address of the OL Connect Server’s REST API: scheme, host and port (9340 unless changed). /rest/serverengine may be left out.',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'login',
			options: [
				{
					name: 'Log In for a Session Token',
					value: 'login',
					description: 'Log in once and send the session token (auth_token) on each call; logs in again when the session expires',
				},
				{
					name: 'Basic Auth on Every Request',
					value: 'basic',
					description: 'Send the user name and password with every call',
				},
				{
					name: 'None (Security Disabled on the Server)',
					value: 'none',
					description: 'For a Connect Server whose security settings are switched off',
				},
			],
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: withSecrets,
			description: 'An OL Connect Server user with the Data Handler role (ROLE_DATA)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: withSecrets,
		},
		{
			displayName: 'Allow Self-Signed Certificate',
			name: 'allowSelfSigned',
			type: 'boolean',
			default: false,
			description:
				'Whether to accept an HTTPS certificate no trusted authority signed, as on-premises Connect Servers often have. Only for a server you trust on your own network.',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	// Only the login mode has a token to fetch. n8n calls this when the stored token is empty, and
	// again after a 401 (or a 403 from servers before 2023.1, see the node's transport).
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (authModeOf(credentials) !== 'login') return {};
		return { sessionToken: await logInToOlConnect(this, credentials) };
	}

	// A function, not `generic` expressions: the header depends on the mode, and a run of 10,000
	// single-job calls should not pay the expression engine on each.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const mode = authModeOf(credentials);
		// Object.assign, not spread: on Node 20 it is the cheaper copy, and this runs on every request.
		const headers = Object.assign({}, requestOptions.headers);
		if (mode === 'login') headers.auth_token = String(credentials.sessionToken ?? '');
		if (mode === 'basic') headers.Authorization = basicHeader(credentials);
		requestOptions.headers = headers;
		if (credentials.allowSelfSigned === true) requestOptions.skipSslCertificateValidation = true;
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{String($credentials.serverUrl).trim().replace(/\\/+$/, "").replace(/\\/rest\\/serverengine$/, "")}}',
			url: '/rest/serverengine/entity',
			headers: { Accept: 'text/plain' },
			skipSslCertificateValidation: '={{$credentials.allowSelfSigned}}',
		},
	};
}
