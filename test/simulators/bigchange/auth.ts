import type { Middleware, SimRequest, SimResponse, TokenStore } from '../base';
import { problem, validationProblem } from './problem';
import type { BigChangeSimClient, BigChangeSimSettings } from './settings';

export const TOKEN_PATH = '/auth/tokens';
const FORM = /^\s*application\/x-www-form-urlencoded\s*(?:;|$)/i;

/** Which scope each API call needs: the reference names jobs:read for reads and jobs:write for writes. */
export function scopeFor(method: string): string {
	return method === 'GET' ? 'jobs:read' : 'jobs:write';
}

/**
 * BigChange's auth: the OAuth2 client-credentials token endpoint, and the checks every /v1 call
 * passes in the order ASP.NET meets them (authentication 401, scope policy 403, the required
 * Customer-Id header 400, then whether this client may act for that customer 403).
 */
export class BigChangeAuth {
	/** Token requests answered with a token. */
	issued = 0;

	constructor(
		private readonly settings: BigChangeSimSettings,
		private readonly tokens: TokenStore,
	) {}

	readonly middleware: Middleware = (req) => {
		if (!req.path.startsWith('/v1/')) return undefined;
		const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
		if (bearer === undefined) return unauthorized(undefined);
		const validity = this.tokens.check(bearer);
		if (validity !== 'valid') return unauthorized(validity);
		const client = this.clientOf(bearer);
		const scope = scopeFor(req.method);
		if (!client?.scopes.includes(scope)) {
			return this.forbidden(`The access token does not grant the ${scope} scope required by this operation.`, req);
		}
		const customerId = (req.headers['customer-id'] ?? '').trim();
		if (customerId === '') return validationProblem(400, { 'Customer-Id': ['The Customer-Id field is required.'] }, req.path);
		if (!/^\d{1,18}$/.test(customerId)) return validationProblem(400, { 'Customer-Id': [`The value '${customerId}' is not valid.`] }, req.path);
		if (!client.customerIds.includes(customerId)) return this.forbidden(`This client is not authorised for customer ${customerId}.`, req);
		return undefined;
	};

	/** `POST /auth/tokens`, form-encoded `grant_type=client_credentials&client_id=…&client_secret=…`. */
	token(req: SimRequest): SimResponse {
		if (!FORM.test(req.headers['content-type'] ?? '')) return problem(415, null, req.path, 'Unsupported Media Type');
		const form = new URLSearchParams(req.rawBody);
		const missing: Record<string, string[]> = {};
		for (const name of ['grant_type', 'client_id', 'client_secret']) {
			if (!form.get(name)) missing[name] = [`The ${name} field is required.`];
		}
		if (Object.keys(missing).length > 0) return validationProblem(422, missing, req.path);
		if (form.get('grant_type') !== 'client_credentials') {
			return problem(400, `The grant type '${form.get('grant_type') ?? ''}' is not supported.`, req.path);
		}
		const client = this.settings.clients.find((candidate) => candidate.clientId === form.get('client_id'));
		if (!client || client.clientSecret !== form.get('client_secret')) {
			const status = this.settings.invalidClientStatus;
			return problem(status, 'Invalid client credentials.', req.path, status === 401 ? 'Unauthorized' : 'Bad Request');
		}
		this.issued++;
		return { status: 200, body: { access_token: this.issue(client.clientId), expires_in: this.settings.tokenTtlSeconds } };
	}

	issue(clientId: string): string {
		return this.tokens.issue(clientId, this.settings.tokenTtlSeconds * 1000);
	}

	private clientOf(token: string): BigChangeSimClient | undefined {
		const subject = this.tokens.subjectOf(token);
		return this.settings.clients.find((client) => client.clientId === subject);
	}

	private forbidden(detail: string, req: SimRequest): SimResponse {
		return this.settings.forbiddenBody === 'empty' ? { status: 403 } : problem(403, detail, req.path);
	}
}

/** What ASP.NET's JwtBearer handler answers: no body, the reason in WWW-Authenticate. */
function unauthorized(validity: 'expired' | 'unknown' | undefined): SimResponse {
	const challenge =
		validity === undefined
			? 'Bearer'
			: validity === 'expired'
				? 'Bearer error="invalid_token", error_description="The token expired"'
				: 'Bearer error="invalid_token"';
	return { status: 401, headers: { 'www-authenticate': challenge } };
}
