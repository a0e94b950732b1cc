import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { runNode, type TestCredentialsHelper } from '../../test/harness';
import { bareNodeType } from '../../test/harness/bare-node';

/**
 * n8n's own cost per request, measured: a bare node that sends the same requests through
 * httpRequestWithAuthentication with the same concurrency and does nothing per item (no
 * validation, no result handling, one output item). What a real node spends beyond this is its own;
 * this much, any node that uses n8n's request helper pays. Returns the bare node's run as n8n times it.
 */
export async function bareRequestLoop(
	credentialsHelper: TestCredentialsHelper,
	credentialType: string,
	requests: ReadonlyArray<() => IHttpRequestOptions>,
	concurrency: number,
): Promise<number> {
	const bare = bareNodeType('Bare Requests', {
		credential: credentialType,
		async execute(this: IExecuteFunctions) {
			let next = 0;
			const lane = async () => {
				while (next < requests.length) {
					await this.helpers.httpRequestWithAuthentication.call(this, credentialType, requests[next++]());
				}
			};
			await Promise.all(Array.from({ length: concurrency }, lane));
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
	return run.executionMs;
}
