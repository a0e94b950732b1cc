/**
 * 10,000 jobs through "Update Properties of Many Jobs" in n8n's engine (Replace, properties from
 * the input fields, 1,000 jobs per request, 4 at once), against a raw undici client sending the
 * same PUT /entity/jobs/properties bodies with the same concurrency to the same simulator, which
 * runs in its own process. Both log in and warm up with 1,000 jobs; then they take turns sending
 * the 10,000, seven passes each, and the medians count: a pass takes tens of milliseconds, and
 * taking turns keeps a load change on a shared machine from landing on one side only.
 *
 * Two rounds, each with its own simulator. `ratio` is with every answer held back SERVER_MS, a
 * low estimate of what a real Connect Server spends writing 1,000 jobs' properties to its
 * database (plus the LAN): what a user's run would see. `ratio_no_latency` is against the
 * instant in-memory simulator, where the node's fixed cost per run (n8n's engine passing 10,000
 * items in and out, reading and checking each item, about 20 ms) is set against a baseline of
 * 15 to 25 ms. `requests` counts what the node sent in a timed pass, to compare with
 * ceil(items / chunk size). Ends with `BENCH olconnect-many-properties items=… ratio=… requests=…`.
 *
 * `raw <url>` makes this file the baseline client.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import { Agent, request } from 'undici';

import { OlConnectApi } from '../../credentials/OlConnectApi.credentials';
import { OlConnectJobEntity } from '../../nodes/OlConnectJobEntity/OlConnectJobEntity.node.js';
import { runNode, TestCredentialsHelper } from '../../test/harness';
import { OLC_SIM_DEFAULTS } from '../../test/simulators/olconnect/settings';
import { startChild, type ChildHandle } from '../support/child';
import { median, requestPass, servePasses } from '../support/passes';
import { benchLine, peakRssMb } from '../support/measure';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-bench-'));

const ITEMS = Number(process.env.BENCH_OLC_ITEMS ?? 10_000);
const WARM_UP = 1_000;
const CHUNK_SIZE = Number(process.env.BENCH_OLC_CHUNK ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_OLC_CONCURRENCY ?? 4);
const SERVER_MS = Number(process.env.BENCH_OLC_SERVER_MS ?? 20);
const FIRST_JOB = 100_000;
const PASSES = 7;
const HOST = join(__dirname, '..', '..', 'test', 'simulators', 'olconnect', 'host.ts');

interface Pass {
	ms: number;
	updated: number;
	requests: number;
}

/** What a CSV export of job statuses looks like once n8n has read it. */
function rows(count: number, tag: string): IDataObject[] {
	return Array.from({ length: count }, (_, n) => ({ jobId: FIRST_JOB + n, status: `${tag}-${n % 7}`, batch: `B-${n % 50}` }));
}

/**
 * The baseline, in a child process: the same requests with nothing but undici. Logs in, warms up,
 * then serves timed passes (passes.ts).
 */
async function raw(url: string): Promise<void> {
	const dispatcher = new Agent({ connections: CONCURRENCY });
	const basic = Buffer.from(`${OLC_SIM_DEFAULTS.username}:${OLC_SIM_DEFAULTS.password}`).toString('base64');
	const login = await request(`${url}/rest/serverengine/authentication/login`, { method: 'POST', dispatcher, headers: { authorization: `Basic ${basic}` } });
	const token = await login.body.text();
	const sendAll = async (items: IDataObject[]): Promise<Omit<Pass, 'ms'>> => {
		let next = 0;
		let updated = 0;
		let requests = 0;
		const lane = async (): Promise<void> => {
			for (let start = next; start < items.length; start = next) {
				next += CHUNK_SIZE;
				const part = items.slice(start, start + CHUNK_SIZE);
				const body = part.map((row) => ({
					id: row.jobId,
					properties: [
						{ name: 'status', value: String(row.status) },
						{ name: 'batch', value: String(row.batch) },
					],
				}));
				requests++;
				const response = await request(`${url}/rest/serverengine/entity/jobs/properties`, {
					method: 'PUT',
					dispatcher,
					headers: { auth_token: token, 'content-type': 'application/json', accept: '*/*' },
					body: JSON.stringify(body),
				});
				await response.body.dump();
				if (response.statusCode === 200) updated += part.length;
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, lane));
		return { updated, requests };
	};
	await sendAll(rows(WARM_UP, 'warm'));
	servePasses(
		async (n) => {
			const items = rows(ITEMS, `raw${n}`);
			const started = performance.now();
			const result = await sendAll(items);
			return { ms: performance.now() - started, ...result };
		},
		async () => await dispatcher.close(),
	);
}

