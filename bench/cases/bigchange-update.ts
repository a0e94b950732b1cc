/**
 * Job updates through BigChange Job Update (one PATCH each: BigChange has no batch endpoint) at the
 * node's defaults, in n8n's engine, over HTTPS through the delay proxy at each round trip in
 * RTTS_MS; the simulator takes SERVER_MS per request (a fixed few tens of ms: one row behind an API
 * gateway, nothing that grows with the request). Each round trip runs in a fresh process that
 * trusts the simulator's certificate through NODE_EXTRA_CA_CERTS.
 *
 * Per round trip one `BENCH bigchange-update rtt_ms=…` line: `limit_ratio` = the node's time ÷ the
 * least time its default pace allows (BigChange publishes no limit; the node's default is 10
 * requests/s, helpers/request-profile.ts); `floor_ratio` ÷ n8n's bare helper sending the same
 * PATCHes with the node's lanes and pace; `raw_ratio` ÷ a keep-alive undici client doing the same
 * through the same proxy; `peak_rss_mb` and `cpu_us_per_item` of the process over the node's run.
 * `ratio` is raw_ratio, the figure this case reported before.
 *
 * `raw <json>` makes this file the baseline client; `round <json>` runs one round trip.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Agent, request } from 'undici';

import { BigChangeApi } from '../../credentials/BigChangeApi.credentials';
import { BIGCHANGE_REQUESTS } from '../../nodes/BigChangeJobUpdate/helpers/request-profile';
import { BigChangeJobUpdate } from '../../nodes/BigChangeJobUpdate/BigChangeJobUpdate.node.js';
import { runNode, TestCredentialsHelper } from '../../test/harness';
import { BIGCHANGE_SIM_DEFAULTS } from '../../test/simulators/bigchange';
import { runChildForResult } from '../support/child';
import { bareRequestLoop } from '../support/floor';
import { inLanes, pacer, retryAfterMs, sleep } from '../support/lanes';
import { benchLine, commonFigures } from '../support/measure';
import { makeTlsFiles, measured, QUICK, roundInChild, RTTS_MS, startNetworked, type TlsFiles } from '../support/network';
import { caseEntry } from '../support/entry';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-bench-'));

const ITEMS = Number(process.env.BENCH_BIGCHANGE_ITEMS ?? (QUICK ? 100 : 500));
const SERVER_MS = 30;
const PACE = BIGCHANGE_REQUESTS.defaults.requestsPerSecond;
const WARM_UP = 50;
const FIRST_JOB_ID = 1001;
const D = BIGCHANGE_SIM_DEFAULTS;

/** The same updates for every client: a new description and order number per job. */
function update(n: number): { jobId: number; description: string; orderNumber: string } {
	return { jobId: FIRST_JOB_ID + n, description: `Visit ${n} confirmed by n8n`, orderNumber: `PO-${100_000 + n}` };
}

/** The baseline, in its own process: logs in, then sends the PATCHes with the given lanes and pace. */
async function raw(options: { baseUrl: string; items: number; lanes: number; requestsPerSecond: number }): Promise<void> {
	const dispatcher = new Agent({ connections: options.lanes });
	const login = await request(`${options.baseUrl}/auth/tokens`, {
		method: 'POST',
		dispatcher,
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: D.clientId, client_secret: D.clientSecret }).toString(),
	});
	const { access_token: token } = (await login.body.json()) as { access_token: string };
	const headers = { authorization: `Bearer ${token}`, 'customer-id': D.customerId, 'content-type': 'application/json', accept: 'application/json' };
	const nextSlot = pacer(options.requestsPerSecond);
	let updated = 0;
	const started = performance.now();
	await inLanes(options.items, options.lanes, async (n) => {
		const { jobId, ...body } = update(n);
		for (;;) {
			await nextSlot();
			const response = await request(`${options.baseUrl}/v1/jobs/${jobId}`, { method: 'PATCH', dispatcher, headers, body: JSON.stringify(body) });
			await response.body.dump();
			if (response.statusCode === 429) {
				await sleep(retryAfterMs(response.headers['retry-after']));
				continue;
			}
			if (response.statusCode === 204) updated++;
			return;
		}
	});
	const ms = performance.now() - started;
	await dispatcher.close();
	console.log(`RESULT ${JSON.stringify({ ms, updated })}`);
}

