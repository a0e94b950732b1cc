/**
 * Contacts through Rightsline Char-Type Batch (Submit, waiting for the results, the node's default
 * options) in n8n's engine, over HTTPS through the delay proxy at each round trip in RTTS_MS,
 * against the simulator with Rightsline's documented limits on (40 requests/s per API key, 10
 * unfinished batches) and a fixed batch processing time. Each request also waits SERVER_MS at the
 * simulator: a fixed few tens of ms for API Gateway and the API (creating a batch only queues it).
 *
 * Per round trip one `BENCH rightsline-batch rtt_ms=…` line:
 * - `limit_ratio`: the node's time ÷ the least time the limits allow: its batches' processing times
 *   (from the simulator's clock) over 10 in flight, or its requests at 40/s if that is longer;
 *   `ratio` is the same figure under this case's earlier name;
 * - `floor_ratio`: ÷ n8n's bare helper creating the same batches with 10 lanes, polling each every
 *   POLL_MS until final, at 40 requests/s; `raw_ratio`: ÷ a keep-alive undici client doing the same
 *   (test/simulators/rightsline/bench/raw-client.ts);
 * - `polls` per batch, `peak_rss_mb` and `cpu_us_per_item` of the node's process over its run;
 * - `first_batch_ms` and `refill_ms`: where the time over the least goes (see `refills`).
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-bench-'));

import type { IDataObject } from 'n8n-workflow';

import { RightslineApi } from '../../credentials/RightslineApi.credentials';
import { MAX_BATCHES_IN_FLIGHT, RIGHTSLINE_LIMIT } from '../../nodes/RightslineCharTypeBatch/helpers/request-profile';
import { RightslineCharTypeBatch } from '../../nodes/RightslineCharTypeBatch/RightslineCharTypeBatch.node.js';
import { runNode, TestCredentialsHelper } from '../../test/harness';
import { RIGHTSLINE_SIM_DEFAULTS } from '../../test/simulators/rightsline/settings';
import { runChildForResult, type ChildHandle } from '../support/child';
import { bareTaskLoop } from '../support/floor';
import { sleep } from '../support/lanes';
import { benchLine, commonFigures, type RoundTimes } from '../support/measure';
import { makeTlsFiles, measured, QUICK, roundInChild, RTTS_MS, startNetworked, type TlsFiles } from '../support/network';
import { caseEntry } from '../support/entry';

const RECORDS = Number(process.env.BENCH_RIGHTSLINE_RECORDS ?? (QUICK ? 1000 : 5000));
const TIMING = { queuedMs: 500, processingMs: 2500, perRecordMs: 0 };
const SERVER_MS = 30;
const POLL_MS = 300;
const HOST_DIR = join(__dirname, '..', '..', 'test', 'simulators', 'rightsline', 'bench');

interface BatchStats {
	id: number;
	createdAt: number;
	finishesAt: number;
	polls: number;
}

async function batches(host: ChildHandle, n: number): Promise<BatchStats[]> {
	const line = host.line(`STATS ${n} `);
	host.process.kill('SIGUSR2');
	return (JSON.parse(await line) as { batches: BatchStats[] }).batches;
}

function contacts(count: number, tag: string): IDataObject[] {
	return Array.from({ length: count }, (_, n) => ({
		title: `${tag} contact ${n}`,
		template: { templateId: 1 },
		characteristics: { first_name: `First${n}`, last_name: `Last${n}`, department: n % 2 ? 'Sales' : 'Legal' },
	}));
}

function credentialsFor(baseUrl: string): TestCredentialsHelper {
	return new TestCredentialsHelper([new RightslineApi()], [
		{
			id: 'bench',
			name: 'bench',
			type: 'rightslineApi',
			data: { environment: 'custom', customUrl: baseUrl, apiKey: RIGHTSLINE_SIM_DEFAULTS.apiKey, accessKey: RIGHTSLINE_SIM_DEFAULTS.accessKey, secretKey: RIGHTSLINE_SIM_DEFAULTS.secretKey },
		},
	]);
}

async function node(credentialsHelper: TestCredentialsHelper, items: IDataObject[]): Promise<{ nodeMs: number; success: number }> {
	const run = await runNode({
		type: new RightslineCharTypeBatch(),
		parameters: { resource: 'batch', operation: 'submit', method: 'POST', sendAs: 'record', charType: 2, record: '={{ $json }}', waitForCompletion: true, options: {} },
		items,
		credentials: { rightslineApi: { id: 'bench', name: 'bench', type: 'rightslineApi', data: {} } },
		credentialsHelper,
	});
	const failed = run.success.filter((item) => item.json.error !== undefined).length + run.errors.length + (run.nodeError ? items.length : 0);
	return { nodeMs: run.executionMs, success: run.success.length - failed };
}

/** The floor: the same batch creations and polls through n8n's helper with nothing per record. */
async function floor(credentialsHelper: TestCredentialsHelper, baseUrl: string, records: IDataObject[]): Promise<number> {
	const count = Math.ceil(records.length / 100);
	const run = await bareTaskLoop(credentialsHelper, 'rightslineApi', count, MAX_BATCHES_IN_FLIGHT, RIGHTSLINE_LIMIT.requestsPerSecond, async (batch, send) => {
		const part = records.slice(batch * 100, (batch + 1) * 100);
		const created = await send({ method: 'POST', url: `${baseUrl}/v4/batch`, body: { method: 'POST', batchOptions: { cancelIfRecordFails: false }, records: { '2': part } }, json: true });
		for (;;) {
			await sleep(POLL_MS);
			const polled = await send({ method: 'GET', url: `${baseUrl}/v4/batch/${String(created.batchId)}`, json: true });
			if (polled.batchStatus !== 'Created' && polled.batchStatus !== 'InProgress') return;
		}
	});
	return run.ms;
}

