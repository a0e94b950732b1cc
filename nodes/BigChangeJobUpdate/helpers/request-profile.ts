import type { RequestProfile } from '../../shared';

/**
 * BigChange publishes no rate limit: 10 requests a second is a cautious default, not a vendor
 * limit, and a 429 still makes every request wait as BigChange asks.
 */
export const BIGCHANGE_REQUESTS: RequestProfile = {
	defaults: { concurrency: 0, requestsPerSecond: 10, timeoutSeconds: 30 },
	maxConcurrency: 20,
	autoLanes: { paced: 20, unpaced: 5 },
	maxRequestsPerSecond: 200,
	help: {
		concurrency: 'How many items are sent to BigChange at the same time',
		requestsPerSecond:
			'Client-side pace for all requests of this node together; 0 means no limit. BigChange publishes no rate limit, so 10 is a cautious default; if BigChange answers 429, every request waits as it asks.',
		timeoutSeconds: 'How long to wait for one answer from BigChange',
	},
};
