import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { parsePositiveInteger } from '../../shared/item-problem';
import type { RequestPacer } from '../../shared/pacer';
import { sharedPacer } from '../../shared/pacer-registry';
import { OLC_CREDENTIAL } from '../transport/connection';
import { readRequestOptions, type RequestProfile, type RequestSettings } from '../../shared/request-options';

/** Parallel Requests, Requests per Second and Timeout, for both the description and the run. */
export const OLC_REQUEST_PROFILE: RequestProfile = {
	// OL Connect runs on the customer's own server and publishes no limit. A pace, not a number of
	// lanes, is the default: the load on the server is then the same whatever the network between
	// (through n8n a request costs about three round trips, so 4 lanes gave 40 requests/s next to
	// the server and 14/s across an 80 ms round trip). 40/s is what 4 lanes gave a 40 ms server over
	// a 20 ms round trip; Auto keeps as many in flight as that pace needs, up to 20.
	defaults: { concurrency: 0, requestsPerSecond: 40, timeoutSeconds: 60 },
	maxConcurrency: 20,
	autoLanes: { paced: 20, unpaced: 4 },
	maxRequestsPerSecond: 1000,
	help: {
		concurrency: 'How many requests may be in flight at once. OL Connect runs on your own server; lower this if it is busy.',
		requestsPerSecond:
			'Client-side pace for all requests of this node together. OL Connect publishes no limit, so 40 is a cautious default for a server of your own: raise it if your server keeps up, lower it if it is busy. 0 means no pace (then Parallel Requests alone holds the load; Auto is 4).',
		timeoutSeconds: 'How long to wait for one request',
	},
};

/**
 * OL Connect runs on the customer's own server and publishes no rate limit, so the "vendor limit"
 * is unbounded: the pace is the user's Requests per Second (40 unless changed, 0 for none).
 */
const OLC_RATE_LIMIT = { requestsPerSecond: Number.POSITIVE_INFINITY };

/** Update Properties of Many Jobs adds these to the request options. */
export interface ManySettings {
	chunkSize: number;
	onChunkFailure: 'isolate' | 'failChunk';
}

export type RunSettings = RequestSettings & ManySettings;

export function readRunSettings(context: IExecuteFunctions): RunSettings {
	const given = context.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		...readRequestOptions(given, OLC_REQUEST_PROFILE),
		chunkSize: parsePositiveInteger(given.chunkSize) ?? 1000,
		onChunkFailure: given.onChunkFailure === 'failChunk' ? 'failChunk' : 'isolate',
	};
}

/** One pace per credential in the n8n process (see sharedPacer). */
export function pacerFor(node: INode, settings: RequestSettings): RequestPacer {
	return sharedPacer(node, OLC_CREDENTIAL, OLC_RATE_LIMIT, settings.requestsPerSecond);
}
