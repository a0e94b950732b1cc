import { randomBytes, randomUUID } from 'node:crypto';

import type { Middleware, SimRequest, SimResponse, TokenStore } from '../base';
import { envelope, gatewayMessage, vbaError } from './envelope';
import type { VbaSimSettings, VbaSimUser } from './settings';

const CLIENT_HEADERS = ['vbasoftware-client-id', 'vbasoftware-client-code', 'vbasoftware-database'] as const;

/**
 * VBAPI's authentication: the login and refresh endpoints, and the checks every other request
 * passes, in the order a request meets them in front of the real API (WAF, then API Gateway's key
 * check, then the application's bearer and database checks).
 */
export class VbaAuth {
	/** Logins that issued tokens. */
	loginCount = 0;
	private readonly refreshTokens = new Map<string, string>();

	constructor(
		private readonly settings: VbaSimSettings,
		private readonly tokens: TokenStore,
		private readonly basePath: string,
	) {}

	get loginPath(): string {
		return `${this.basePath}/user-authentication`;
	}

	get refreshPath(): string {
		return `${this.basePath}/user-refresh-tokens`;
	}

	readonly middleware: Middleware = (req) => {
		if (!req.headers['user-agent']) return gatewayMessage(403, 'Forbidden');
		const apiKey = req.headers['x-api-key'];
		if (!apiKey || !this.settings.apiKeys.includes(apiKey)) {
			return gatewayMessage(this.settings.apiKeyFailureStatus, this.settings.apiKeyFailureStatus === 403 ? 'Forbidden' : 'Unauthorized');
		}
		if (req.path === this.loginPath || req.path === this.refreshPath) return undefined;
		const bearer = this.checkBearer(req);
		if (bearer) return bearer;
		return this.checkDatabase(req);
	};

	/** Issues an ID token as a login would, for tests that are not about logging in. */
	issueIdToken(username: string): string {
		return this.tokens.issue(username, this.settings.tokenTtlSeconds * 1000);
	}

	login(req: SimRequest): SimResponse {
		const credentials = basicCredentials(req.headers.authorization);
		if (!credentials) return vbaError(401, 'Unauthorized', 'Basic authorization with username and password is required.', req.path);
		const client = this.checkClient(req);
		if (client) return client;
		const user = this.settings.users.find((u) => u.username === credentials.username);
		if (!user || user.password !== credentials.password) {
			return vbaError(401, 'Unauthorized', 'Incorrect username or password.', req.path);
		}
		return this.challengeOrTokens(user);
	}

	refresh(req: SimRequest): SimResponse {
		const client = this.checkClient(req);
		if (client) return client;
		const expired = req.headers['expired-id-token'];
		const refresh = req.headers['refresh-token'];
		if (!expired || !refresh) {
			return vbaError(400, 'Bad Request', 'The expired-id-token and refresh-token headers are required.', req.path);
		}
		const username = this.refreshTokens.get(refresh);
		if (username === undefined || this.tokens.subjectOf(expired) !== username) {
			return vbaError(401, 'Unauthorized', 'Invalid refresh token.', req.path);
		}
		// Cognito's refresh flow returns new ID and access tokens but no new refresh token.
		return {
			status: 200,
			body: envelope({
				challengeName: null,
				session: null,
				authenticationResult: { ...this.newTokens(username), refreshToken: null },
			}),
		};
	}

	private challengeOrTokens(user: VbaSimUser): SimResponse {
		if (user.challenge) {
			return {
				status: 200,
				body: envelope({ challengeName: user.challenge, session: randomBytes(48).toString('base64url'), authenticationResult: null }),
			};
		}
		this.loginCount++;
		const refreshToken = randomBytes(48).toString('base64url');
		this.refreshTokens.set(refreshToken, user.username);
		return {
			status: 200,
			body: envelope({ challengeName: null, session: null, authenticationResult: { ...this.newTokens(user.username), refreshToken } }),
		};
	}

	/** Only the ID token is a valid bearer, as the docs insist; the access token is a decoy. */
	private newTokens(username: string): { accessToken: string; idToken: string; expiresIn: number } {
		return {
			accessToken: `${randomUUID()}.${randomBytes(24).toString('base64url')}`,
			idToken: this.issueIdToken(username),
			expiresIn: this.settings.tokenTtlSeconds,
		};
	}

	private checkClient(req: SimRequest): SimResponse | undefined {
		for (const header of CLIENT_HEADERS) {
			if (!req.headers[header]) return vbaError(400, 'Bad Request', `The ${header} header is required.`, req.path);
		}
		if (req.headers['vbasoftware-client-id'] !== this.settings.clientId || req.headers['vbasoftware-client-code'] !== this.settings.clientCode) {
			return vbaError(401, 'Unauthorized', 'Unknown client ID or client code.', req.path);
		}
		return this.checkDatabase(req);
	}

	private checkBearer(req: SimRequest): SimResponse | undefined {
		const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
		const validity = this.tokens.check(match?.[1]);
		if (validity === 'valid') return undefined;
		const detail = !match ? 'A bearer ID token is required.' : validity === 'expired' ? 'The ID token has expired.' : 'The ID token is not valid.';
		if (this.settings.tokenErrorStyle === 'envelope') return vbaError(401, 'Unauthorized', detail, req.path);
		const challenge = !match ? 'Bearer' : `Bearer error="invalid_token", error_description="${detail}"`;
		return { status: 401, headers: { 'www-authenticate': challenge } };
	}

	private checkDatabase(req: SimRequest): SimResponse | undefined {
		const database = req.headers['vbasoftware-database'];
		if (!database) return vbaError(400, 'Bad Request', 'The vbasoftware-database header is required.', req.path);
		const allowed = this.settings.databases;
		if (allowed && !allowed.includes(database)) return vbaError(400, 'Bad Request', `Unknown database "${database}".`, req.path);
		return undefined;
	}
}

function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
