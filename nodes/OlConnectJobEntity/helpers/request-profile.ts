import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { parsePositiveInteger } from '../../shared/item-problem';
import type { RequestPacer } from '../../shared/pacer';
import { sharedPacer } from '../../shared/pacer-registry';
import { OLC_CREDENTIAL } from '../transport/connection';
import { readRequestOptions, type RequestProfile, type RequestSettings } from '../../shared/request-options';

/** Parallel Requests, Requests per Second and Timeout, for both the description and the run. */
export const OLC_REQUEST_PROFILE: RequestProfile = {
	// Unpaced by default (an on-premises server): Auto keeps 4 in flight unless a pace is chosen.
	defaults: { concurrency: 0, requestsPerSecond: 0, timeoutSeconds: 60 },
	maxConcurrency: 20,
	autoLanes: { paced: 20, unpaced: 4 },
	maxRequestsPerSecond: 1000,
	help: {
		concurrency: 'How many requests may be in flight at once. OL Connect runs on your own server; lower this if it is busy.',
		requestsPerSecond: 'Client-side pace to spare a busy server. 0 means no limit (OL Connect publishes none).',
		timeoutSeconds: 'How long to wait for one request',
	},
};

/**
 * OL Connect runs on the customer's own server and publishes no rate limit, so the "vendor limit"
 * is unbounded: requests go unpaced unless the user chooses a rate.
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
