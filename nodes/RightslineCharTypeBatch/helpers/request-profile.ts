import type { RequestProfile } from '../../shared/request-options';

/** Rightsline's published limit: 40 signed requests a second; the burst is not published, one second's worth is assumed. */
export const RIGHTSLINE_LIMIT = Object.freeze({ requestsPerSecond: 40, burst: 40 });

/** Rightsline's documented limit of unfinished (queued or processing) batches per client. */
export const MAX_BATCHES_IN_FLIGHT = 10;

/**
 * The request options of every operation. For Submit, the requests in flight at once are its
 * batches in flight (each lane follows one batch from its creation to its result), set by the
 * "Batches in Flight" option under its own name; Get Batch reads a few batches at once.
 */
export const RIGHTSLINE_PROFILE: RequestProfile = {
	defaults: { concurrency: MAX_BATCHES_IN_FLIGHT, requestsPerSecond: RIGHTSLINE_LIMIT.requestsPerSecond, timeoutSeconds: 30 },
	maxConcurrency: MAX_BATCHES_IN_FLIGHT,
	maxRequestsPerSecond: RIGHTSLINE_LIMIT.requestsPerSecond,
	help: {
		concurrency:
			'How many batches may be queued or processing at once. Rightsline allows 10 per client; lower it when other workflows use the same API key.',
		requestsPerSecond: 'Client-side pace. Rightsline allows 40 requests a second; lower it when other workflows share the API key. 0 turns pacing off.',
		timeoutSeconds: 'How long to wait for one request to Rightsline',
	},
};
