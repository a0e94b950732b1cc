import type { RequestProfile } from '../../shared/request-options';

/** VBAPI's published limit per API key: 25 requests a second sustained, bursts of 50. */
export const VBA_LIMIT = { requestsPerSecond: 25, burst: 50 };

/** Parallel Requests, Requests per Second and Timeout of the node: shown in Options and read in the run. */
export const VBA_REQUESTS: RequestProfile = {
	// Auto: at RTT 80 ms and 1 s of server time per batch, 25/s needs about 31 batches in flight.
	defaults: { concurrency: 0, requestsPerSecond: 25, timeoutSeconds: 30 },
	maxConcurrency: 50,
	autoLanes: { paced: 40, unpaced: 5 },
	maxRequestsPerSecond: 50,
	help: {
		concurrency: 'How many batch requests may be in flight at once. Read once per run.',
		requestsPerSecond:
			'Client-side pace. VBAPI allows 25 per second sustained (50 burst) per API key; lower it when other workflows share the key. 0 turns pacing off (only for a server without that limit). Read once per run.',
		timeoutSeconds: 'How long to wait for one batch request. VBA recommends 30 seconds. Read once per run.',
	},
};
