/**
 * Job updates through BigChange Job Update (one PATCH each: BigChange has no batch endpoint) at the
 * node's defaults; the simulator takes SERVER_MS per request (a fixed few tens of ms: one row behind
 * an API gateway, nothing that grows with the request). BigChange publishes no limit; the node's
 * default pace is 10 requests/s (helpers/request-profile.ts), so the least time is ITEMS ÷ 10 s.
 * What is measured and printed: bench/support/paced-items.ts.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { request } from 'undici';

import { BigChangeApi } from '../../credentials/BigChangeApi.credentials';
import { BIGCHANGE_REQUESTS } from '../../nodes/BigChangeJobUpdate/helpers/request-profile';
import { BigChangeJobUpdate } from '../../nodes/BigChangeJobUpdate/BigChangeJobUpdate.node.js';
import { runNode, TestCredentialsHelper } from '../../test/harness';
import { BIGCHANGE_SIM_DEFAULTS } from '../../test/simulators/bigchange';
import { QUICK } from '../support/network';
import { pacedItemsCase } from '../support/paced-items';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-bench-'));

const ITEMS = Number(process.env.BENCH_BIGCHANGE_ITEMS ?? (QUICK ? 100 : 500));
const FIRST_JOB_ID = 1001;
const D = BIGCHANGE_SIM_DEFAULTS;

/** The same updates for every client: a new description and order number per job. */
function update(n: number, tag: string): { jobId: number; description: string; orderNumber: string } {
	return { jobId: FIRST_JOB_ID + n, description: `Visit ${n} confirmed by n8n (${tag})`, orderNumber: `PO-${100_000 + n}` };
}

pacedItemsCase({
	name: 'bigchange-update',
	file: __filename,
	items: ITEMS,
	warmUp: 50,
	pace: BIGCHANGE_REQUESTS.defaults.requestsPerSecond,
	serverMs: 30,
	host: { module: join(__dirname, '..', '..', 'test', 'simulators', 'bigchange', 'serve.ts'), options: { jobs: ITEMS, logging: false } },
	credentialType: 'bigChangeApi',
	credentials: (baseUrl) =>
		new TestCredentialsHelper([new BigChangeApi()], [
			{
				id: 'bench',
				name: 'bench',
				type: 'bigChangeApi',
				data: { customerId: D.customerId, authentication: 'clientCredentials', clientId: D.clientId, clientSecret: D.clientSecret, tokenUrl: `${baseUrl}/auth/tokens`, baseUrl },
			},
		]),
	// The credential store is kept across runs, as n8n keeps the token.
	node: async (credentialsHelper, count, tag) => {
		const run = await runNode({
			type: new BigChangeJobUpdate(),
			parameters: {
				resource: 'job',
				operation: 'update',
				jobId: { __rl: true, mode: 'id', value: '={{ $json.jobId }}' },
				updateFields: { description: '={{ $json.description }}', orderNumber: '={{ $json.orderNumber }}' },
				options: {},
			},
			items: Array.from({ length: count }, (_, n) => update(n, tag)),
			credentials: { bigChangeApi: { id: 'bench', name: 'bench', type: 'bigChangeApi', data: {} } },
			credentialsHelper,
			settings: { onError: 'continueErrorOutput' },
		});
		return { nodeMs: run.executionMs, success: run.success.length };
	},
	floorRequest: (baseUrl, n, tag) => {
		const { jobId, ...body } = update(n, tag);
		return { method: 'PATCH', url: `${baseUrl}/v1/jobs/${jobId}`, body, json: true };
	},
	raw: {
		login: async (baseUrl, dispatcher) => {
			const login = await request(`${baseUrl}/auth/tokens`, {
				method: 'POST',
				dispatcher,
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ grant_type: 'client_credentials', client_id: D.clientId, client_secret: D.clientSecret }).toString(),
			});
			const { access_token: token } = (await login.body.json()) as { access_token: string };
			return { authorization: `Bearer ${token}`, 'customer-id': D.customerId };
		},
		request: (n, tag) => {
			const { jobId, ...body } = update(n, tag);
			return { method: 'PATCH', path: `/v1/jobs/${jobId}`, body };
		},
		okStatus: 204,
	},
});
