import type { IExecuteFunctions } from 'n8n-workflow';

import { RequestPacer } from '../../shared/pacer';

/** The "Options" every operation shares; the many-jobs update adds its own. */
export interface RunOptions {
	concurrency: number;
	requestsPerSecond: number;
	timeoutSeconds: number;
}

export interface ManyOptions extends RunOptions {
	chunkSize: number;
	onChunkFailure: 'isolate' | 'failChunk';
}

export function readOptions(context: IExecuteFunctions): ManyOptions {
	const given = context.getNodeParameter('options', 0, {}) as Partial<ManyOptions>;
	return {
		concurrency: given.concurrency ?? 4,
		requestsPerSecond: given.requestsPerSecond ?? 0,
		timeoutSeconds: given.timeoutSeconds ?? 60,
		chunkSize: given.chunkSize ?? 1000,
		onChunkFailure: given.onChunkFailure ?? 'isolate',
	};
}

/**
 * OL Connect publishes no rate limit (it runs on the customer's own server), so requests are
 * unpaced unless the user sets a rate to spare a busy server.
 */
export function pacerFor(options: RunOptions): RequestPacer {
	return new RequestPacer({ requestsPerSecond: options.requestsPerSecond });
}
