import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parsePositiveInteger } from '../../shared/item-problem';
import { RequestPacer } from '../../shared/pacer';
import { readRequestOptions, type RequestProfile, type RequestSettings } from '../../shared/request-options';

/** Parallel Requests, Requests per Second and Timeout, for both the description and the run. */
export const OLC_REQUEST_PROFILE: RequestProfile = {
	defaults: { concurrency: 4, requestsPerSecond: 0, timeoutSeconds: 60 },
	maxConcurrency: 20,
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

export function pacerFor(settings: RequestSettings): RequestPacer {
	return RequestPacer.forVendorLimit(OLC_RATE_LIMIT, settings.requestsPerSecond);
}