function credentialsFor(baseUrl: string): TestCredentialsHelper {
	return new TestCredentialsHelper([new BigChangeApi()], [
		{
			id: 'bench',
			name: 'bench',
			type: 'bigChangeApi',
			data: { customerId: D.customerId, authentication: 'clientCredentials', clientId: D.clientId, clientSecret: D.clientSecret, tokenUrl: `${baseUrl}/auth/tokens`, baseUrl },
		},
	]);
}

/** The node path at its defaults; the credential store is kept, as n8n keeps the token. */
async function node(credentialsHelper: TestCredentialsHelper, count: number): Promise<{ nodeMs: number; success: number }> {
	const items = Array.from({ length: count }, (_, n) => update(n));
	const run = await runNode({
		type: new BigChangeJobUpdate(),
		parameters: {
			resource: 'job',
			operation: 'update',
			jobId: { __rl: true, mode: 'id', value: '={{ $json.jobId }}' },
			updateFields: { description: '={{ $json.description }}', orderNumber: '={{ $json.orderNumber }}' },
			options: {},
		},
		items,
		credentials: { bigChangeApi: { id: 'bench', name: 'bench', type: 'bigChangeApi', data: {} } },
		credentialsHelper,
		settings: { onError: 'continueErrorOutput' },
	});
	return { nodeMs: run.executionMs, success: run.success.length };
}

interface Round {
	nodeMs: number;
	cpuUs: number;
	peakRssMb: number;
	lanes: number;
	rawMs: number;
	floorMs: number;
}

async function round(args: { rttMs: number; tls: TlsFiles }): Promise<Round> {
	const serve = join(__dirname, '..', '..', 'test', 'simulators', 'bigchange', 'serve.ts');
	const net = await startNetworked(serve, { jobs: ITEMS, logging: false, latencyMs: SERVER_MS, tls: args.tls }, args.rttMs);
	try {
		const credentialsHelper = credentialsFor(net.baseUrl);
		await node(credentialsHelper, WARM_UP);
		await net.proxyStats();
		const timed = await measured(async () => await node(credentialsHelper, ITEMS));
		const lanes = (await net.proxyStats()).peakOpen;
		const rawRun = await runChildForResult<{ ms: number; updated: number }>(__filename, [
			'raw',
			JSON.stringify({ baseUrl: net.baseUrl, items: ITEMS, lanes, requestsPerSecond: PACE }),
		]);
		const requests = Array.from({ length: ITEMS }, (_, n) => () => {
			const { jobId, ...body } = update(n);
			return { method: 'PATCH' as const, url: `${net.baseUrl}/v1/jobs/${jobId}`, body, json: true };
		});
		const floor = await bareRequestLoop(credentialsHelper, 'bigChangeApi', requests, lanes, PACE);
		if (timed.result.success !== ITEMS || rawRun.updated !== ITEMS) throw new Error(`Not every job was updated: node ${timed.result.success}, raw ${rawRun.updated}`);
		return { nodeMs: timed.result.nodeMs, cpuUs: timed.cpuUs, peakRssMb: timed.peakRssMb, lanes, rawMs: rawRun.ms, floorMs: floor.ms };
	} finally {
		await net.stop();
	}
}

async function main(): Promise<void> {
	const tls = makeTlsFiles();
	for (const rttMs of RTTS_MS) {
		const r = await roundInChild<Round>(__filename, { rttMs }, tls);
		const idealMs = (ITEMS / PACE) * 1000;
		console.log(
			benchLine('bigchange-update', {
				...commonFigures(rttMs, ITEMS, r, idealMs),
				ratio: r.nodeMs / r.rawMs,
				lanes: r.lanes,
				pace: PACE,
				server_ms: SERVER_MS,
			}),
		);
	}
}

caseEntry({ main, round, raw });
