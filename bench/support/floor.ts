import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { runNode, type TestCredentialsHelper } from '../../test/harness';
import { bareNodeType } from '../../test/harness/bare-node';
import { inLanes, pacer, sleep } from './lanes';

/** Sends one request through n8n's helper (paced, 429s waited out and sent again) and returns its body. */
export type FloorSend = (options: IHttpRequestOptions) => Promise<IDataObject>;

export interface FloorRun {
	ms: number;
	/** 429s the floor met (it waits a second and sends again). */
	throttled: number;
}

/**
 * n8n's own cost per request, measured: a bare node that sends the same requests through
 * httpRequestWithAuthentication with the same lanes and pace and does nothing per item (no
 * validation, no result handling, one output item). What a real node spends beyond this is its own;
 * this much, any node that uses n8n's request helper pays. `ms` is the bare node's run as n8n times it.
 */
export async function bareTaskLoop(
	credentialsHelper: TestCredentialsHelper,
	credentialType: string,
	count: number,
	lanes: number,
	requestsPerSecond: number,
	task: (index: number, send: FloorSend) => Promise<void>,
): Promise<FloorRun> {
	let throttled = 0;
	const bare = bareNodeType('Bare Requests', {
		credential: credentialType,
		async execute(this: IExecuteFunctions) {
			const nextSlot = pacer(requestsPerSecond);
			const send: FloorSend = async (options) => {
				for (;;) {
					await nextSlot();
					try {
						return (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options)) as IDataObject;
					} catch (error) {
						if (!isThrottled(error)) throw error;
						throttled++;
						await sleep(1000);
					}
				}
			};
			await inLanes(count, lanes, async (index) => await task(index, send));
			return [[{ json: {}, pairedItem: { item: 0 } }]];
		},
	});
	const run = await runNode({
		type: bare,
		parameters: {},
		items: [{}],
		credentials: { [credentialType]: { id: 'bench', name: 'bench', type: credentialType, data: {} } },
		credentialsHelper,
	});
	if (run.nodeError) throw run.nodeError;
	return { ms: run.executionMs, throttled };
}

/** The common case: independent requests, one per task. */
export async function bareRequestLoop(
	credentialsHelper: TestCredentialsHelper,
	credentialType: string,
	requests: ReadonlyArray<() => IHttpRequestOptions>,
	lanes: number,
	requestsPerSecond = 0,
): Promise<FloorRun> {
	return await bareTaskLoop(credentialsHelper, credentialType, requests.length, lanes, requestsPerSecond, async (index, send) => {
		await send(requests[index]());
	});
}

function isThrottled(error: unknown): boolean {
	const e = error as { httpCode?: string; response?: { status?: number }; status?: number; cause?: { response?: { status?: number } } };
	return e.httpCode === '429' || e.response?.status === 429 || e.status === 429 || e.cause?.response?.status === 429;
}
