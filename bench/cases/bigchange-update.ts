/**
 * 5,000 job updates (one PATCH each, BigChange has no batch endpoint) through BigChange Job Update
 * in n8n's engine, against a raw undici client sending the same PATCHes with the same concurrency
 * to the same simulator in its own process, both unpaced.
 *
 * Measured in two rounds, each in its own process. `ratio` and `peak_rss_mb` are with the simulator
 * answering after LATENCY_MS, a low estimate of a real call to api.bigchange.com: what a user's run
 * would see. `ratio_no_latency` is against an instant loopback server, where the result is CPU per
 * request: n8n's own request stack (a new axios request and TCP connection per call, credential
 * resolution, expression evaluation per item) against a keep-alive undici pool. `floor_ratio*` is
 * that stack alone: the same PATCHes from a bare node with no per-item work. Within a round the
 * ratios are medians of ROUNDS alternating passes, warm, and `first_ratio` is the node's first
 * full-size run. A node's time is its run as n8n times it (the `executionTime` the editor shows).
 * Ends with `BENCH bigchange-update items=… ratio=… peak_rss_mb=…`.
 *
 * `raw <json>` makes this file the baseline client (timed passes, see passes.ts); `round <latency>`
 * runs one round and prints `RESULT {json}`.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Agent, request } from 'undici';

import { BigChangeApi } from '../../credentials/BigChangeApi.credentials';
import { BigChangeJobUpdate } from '../../nodes/BigChangeJobUpdate/BigChangeJobUpdate.node.js';
import { runNode, TestCredentialsHelper } from '../../test/harness';
import { BIGCHANGE_SIM_DEFAULTS } from '../../test/simulators/bigchange';
import { runChildForResult, startChild } from '../support/child';
import { bareRequestLoop } from '../support/floor';
import { median, requestPass, servePasses } from '../support/passes';
import { benchLine, peakRssMb } from '../support/measure';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-bench-'));

const ITEMS = Number(process.env.BENCH_BIGCHANGE_ITEMS ?? 5_000);
const CONCURRENCY = 5;
const LATENCY_MS = Number(process.env.BENCH_BIGCHANGE_LATENCY_MS ?? 20);
const ROUNDS = Number(process.env.BENCH_BIGCHANGE_ROUNDS ?? 3);
const WARM_UP = 500;
const FIRST_JOB_ID = 1001;
const D = BIGCHANGE_SIM_DEFAULTS;

/** The same updates for both clients: a new description and order number per job. */
function update(n: number): { jobId: number; description: string; orderNumber: string } {
	return { jobId: FIRST_JOB_ID + n, description: `Visit ${n} confirmed by n8n`, orderNumber: `PO-${100_000 + n}` };
}

/** The baseline, in its own process: logs in once, warms up, then serves timed passes (passes.ts). */
async function raw(options: { baseUrl: string; items: number; concurrency: number }): Promise<void> {
	const dispatcher = new Agent({ connections: options.concurrency });
	const login = await request(`${options.baseUrl}/auth/tokens`, {
		method: 'POST',
		dispatcher,
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: D.clientId, client_secret: D.clientSecret }).toString(),
	});
	const { access_token: token } = (await login.body.json()) as { access_token: string };
	const headers = { authorization: `Bearer ${token}`, 'customer-id': D.customerId, 'content-type': 'application/json', accept: 'application/json' };
	const sendAll = async (count: number): Promise<number> => {
		let next = 0;
		let updated = 0;
		const lane = async (): Promise<void> => {
			while (next < count) {
				const { jobId, ...body } = update(next++);
				const response = await request(`${options.baseUrl}/v1/jobs/${jobId}`, { method: 'PATCH', dispatcher, headers, body: JSON.stringify(body) });
				await response.body.dump();
				if (response.statusCode === 204) updated++;
			}
		};
		await Promise.all(Array.from({ length: options.concurrency }, lane));
		return updated;
	};
	await sendAll(WARM_UP);
	servePasses(
		async () => {
			const started = performance.now();
			const updated = await sendAll(options.items);
			return { ms: performance.now() - started, updated };
		},
		async () => await dispatcher.close(),
	);
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

/** The node path: BigChange Job Update in n8n's engine; the credential store is kept, as n8n keeps the token. */
async function node(credentialsHelper: TestCredentialsHelper, count: number): Promise<{ nodeMs: number; success: number }> {
	const items = Array.from({ length: count }, (_, n) => update(n));
	const run = await runNode({
		type: new BigChangeJobUpdate(),
		parameters: {
			resource: 'job',
			operation: 'update',
			jobId: { __rl: true, mode: 'id', value: '={{ $json.jobId }}' },
			updateFields: { description: '={{ $json.description }}', orderNumber: '={{ $json.orderNumber }}' },
			options: { concurrency: CONCURRENCY, requestsPerSecond: 0 },
		},
		items,
		credentials: { bigChangeApi: { id: 'bench', name: 'bench', type: 'bigChangeApi', data: {} } },
		credentialsHelper,
		settings: { onError: 'continueErrorOutput' },
	});
	return { nodeMs: run.executionMs, success: run.success.length };
}

