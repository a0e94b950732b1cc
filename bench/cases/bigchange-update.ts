/**
 * 5,000 job updates (one PATCH each, BigChange has no batch endpoint) through BigChange Job Update
 * in n8n's engine, against a raw undici client sending the same PATCHes with the same concurrency
 * to the same simulator in its own process, both unpaced.
 *
 * Measured twice, each round in its own process. `ratio` and `peak_rss_mb` are with the simulator
 * answering after LATENCY_MS, a low estimate of a real call to api.bigchange.com: what a user's run
 * would see. `ratio_no_latency` is against an instant loopback server, where the result is CPU per
 * request: n8n's own request stack (a new axios request and TCP connection per call, credential
 * resolution, expression evaluation per item) against a keep-alive undici pool. Ends with
 * `BENCH bigchange-update items=… ratio=… peak_rss_mb=…`.
 *
 * `raw <json>` makes this file the baseline client, `round <latency>` one round; both print `RESULT {json}`.
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
import { benchLine, peakRssMb } from '../support/measure';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-bench-'));

const ITEMS = Number(process.env.BENCH_BIGCHANGE_ITEMS ?? 5_000);
const CONCURRENCY = 5;
const LATENCY_MS = Number(process.env.BENCH_BIGCHANGE_LATENCY_MS ?? 20);
const FIRST_JOB_ID = 1001;
const D = BIGCHANGE_SIM_DEFAULTS;

/** The same updates for both clients: a new description and order number per job. */
function update(n: number): { jobId: number; description: string; orderNumber: string } {
	return { jobId: FIRST_JOB_ID + n, description: `Visit ${n} confirmed by n8n`, orderNumber: `PO-${100_000 + n}` };
}

async function raw(options: { baseUrl: string; items: number; concurrency: number }): Promise<void> {
	const started = performance.now();
	const dispatcher = new Agent({ connections: options.concurrency });
	const login = await request(`${options.baseUrl}/auth/tokens`, {
		method: 'POST',
		dispatcher,
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: D.clientId, client_secret: D.clientSecret }).toString(),
	});
	const { access_token: token } = (await login.body.json()) as { access_token: string };
	const headers = { authorization: `Bearer ${token}`, 'customer-id': D.customerId, 'content-type': 'application/json', accept: 'application/json' };
	let next = 0;
	let updated = 0;
	const lane = async (): Promise<void> => {
		while (next < options.items) {
			const { jobId, ...body } = update(next++);
			const response = await request(`${options.baseUrl}/v1/jobs/${jobId}`, { method: 'PATCH', dispatcher, headers, body: JSON.stringify(body) });
			await response.body.dump();
			if (response.statusCode === 204) updated++;
		}
	};
	await Promise.all(Array.from({ length: options.concurrency }, lane));
	const ms = performance.now() - started;
	await dispatcher.close();
	console.log(`RESULT ${JSON.stringify({ ms, updated })}`);
}

async function node(baseUrl: string): Promise<{ ms: number; success: number; errors: number }> {
	const credentialsHelper = new TestCredentialsHelper([new BigChangeApi()], [
		{
			id: 'bench',
			name: 'bench',
			type: 'bigChangeApi',
			data: { customerId: D.customerId, authentication: 'clientCredentials', clientId: D.clientId, clientSecret: D.clientSecret, tokenUrl: `${baseUrl}/auth/tokens`, baseUrl },
		},
	]);
	const items = Array.from({ length: ITEMS }, (_, n) => update(n));
	const started = performance.now();
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
	return { ms: performance.now() - started, success: run.success.length, errors: run.errors.length + (run.nodeError ? 1 : 0) };
}

interface Round {
	rawMs: number;
	nodeMs: number;
	peakRssMb: number;
}

/** One simulator, the baseline first, then the node in this process; both must update every job. */
async function round(latencyMs: number): Promise<Round> {
	const serve = join(__dirname, '..', '..', 'test', 'simulators', 'bigchange', 'serve.ts');
	const host = startChild(serve, [JSON.stringify({ jobs: ITEMS, logging: false, latencyMs })]);
	try {
		const baseUrl = await host.line('READY ');
		const baseline = await runChildForResult<{ ms: number; updated: number }>(__filename, ['raw', JSON.stringify({ baseUrl, items: ITEMS, concurrency: CONCURRENCY })]);
		const measured = await node(baseUrl);
		if (measured.success !== ITEMS || baseline.updated !== ITEMS) throw new Error('Not every job was updated');
		return { rawMs: baseline.ms, nodeMs: measured.ms, peakRssMb: peakRssMb() };
	} finally {
		await host.stop();
	}
}

function describe(latencyMs: number, result: Round): string {
	return `latency ${latencyMs} ms: raw undici ${result.rawMs.toFixed(0)} ms, node ${result.nodeMs.toFixed(0)} ms, ratio ${(result.nodeMs / result.rawMs).toFixed(2)}, node peak RSS ${result.peakRssMb} MB`;
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
			ratio_no_latency: instant.nodeMs / instant.rawMs,
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
