/** A VBA user the login endpoint knows. `challenge` makes the login answer that challenge instead of tokens. */
export interface VbaSimUser {
	username: string;
	password: string;
	challenge?: 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'MFA_SETUP';
}

/**
 * Switches that can change between requests; `sim.settings` is read on every request.
 * Defaults follow docs/vendor-apis.md §1; where it is silent the default is the tolerant guess and the
 * alternative is one switch away, so node tests can cover both.
 */
export interface VbaSimSettings {
	apiKeys: string[];
	clientId: string;
	clientCode: string;
	/** Databases the `vbasoftware-database` header may name; undefined accepts any. */
	databases: string[] | undefined;
	users: VbaSimUser[];
	/** ID token lifetime; the docs say 24 hours. */
	tokenTtlSeconds: number;
	/** Missing or unknown x-api-key. Undocumented: 403 is what AWS API Gateway answers. */
	apiKeyFailureStatus: 401 | 403;
	/**
	 * Body of a 401 for a missing, unknown or expired bearer. Undocumented: 'jwt-bearer' is ASP.NET
	 * Core's JwtBearer default (empty body, WWW-Authenticate header); 'envelope' is a VBAPI envelope.
	 */
	tokenErrorStyle: 'jwt-bearer' | 'envelope';
	/** Records per batch request; undocumented, so unlimited unless set. */
	maxBatchSize: number | undefined;
	maxBatchSizeStatus: 400 | 413;
	/** Request body bytes; API Gateway's payload limit is 10 MB, answered with 413. */
	maxBodyBytes: number;
	/** The docs list the 207 as text/plain although the body is JSON. */
	multiStatusContentType: string;
	/** `value` in the 207's id pairs: the SDK types it string, the docs say any. */
	idValue: 'string' | 'raw';
	/** `key` in the 207's id pairs: the docs' example says `Job_ID` for the field `job_ID`. */
	idKeyCase: 'pascal' | 'as-sent';
	/**
	 * False keeps only the keys (enough to tell 201 from 200), so a benchmark of 100k records
	 * measures the client's memory rather than the simulated database's.
	 */
	keepRecords: boolean;
}

export const VBA_SIM_DEFAULTS = Object.freeze({
	apiKey: 'sim-api-key',
	clientId: 'sim-client-id',
	clientCode: 'SIMCLIENT',
	database: 'SIMDB',
	username: 'api.user',
	password: 'correct horse battery staple',
	userAgent: 'n8n-nodes-batch-jobs-tests',
});

export function defaultSettings(): VbaSimSettings {
	return {
		apiKeys: [VBA_SIM_DEFAULTS.apiKey],
		clientId: VBA_SIM_DEFAULTS.clientId,
		clientCode: VBA_SIM_DEFAULTS.clientCode,
		databases: undefined,
		users: [{ username: VBA_SIM_DEFAULTS.username, password: VBA_SIM_DEFAULTS.password }],
		tokenTtlSeconds: 86_400,
		apiKeyFailureStatus: 403,
		tokenErrorStyle: 'jwt-bearer',
		maxBatchSize: undefined,
		maxBatchSizeStatus: 400,
		maxBodyBytes: 10 * 1024 * 1024,
		multiStatusContentType: 'text/plain; charset=utf-8',
		idValue: 'string',
		idKeyCase: 'pascal',
		keepRecords: true,
	};
}
