import { NodeConnectionTypes, type IDataObject, type IExecuteFunctions, type INodeType } from 'n8n-workflow';

import { runNode, type TestCredentialsHelper } from '../../test/harness';

/**
 * n8n's own cost per request, measured: a bare node that sends the same PUT batches through
 * httpRequestWithAuthentication with the same concurrency, and does nothing per item (no
 * validation, no result matching, one output item). What the VBA node spends beyond this is its own.
 */
export async function bareRequestLoop(
	credentialsHelper: TestCredentialsHelper,
	baseUrl: string,
	records: IDataObject[],
	batchSize: number,
	concurrency: number,
): Promise<number> {
	const bare: INodeType = {
		description: {
			displayName: 'Bare Requests',
			name: 'bareRequests',
			group: ['output'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
			credentials: [{ name: 'vbaSoftwareApi', required: true }],
		},
		async execute(this: IExecuteFunctions) {
			let next = 0;
			const lane = async () => {
				for (let start = next; start < records.length; start = next) {
					next += batchSize;
					await this.helpers.httpRequestWithAuthentication.call(this, 'vbaSoftwareApi', {
						method: 'PUT',
						url: `${baseUrl}/jobs-batch`,
						body: records.slice(start, start + batchSize),
						json: true,
					});
				}
			};
			await Promise.all(Array.from({ length: concurrency }, lane));
			return [[{ json: {}, pairedItem: { item: 0 } }]];
		},
	};
	const started = performance.now();
	await runNode({
		type: bare,
		parameters: {},
		items: [{}],
		credentials: { vbaSoftwareApi: { id: 'bench', name: 'bench', type: 'vbaSoftwareApi', data: {} } },
		credentialsHelper,
	});
	return performance.now() - started;
}
