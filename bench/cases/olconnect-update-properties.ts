/**
 * Jobs' properties replaced through OL Connect Job Entity's Update Properties (one PUT per job,
 * properties from the input fields) at the node's defaults; the simulator holds each answer back
 * SERVER_MS (a Connect Server writing one job's properties to its database: it runs on the
 * customer's own server and nothing is published about its speed). OL Connect publishes no limit;
 * the node's default pace is 40 requests/s (helpers/request-profile.ts), so the least time is
 * ITEMS ÷ 40 s. What is measured and printed: bench/support/paced-items.ts.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { request } from 'undici';

import { OlConnectApi } from '../../credentials/OlConnectApi.credentials';
import { OLC_REQUEST_PROFILE } from '../../nodes/OlConnectJobEntity/helpers/request-profile';
import { OlConnectJobEntity } from '../../nodes/OlConnectJobEntity/OlConnectJobEntity.node.js';
import { runNode, TestCredentialsHelper } from '../../test/harness';
import { OLC_SIM_DEFAULTS } from '../../test/simulators/olconnect/settings';
import { QUICK } from '../support/network';
import { pacedItemsCase } from '../support/paced-items';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-bench-'));

const ITEMS = Number(process.env.BENCH_OLC_ITEMS ?? (QUICK ? 200 : 1200));
const FIRST_JOB = 100_000;
const JOBS = '/rest/serverengine/entity/jobs';

/** What a CSV export of job statuses looks like once n8n has read it. */
function row(n: number, tag: string): { jobId: number; status: string; batch: string } {
	return { jobId: FIRST_JOB + n, status: `${tag}-${n % 7}`, batch: `B-${n % 50}` };
}

/** Update Properties' body for one job: its ID and the properties that replace its own. */
function body(n: number, tag: string): { id: number; properties: Array<{ name: string; value: string }> } {
	const { jobId, status, batch } = row(n, tag);
	return { id: jobId, properties: [{ name: 'status', value: status }, { name: 'batch', value: batch }] };
}

pacedItemsCase({
	name: 'olconnect-update-properties',
	file: __filename,
	items: ITEMS,
	warmUp: 50,
	pace: OLC_REQUEST_PROFILE.defaults.requestsPerSecond,
	serverMs: Number(process.env.BENCH_OLC_SERVER_MS ?? 40),
	host: { module: join(__dirname, '..', '..', 'test', 'simulators', 'olconnect', 'host.ts'), options: { jobs: ITEMS, firstJobId: FIRST_JOB } },
	credentialType: 'olConnectApi',
	credentials: (baseUrl) =>
		new TestCredentialsHelper([new OlConnectApi()], [
			{
				id: 'bench',
				name: 'bench',
				type: 'olConnectApi',
				data: { serverUrl: baseUrl, authentication: 'login', username: OLC_SIM_DEFAULTS.username, password: OLC_SIM_DEFAULTS.password },
			},
		]),
	// The credential store is kept across runs, as n8n keeps the token.
	node: async (credentialsHelper, count, tag) => {
		const items = Array.from({ length: count }, (_, n) => row(n, tag));
		const run = await runNode({
			type: new OlConnectJobEntity(),
			parameters: { resource: 'job', operation: 'updateProperties', jobId: '={{ $json.jobId }}', updateMode: 'replace', propertiesSource: 'fields', options: {} },
			items,
			credentials: { olConnectApi: { id: 'bench', name: 'bench', type: 'olConnectApi', data: {} } },
			credentialsHelper,
		});
		const failed = run.success.filter((item) => item.json.error !== undefined).length + (run.nodeError ? count : 0);
		return { nodeMs: run.executionMs, success: run.success.length - failed };
	},
	// OL Connect answers `true` as text/plain, so the request must accept it (else 406).
	floorRequest: (baseUrl, n, tag) => ({
		method: 'PUT',
		url: `${baseUrl}${JOBS}/${FIRST_JOB + n}/properties`,
		headers: { Accept: 'text/plain, application/json' },
		body: body(n, tag),
		json: true,
	}),
	raw: {
		login: async (baseUrl, dispatcher) => {
			const basic = Buffer.from(`${OLC_SIM_DEFAULTS.username}:${OLC_SIM_DEFAULTS.password}`).toString('base64');
			const login = await request(`${baseUrl}/rest/serverengine/authentication/login`, { method: 'POST', dispatcher, headers: { authorization: `Basic ${basic}` } });
			return { auth_token: await login.body.text(), accept: '*/*' };
		},
		request: (n, tag) => ({ method: 'PUT', path: `${JOBS}/${FIRST_JOB + n}/properties`, body: body(n, tag) }),
		okStatus: 200,
	},
});
