/**
 * Jobs through "Update Properties of Many Jobs" (Replace, properties from the input fields, the
 * node's default chunk of 1,000 jobs per request and its default lanes and pace) in n8n's engine,
 * over HTTPS through the delay proxy at each round trip in RTTS_MS. The simulator holds each answer
 * back SERVER_MS: a fixed few tens of ms for a Connect Server writing a chunk's properties to its
 * database (it runs on the customer's own server; nothing is published about its speed).
 *
 * A pass takes about a second, so PASSES alternating passes (node, raw, floor) give medians. Per
 * round trip one `BENCH olconnect-many-properties rtt_ms=…` line:
 * - `limit_ratio`: OL Connect publishes no limit and the node's default pace is unpaced, so the
 *   least time is what the node's default lanes allow on warm connections:
 *   ceil(requests ÷ lanes) × (RTT + SERVER_MS);
 * - `floor_ratio`, `raw_ratio`: ÷ n8n's bare helper / a keep-alive undici client sending the same
 *   PUT bodies with the node's lanes (the most connections it had open at once);
 * - `peak_rss_mb`, `cpu_us_per_item`: the node's process over its passes; `requests` what it sent.
 * `ratio` is raw_ratio, the figure this case reported before.
 *
 * `raw <json>` makes this file the baseline client; `round <json>` runs one round trip.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import { Agent, request } from 'undici';

import { OlConnectApi } from '../../credentials/OlConnectApi.credentials';
import { OLC_REQUEST_PROFILE } from '../../nodes/OlConnectJobEntity/helpers/request-profile';
import { OlConnectJobEntity } from '../../nodes/OlConnectJobEntity/OlConnectJobEntity.node.js';
import { runNode, TestCredentialsHelper } from '../../test/harness';
import { OLC_SIM_DEFAULTS } from '../../test/simulators/olconnect/settings';
import { runChildForResult } from '../support/child';
import { bareRequestLoop } from '../support/floor';
import { inLanes } from '../support/lanes';
import { benchLine, commonFigures } from '../support/measure';
import { makeTlsFiles, measured, QUICK, roundInChild, RTTS_MS, startNetworked, type TlsFiles } from '../support/network';
import { median } from '../support/passes';
import { caseEntry } from '../support/entry';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-bench-'));

const ITEMS = Number(process.env.BENCH_OLC_ITEMS ?? (QUICK ? 2_000 : 10_000));
const WARM_UP = 1_000;
const CHUNK_SIZE = 1000;
const SERVER_MS = Number(process.env.BENCH_OLC_SERVER_MS ?? 40);
const FIRST_JOB = 100_000;
const PASSES = QUICK ? 2 : 5;
const HOST = join(__dirname, '..', '..', 'test', 'simulators', 'olconnect', 'host.ts');

/** What a CSV export of job statuses looks like once n8n has read it. */
function rows(count: number, tag: string): IDataObject[] {
	return Array.from({ length: count }, (_, n) => ({ jobId: FIRST_JOB + n, status: `${tag}-${n % 7}`, batch: `B-${n % 50}` }));
}

function body(part: IDataObject[]): Array<{ id: unknown; properties: Array<{ name: string; value: string }> }> {
	return part.map((row) => ({
		id: row.jobId,
		properties: [
			{ name: 'status', value: String(row.status) },
			{ name: 'batch', value: String(row.batch) },
		],
	}));
}

/** The baseline, in its own process: logs in, then sends the same PUT bodies with the given lanes. */
async function raw(options: { url: string; tag: string; lanes: number }): Promise<void> {
	const dispatcher = new Agent({ connections: options.lanes });
	const basic = Buffer.from(`${OLC_SIM_DEFAULTS.username}:${OLC_SIM_DEFAULTS.password}`).toString('base64');
	const login = await request(`${options.url}/rest/serverengine/authentication/login`, { method: 'POST', dispatcher, headers: { authorization: `Basic ${basic}` } });
	const token = await login.body.text();
	const items = rows(ITEMS, options.tag);
	let updated = 0;
	const started = performance.now();
	await inLanes(Math.ceil(items.length / CHUNK_SIZE), options.lanes, async (chunk) => {
		const part = items.slice(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE);
		const response = await request(`${options.url}/rest/serverengine/entity/jobs/properties`, {
			method: 'PUT',
			dispatcher,
			headers: { auth_token: token, 'content-type': 'application/json', accept: '*/*' },
			body: JSON.stringify(body(part)),
		});
		await response.body.dump();
		if (response.statusCode === 200) updated += part.length;
	});
	const ms = performance.now() - started;
	await dispatcher.close();
	console.log(`RESULT ${JSON.stringify({ ms, updated })}`);
}