/** The same PATCHes through n8n's request helper with nothing per item: what any node pays. */
async function floor(credentialsHelper: TestCredentialsHelper, baseUrl: string, count: number): Promise<number> {
	const requests = Array.from({ length: count }, (_, n) => () => {
		const { jobId, ...body } = update(n);
		return { method: 'PATCH' as const, url: `${baseUrl}/v1/jobs/${jobId}`, body, json: true };
	});
	return await bareRequestLoop(credentialsHelper, 'bigChangeApi', requests, CONCURRENCY);
}

interface Round {
	rawMs: number;
	nodeMs: number;
	floorMs: number;
	firstRatio: number;
	peakRssMb: number;
}

/**
 * One simulator and one baseline process. The node's first full-size run after a small warm-up
 * gives `firstRatio`; then ROUNDS alternating passes (baseline, node, bare floor) give medians.
 */
async function round(latencyMs: number): Promise<Round> {
	const serve = join(__dirname, '..', '..', 'test', 'simulators', 'bigchange', 'serve.ts');
	const host = startChild(serve, [JSON.stringify({ jobs: ITEMS, logging: false, latencyMs })]);
	try {
		const baseUrl = await host.line('READY ');
		const baseline = startChild(__filename, ['raw', JSON.stringify({ baseUrl, items: ITEMS, concurrency: CONCURRENCY })]);
		try {
			await baseline.line('READY');
			const credentialsHelper = credentialsFor(baseUrl);
			await node(credentialsHelper, WARM_UP);
			await floor(credentialsHelper, baseUrl, WARM_UP);
			const rawFirst = await requestPass<{ ms: number; updated: number }>(baseline, 1);
			const first = await node(credentialsHelper, ITEMS);
			const times = { raw: [] as number[], node: [] as number[], floor: [] as number[] };
			const counts = [rawFirst.updated, first.success];
			for (let pass = 1; pass <= ROUNDS; pass++) {
				const rawPass = await requestPass<{ ms: number; updated: number }>(baseline, pass + 1);
				const nodePass = await node(credentialsHelper, ITEMS);
				times.raw.push(rawPass.ms);
				times.node.push(nodePass.nodeMs);
				times.floor.push(await floor(credentialsHelper, baseUrl, ITEMS));
				counts.push(rawPass.updated, nodePass.success);
			}
			if (counts.some((count) => count !== ITEMS)) throw new Error(`Not every job was updated: ${counts.join(', ')}`);
			return {
				rawMs: median(times.raw),
				nodeMs: median(times.node),
				floorMs: median(times.floor),
				firstRatio: first.nodeMs / rawFirst.ms,
				peakRssMb: peakRssMb(),
			};
		} finally {
			await baseline.stop();
		}
	} finally {
		await host.stop();
	}
}

function describe(latencyMs: number, result: Round): string {
	const ms = (value: number) => `${value.toFixed(0)} ms`;
	return `latency ${latencyMs} ms: raw undici ${ms(result.rawMs)}, node ${ms(result.nodeMs)} (ratio ${(result.nodeMs / result.rawMs).toFixed(2)}, first run ${result.firstRatio.toFixed(2)}), bare n8n requests ${ms(result.floorMs)} (${(result.floorMs / result.rawMs).toFixed(2)}), peak RSS ${result.peakRssMb} MB`;
}

/**
 * Each round runs in its own process, so one round's peak RSS is not the other's: against an
 * instant server n8n's request stack makes garbage faster than V8 collects it, which says nothing
 * about a run against the real API.
 */
async function main(): Promise<void> {
	const instant = await runChildForResult<Round>(__filename, ['round', '0']);
	console.log(describe(0, instant));
	const networked = await runChildForResult<Round>(__filename, ['round', String(LATENCY_MS)]);
	console.log(describe(LATENCY_MS, networked));
	console.log(
		benchLine('bigchange-update', {
			items: ITEMS,
			ratio: networked.nodeMs / networked.rawMs,
			peak_rss_mb: networked.peakRssMb,
			latency_ms: LATENCY_MS,
			node_ms: networked.nodeMs,
			raw_ms: networked.rawMs,
			first_ratio: networked.firstRatio,
			floor_ratio: networked.floorMs / networked.rawMs,
			ratio_no_latency: instant.nodeMs / instant.rawMs,
			floor_ratio_no_latency: instant.floorMs / instant.rawMs,
			peak_rss_mb_no_latency: instant.peakRssMb,
			concurrency: CONCURRENCY,
		}),
	);
}

if (process.argv[2] === 'raw') {
	void raw(JSON.parse(process.argv[3]) as { baseUrl: string; items: number; concurrency: number });
} else if (process.argv[2] === 'round') {
	void round(Number(process.argv[3])).then((result) => console.log(`RESULT ${JSON.stringify(result)}`));
} else {
	void main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
