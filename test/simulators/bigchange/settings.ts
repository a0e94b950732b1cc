/**
 * An API client registered in BigChange's Developer Portal (API Key Management): its OAuth client
 * credentials, the scopes granted to it, and the customers (Customer-Id values) it may act for.
 */
export interface BigChangeSimClient {
	clientId: string;
	clientSecret: string;
	scopes: string[];
	customerIds: string[];
}

/**
 * Switches that can change between requests; `sim.settings` is read on every request. Defaults follow
 * docs/vendor-apis.md §2; where the docs are silent the default is the likelier behaviour and the
 * alternative is one switch away, so node tests can cover both.
 */
export interface BigChangeSimSettings {
	clients: BigChangeSimClient[];
	/** `expires_in` of issued tokens. Undocumented value; an hour is the common choice. */
	tokenTtlSeconds: number;
	/** Wrong client ID or secret. The token endpoint documents only 400/422/500, so 400 is the default. */
	invalidClientStatus: 400 | 401;
	/**
	 * Changing description or personId of a started or completed job. The docs say it "cannot be
	 * updated" but not with which of the documented statuses: 422 (errors map) or 400 (problem).
	 */
	lockedFieldStatus: 422 | 400;
	/** 403 bodies: the documented problem JSON, or the empty body many gateways send for a scope failure. */
	forbiddenBody: 'problem' | 'empty';
	/** `totalCount` in list answers: seen in public clients, not in the reference, so it can be turned off. */
	listTotalCount: boolean;
	/** Documented maximum pageSize. */
	maxPageSize: number;
	/** pageSize when none is sent; undocumented. */
	defaultPageSize: number;
}

export const BIGCHANGE_SIM_DEFAULTS = Object.freeze({
	customerId: '4321',
	clientId: 'sim-client',
	clientSecret: 'sim-client-secret-0123456789',
	/** A client registered with only jobs:read: updates and creates answer 403. */
	readOnlyClientId: 'sim-reader',
	readOnlyClientSecret: 'sim-reader-secret-0123456789',
});

export function defaultSettings(): BigChangeSimSettings {
	const D = BIGCHANGE_SIM_DEFAULTS;
	return {
		clients: [
			{ clientId: D.clientId, clientSecret: D.clientSecret, scopes: ['jobs:read', 'jobs:write'], customerIds: [D.customerId] },
			{ clientId: D.readOnlyClientId, clientSecret: D.readOnlyClientSecret, scopes: ['jobs:read'], customerIds: [D.customerId] },
		],
		tokenTtlSeconds: 3600,
		invalidClientStatus: 400,
		lockedFieldStatus: 422,
		forbiddenBody: 'problem',
		listTotalCount: true,
		maxPageSize: 1000,
		defaultPageSize: 100,
	};
}