/** The node path: the operation in n8n's engine, the credential store kept across passes as n8n keeps the token. */
function nodeRunner(url: string): (items: IDataObject[]) => Promise<Omit<Pass, 'requests'>> {
	const credentialsHelper = new TestCredentialsHelper([new OlConnectApi()], [
		{
			id: 'bench',
			name: 'bench',
			type: 'olConnectApi',
			data: { serverUrl: url, authentication: 'login', username: OLC_SIM_DEFAULTS.username, password: OLC_SIM_DEFAULTS.password },
		},
	]);
	return async (items) => {
		const run = await runNode({
			type: new OlConnectJobEntity(),
			parameters: {
				resource: 'job',
				operation: 'updateManyProperties',
				jobId: '={{ $json.jobId }}',
				updateMode: 'replace',
				propertiesSource: 'fields',
				options: { chunkSize: CHUNK_SIZE, concurrency: CONCURRENCY },
			},
			items,
			credentials: { olConnectApi: { id: 'bench', name: 'bench', type: 'olConnectApi', data: {} } },
			credentialsHelper,
		});
		const failed = run.success.filter((item) => item.json.error !== undefined).length + (run.nodeError ? items.length : 0);
		// The node's run as n8n times it (what the editor shows), as in the other cases.
		return { ms: run.executionMs, updated: run.success.length - failed };
	};
}

async function requestsServed(host: ChildHandle, n: number): Promise<number> {
	host.process.kill('SIGUSR2');
	return (JSON.parse(await host.line(`STATS-${n} `)) as { requests: number }).requests;
}

/** One simulator, one baseline process, PASSES turns each. */
async function round(latencyMs: number): Promise<{ raw: Pass; node: Pass; rawTimes: number[]; nodeTimes: number[] }> {
	const host = startChild(HOST, [JSON.stringify({ jobs: ITEMS, firstJobId: FIRST_JOB, latencyMs })]);
	try {
		const url = await host.line('READY ');
		const baseline = startChild(__filename, ['raw', url]);
		await baseline.line('READY');
		const runNodePass = nodeRunner(url);
		await runNodePass(rows(WARM_UP, 'warm'));
		const rawTimes: number[] = [];
		const nodeTimes: number[] = [];
		let rawPass: Pass = { ms: 0, updated: 0, requests: 0 };
		let nodePass: Pass = { ms: 0, updated: 0, requests: 0 };
		for (let pass = 1; pass <= PASSES; pass++) {
			rawPass = await requestPass<Pass>(baseline, pass);
			rawTimes.push(rawPass.ms);
			const items = rows(ITEMS, `node${pass}`);
			const before = await requestsServed(host, 2 * pass - 1);
			const timed = await runNodePass(items);
			nodePass = { ...timed, requests: (await requestsServed(host, 2 * pass)) - before };
			nodeTimes.push(timed.ms);
		}
		await baseline.stop();
		if (nodePass.updated !== ITEMS || rawPass.updated !== ITEMS) throw new Error('Not every job was updated');
		return { raw: { ...rawPass, ms: median(rawTimes) }, node: { ...nodePass, ms: median(nodeTimes) }, rawTimes, nodeTimes };
	} finally {
		await host.stop();
	}
}

function report(label: string, result: Awaited<ReturnType<typeof round>>): void {
	const times = (values: number[]) => values.map((ms) => ms.toFixed(0)).join(', ');
	console.log(`${label}`);
	console.log(`  raw undici: ${result.raw.ms.toFixed(0)} ms in ${result.raw.requests} requests (passes: ${times(result.rawTimes)})`);
	console.log(`  node:       ${result.node.ms.toFixed(0)} ms in ${result.node.requests} requests (passes: ${times(result.nodeTimes)})`);
}

async function main(): Promise<void> {
	const instant = await round(0);
	report('instant simulator', instant);
	const served = await round(SERVER_MS);
	report(`simulator answering after ${SERVER_MS} ms`, served);
	console.log(
		benchLine('olconnect-many-properties', {
			items: ITEMS,
			ratio: served.node.ms / served.raw.ms,
			requests: served.node.requests,
			chunk_size: CHUNK_SIZE,
			ratio_no_latency: instant.node.ms / instant.raw.ms,
			server_ms: SERVER_MS,
			node_ms: served.node.ms,
			raw_ms: served.raw.ms,
			peak_rss_mb: peakRssMb(),
		}),
	);
}

if (process.argv[2] === 'raw') void raw(process.argv[3]);
else
	void main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