function credentialsFor(url: string): TestCredentialsHelper {
	return new TestCredentialsHelper([new OlConnectApi()], [
		{
			id: 'bench',
			name: 'bench',
			type: 'olConnectApi',
			data: { serverUrl: url, authentication: 'login', username: OLC_SIM_DEFAULTS.username, password: OLC_SIM_DEFAULTS.password },
		},
	]);
}

/** The operation at the node's defaults; the credential store kept across passes as n8n keeps the token. */
async function node(credentialsHelper: TestCredentialsHelper, items: IDataObject[]): Promise<{ nodeMs: number; updated: number }> {
	const run = await runNode({
		type: new OlConnectJobEntity(),
		parameters: { resource: 'job', operation: 'updateManyProperties', jobId: '={{ $json.jobId }}', updateMode: 'replace', propertiesSource: 'fields', options: {} },
		items,
		credentials: { olConnectApi: { id: 'bench', name: 'bench', type: 'olConnectApi', data: {} } },
		credentialsHelper,
	});
	const failed = run.success.filter((item) => item.json.error !== undefined).length + (run.nodeError ? items.length : 0);
	return { nodeMs: run.executionMs, updated: run.success.length - failed };
}

interface Round {
	nodeMs: number;
	cpuUs: number;
	peakRssMb: number;
	lanes: number;
	requests: number;
	rawMs: number;
	floorMs: number;
}

async function round(args: { rttMs: number; tls: TlsFiles }): Promise<Round> {
	const net = await startNetworked(HOST, { jobs: ITEMS, firstJobId: FIRST_JOB, latencyMs: SERVER_MS, tls: args.tls }, args.rttMs);
	try {
		const credentialsHelper = credentialsFor(net.baseUrl);
		await node(credentialsHelper, rows(WARM_UP, 'warm'));
		const times = { node: [] as number[], raw: [] as number[], floor: [] as number[] };
		let cpuUs = 0;
		let peakRssMb = 0;
		let lanes = 0;
		let requests = 0;
		for (let pass = 1; pass <= PASSES; pass++) {
			const items = rows(ITEMS, `node${pass}`);
			const before = await net.proxyStats();
			const timed = await measured(async () => await node(credentialsHelper, items));
			const wire = await net.proxyStats();
			if (timed.result.updated !== ITEMS) throw new Error(`Node pass ${pass} updated ${timed.result.updated} of ${ITEMS}`);
			times.node.push(timed.result.nodeMs);
			cpuUs += timed.cpuUs;
			peakRssMb = timed.peakRssMb;
			lanes = Math.max(lanes, wire.peakOpen);
			requests = wire.connections - before.connections;
			const rawRun = await runChildForResult<{ ms: number; updated: number }>(__filename, ['raw', JSON.stringify({ url: net.baseUrl, tag: `raw${pass}`, lanes: wire.peakOpen })]);
			if (rawRun.updated !== ITEMS) throw new Error(`Raw pass ${pass} updated ${rawRun.updated} of ${ITEMS}`);
			times.raw.push(rawRun.ms);
			const floorRows = rows(ITEMS, `bare${pass}`);
			const requestsOf = Array.from({ length: Math.ceil(ITEMS / CHUNK_SIZE) }, (_, chunk) => () => ({
				method: 'PUT' as const,
				url: `${net.baseUrl}/rest/serverengine/entity/jobs/properties`,
				body: body(floorRows.slice(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE)),
				json: true,
			}));
			times.floor.push((await bareRequestLoop(credentialsHelper, 'olConnectApi', requestsOf, wire.peakOpen)).ms);
		}
		return { nodeMs: median(times.node), cpuUs: cpuUs / PASSES, peakRssMb, lanes, requests, rawMs: median(times.raw), floorMs: median(times.floor) };
	} finally {
		await net.stop();
	}
}

async function main(): Promise<void> {
	const tls = makeTlsFiles();
	for (const rttMs of RTTS_MS) {
		const r = await roundInChild<Round>(__filename, { rttMs }, tls);
		// Parallel Requests' default; 0 is Auto, which unpaced means the profile's unpaced lanes.
		const defaultLanes = OLC_REQUEST_PROFILE.defaults.concurrency || (OLC_REQUEST_PROFILE.autoLanes?.unpaced ?? 1);
		const idealMs = Math.ceil(Math.ceil(ITEMS / CHUNK_SIZE) / defaultLanes) * (rttMs + SERVER_MS);
		console.log(
			benchLine('olconnect-many-properties', {
				...commonFigures(rttMs, ITEMS, r, idealMs),
				ratio: r.nodeMs / r.rawMs,
				requests: r.requests,
				chunk_size: CHUNK_SIZE,
				lanes: r.lanes,
				server_ms: SERVER_MS,
				passes: PASSES,
			}),
		);
	}
}

caseEntry({ main, round, raw });
