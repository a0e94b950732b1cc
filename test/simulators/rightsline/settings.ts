/** A Rightsline API user: the long-lived keys that buy temporary credentials. */
export interface RightslineSimUser {
	name: string;
	accessKey: string;
	secretKey: string;
}

/** How long a batch spends in each non-final status; the total is its processing time. */
export interface BatchTiming {
	/** Time in `Created` (queued) after the 202. */
	queuedMs: number;
	/** Time in `InProgress`, independent of the batch size. */
	processingMs: number;
	/** Added to `InProgress` per record or relationship in the batch. */
	perRecordMs: number;
}

/**
 * Switches read on every request (`sim.settings`). Defaults follow docs/vendor-apis.md §4; where the
 * documentation is silent or contradicts itself the default is noted, and the other reading is
 * one switch away so node tests can cover both.
 */
export interface RightslineSimSettings {
	/** Company API keys (`x-api-key`); one client each for the 10-batch limit. */
	apiKeys: string[];
	users: RightslineSimUser[];
	/** The region API Gateway's SigV4 check expects; the v4 sample signs with us-west-2. */
	region: string;
	/** Temporary credentials live one hour (documented). */
	tempCredentialTtlMs: number;
	/** `POST /v4/auth/temporary-credentials`: 300 a minute per IP address (documented since 2025-04-30). */
	tempCredentialsPerMinute: number;
	/** Signed requests: 40 a second (documented); the burst is undocumented, one second's worth. */
	requestsPerSecond: number | null;
	/** Signed requests per day (documented: 500,000, license dependent). */
	dailyRequestLimit: number;
	/** SigV4 allows 5 minutes between x-amz-date and the server's clock. */
	maxClockSkewMs: number;
	/** Shifts the server's clock, to show what a client with a wrong clock meets. */
	clockOffsetMs: number;
	/** Records plus relationships per batch (documented: 100). */
	maxRecordsPerBatch: number;
	/** Batches queued or processing per client (documented: 10). */
	maxActiveBatches: number;
	timing: BatchTiming;
	/**
	 * The status of a batch that `cancelIfRecordFails` stopped. The status table says `Cancelled`;
	 * the create page's sample of exactly that case answers `Errored`.
	 */
	cancelledStatus: 'Cancelled' | 'Errored' | 'Error';
	/** The error status: `Error` in the status table, `Errored` in the batch structure and samples. */
	errorStatus: 'Error' | 'Errored';
	/**
	 * Where `referenceId` comes back. Documented for records that fail to be created; whether
	 * successes carry it is not said, so 'failures' is the default.
	 */
	referenceIdEcho: 'failures' | 'all' | 'none';
	/** `maxApiRequestsPerSecond` in `/v4/limits`: the sample says 20 where the prose says 40. */
	limitsRequestsPerSecond: number;
	/** Characteristic names allowed per char type ID; a char type not listed accepts any name. */
	fields: Record<string, string[]>;
}

export const RIGHTSLINE_SIM_DEFAULTS = Object.freeze({
	apiKey: 'sim-rightsline-api-key',
	accessKey: 'AKIASIMULATORUSER01',
	secretKey: 'sim/Secret+Key/For/The/Rightsline/Simulator',
	region: 'us-west-2',
	userName: 'api.user@example.com',
});

export function defaultSettings(): RightslineSimSettings {
	return {
		apiKeys: [RIGHTSLINE_SIM_DEFAULTS.apiKey],
		users: [
			{
				name: RIGHTSLINE_SIM_DEFAULTS.userName,
				accessKey: RIGHTSLINE_SIM_DEFAULTS.accessKey,
				secretKey: RIGHTSLINE_SIM_DEFAULTS.secretKey,
			},
		],
		region: RIGHTSLINE_SIM_DEFAULTS.region,
		tempCredentialTtlMs: 3_600_000,
		tempCredentialsPerMinute: 300,
		requestsPerSecond: 40,
		dailyRequestLimit: 500_000,
		maxClockSkewMs: 5 * 60_000,
		clockOffsetMs: 0,
		maxRecordsPerBatch: 100,
		maxActiveBatches: 10,
		timing: { queuedMs: 30, processingMs: 120, perRecordMs: 0 },
		cancelledStatus: 'Cancelled',
		errorStatus: 'Errored',
		referenceIdEcho: 'failures',
		limitsRequestsPerSecond: 40,
		fields: {},
	};
}