interface Round extends RoundTimes {
	success: number;
	batches: number;
	processingMs: number;
	polls: number;
	requests: number;
	rawCreated: number;
	firstBatchMs: number;
	refillMs: number;
}

/**
 * Where the time over the least goes, from the simulator's clock: how long after the node's start
 * the first batch was created (checking the items, the temporary credentials, the first batch alone),
 * and the median time from a batch slot freeing to the next batch being created in it, after the
 * first round (reading the status once the batch ended, and creating the next: at best half a round
 * trip back and 2.5 round trips plus the server's time out, through n8n's request path).
 */
function refills(mine: BatchStats[], startedAt: number): { firstBatchMs: number; refillMs: number } {
	const created = mine.map((batch) => batch.createdAt).sort((a, b) => a - b);
	const finished = mine.map((batch) => batch.finishesAt).sort((a, b) => a - b);
	const gaps = created.slice(2 * MAX_BATCHES_IN_FLIGHT).map((at, n) => at - finished[n + MAX_BATCHES_IN_FLIGHT]);
	gaps.sort((a, b) => a - b);
	return { firstBatchMs: created[0] - startedAt, refillMs: gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0 };
}

async function round(args: { rttMs: number; tls: TlsFiles }): Promise<Round> {
	const net = await startNetworked(join(HOST_DIR, 'host.ts'), { timing: TIMING, latencyMs: SERVER_MS, tls: args.tls }, args.rttMs);
	try {
		const credentialsHelper = credentialsFor(net.baseUrl);
		await node(credentialsHelper, contacts(200, 'warm'));
		const before = new Set((await batches(net.host, 1)).map((batch) => batch.id));
		const wireBefore = await net.proxyStats();
		const startedAt = Date.now();
		const timed = await measured(async () => await node(credentialsHelper, contacts(RECORDS, 'node')));
		const wire = await net.proxyStats();
		const mine = (await batches(net.host, 2)).filter((batch) => !before.has(batch.id));
		const slotTimes = refills(mine, startedAt);
		const raw = await runChildForResult<{ ms: number; created: number; polls: number }>(join(HOST_DIR, 'raw-client.ts'), [
			JSON.stringify({ baseUrl: net.baseUrl, records: RECORDS, pollMs: POLL_MS }),
		]);
		const floorMs = await floor(credentialsHelper, net.baseUrl, contacts(RECORDS, 'bare'));
		return {
			nodeMs: timed.result.nodeMs,
			cpuUs: timed.cpuUs,
			peakRssMb: timed.peakRssMb,
			success: timed.result.success,
			batches: mine.length,
			processingMs: mine.reduce((sum, batch) => sum + (batch.finishesAt - batch.createdAt), 0),
			polls: mine.reduce((sum, batch) => sum + batch.polls, 0) / Math.max(1, mine.length),
			requests: wire.connections - wireBefore.connections,
			rawMs: raw.ms,
			rawCreated: raw.created,
			floorMs,
			...slotTimes,
		};
	} finally {
		await net.stop();
	}
}

async function main(): Promise<void> {
	const tls = makeTlsFiles();
	for (const rttMs of RTTS_MS) {
		const r = await roundInChild<Round>(__filename, { rttMs }, tls);
		if (r.success !== RECORDS || r.rawCreated !== RECORDS) throw new Error(`Not every record was created: node ${r.success}, raw ${r.rawCreated}`);
		const idealMs = Math.max(r.processingMs / MAX_BATCHES_IN_FLIGHT, (r.requests / RIGHTSLINE_LIMIT.requestsPerSecond) * 1000);
		console.log(
			benchLine('rightsline-batch', {
				...commonFigures(rttMs, RECORDS, r, idealMs),
				ratio: r.nodeMs / idealMs,
				polls: r.polls,
				first_batch_ms: r.firstBatchMs,
				refill_ms: r.refillMs,
				batches: r.batches,
				requests: r.requests,
				server_ms: SERVER_MS,
			}),
		);
	}
}

caseEntry({ main, round });
