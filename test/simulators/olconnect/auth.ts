import type { Middleware, SimRequest, SimResponse, TokenStore } from '../base';
import { BASIC_CHALLENGE, olcError } from './errors';
import type { OlcRole, OlcSimSettings, OlcSimUser } from './settings';

export const REST_ROOT = '/rest/serverengine';
export const LOGIN_PATH = `${REST_ROOT}/authentication/login`;

/** Everything under the entity services handles job data, which needs the Data Handler role. */
const DATA_PREFIX = `${REST_ROOT}/entity/`;
const DATA_ROLE: OlcRole = 'ROLE_DATA';

type Identity = { user: OlcSimUser } | { refused: SimResponse };

/**
 * The Authentication service and the check every other request passes: an `auth_token` from a
 * login, or Basic credentials on the request itself, or nothing at all when security is off.
 */
export class OlcAuth {
	/** Logins that issued a token. */
	loginCount = 0;
	private readonly issued = new Set<string>();

	constructor(
		private readonly settings: OlcSimSettings,
		private readonly tokens: TokenStore,
	) {}

	readonly middleware: Middleware = (req) => {
		if (req.path === LOGIN_PATH || !this.settings.security) return undefined;
		const identity = this.identify(req);
		if ('refused' in identity) return identity.refused;
		if (req.path.startsWith(DATA_PREFIX) && !identity.user.roles.includes(DATA_ROLE)) {
			return olcError(this.settings, 403, `User "${identity.user.username}" is not authorized to access this method: the Data Handler role is required.`, {
				legacyText: 'Access denied',
			});
		}
		return undefined;
	};

	/** POST /authentication/login: Basic credentials in, the token as text/plain out. */
	login(req: SimRequest): SimResponse {
		const credentials = basicCredentials(req.headers.authorization);
		if (!credentials) {
			return olcError(this.settings, 401, 'Server authentication is required.', { headers: BASIC_CHALLENGE });
		}
		if (this.settings.security) {
			const user = this.findUser(credentials.username, credentials.password);
			if (!user) {
				// Older servers answer a bad login with a bare 401; 2023.1+ with the JSON Error and the challenge.
				return olcError(this.settings, 401, 'Server authentication has failed: invalid username or password.', {
					headers: this.settings.errorStyle === 'json' ? BASIC_CHALLENGE : undefined,
				});
			}
		}
		return { status: 200, headers: { 'content-type': 'text/plain' }, body: this.issueToken(credentials.username) };
	}

	issueToken(username: string): string {
		const token = this.tokens.issue(username, this.settings.sessionMinutes * 60_000);
		this.issued.add(token);
		this.loginCount++;
		return token;
	}

	/** A server restart: every session token is forgotten, not merely expired. */
	forgetSessions(): void {
		for (const token of this.issued) this.tokens.revoke(token);
		this.issued.clear();
	}

	private identify(req: SimRequest): Identity {
		const token = req.headers.auth_token;
		if (token !== undefined) return this.byToken(token);
		const authorization = req.headers.authorization;
		if (authorization === undefined) {
			return { refused: olcError(this.settings, 401, 'Server authentication is required.', { headers: BASIC_CHALLENGE }) };
		}
		const credentials = basicCredentials(authorization);
		const user = credentials && this.findUser(credentials.username, credentials.password);
		if (user) return { user };
		return {
			refused:
				this.settings.errorStyle === 'json'
					? olcError(this.settings, 401, 'Server authentication has failed: invalid username or password.', { headers: BASIC_CHALLENGE })
					: olcError(this.settings, 403, '', { legacyText: 'Server authentication has failed.' }),
		};
	}

	private byToken(token: string): Identity {
		const validity = this.tokens.check(token);
		const user = validity === 'valid' ? this.settings.users.find((u) => u.username === this.tokens.subjectOf(token)) : undefined;
		if (user) return { user };
		if (validity === 'expired') {
			return {
				refused: olcError(this.settings, 401, 'Server authentication has failed: the authorization token has expired.', {
					legacyText: 'Server authentication has failed. The authorization token has expired.',
				}),
			};
		}
		return {
			refused:
				this.settings.errorStyle === 'json'
					? olcError(this.settings, 401, 'Server authentication has failed: invalid authorization token.', { headers: BASIC_CHALLENGE })
					: olcError(this.settings, 403, '', { legacyText: 'Server authentication has failed.' }),
		};
	}

	private findUser(username: string, password: string): OlcSimUser | undefined {
		return this.settings.users.find((user) => user.username === username && user.password === password);
	}
}

export function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
