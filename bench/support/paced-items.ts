/**
 * A case of one request per item at the node's default pace (BigChange's PATCH per job, OL Connect's
 * PUT per job): the node at its defaults in n8n's engine, over HTTPS through the delay proxy at each
 * round trip in RTTS_MS, against a simulator that holds each answer back `serverMs`. Each round trip
 * runs in a fresh process that trusts the simulator's certificate through NODE_EXTRA_CA_CERTS.
 *
 * Per round trip one `BENCH <name> rtt_ms=…` line: `limit_ratio` = the node's time ÷ the least time
 * its default pace allows (items ÷ pace); `floor_ratio` ÷ n8n's bare helper sending the same
 * requests with the node's lanes and pace; `raw_ratio` ÷ a keep-alive undici client doing the same
 * through the same proxy; `peak_rss_mb` and `cpu_us_per_item` of the process over the node's run.
 * `ratio` is raw_ratio, the figure these cases reported first.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { Agent, request } from 'undici';

import type { TestCredentialsHelper } from '../../test/harness';
import { runChildForResult } from './child';
import { caseEntry } from './entry';
import { bareRequestLoop } from './floor';
import { inLanes, pacer, retryAfterMs, sleep } from './lanes';
import { benchLine, commonFigures, type RoundTimes } from './measure';
import { makeTlsFiles, measured, roundInChild, RTTS_MS, startNetworked, type TlsFiles } from './network';

/** One request of the raw client: a path under the base URL, and its JSON body. */
export interface RawRequest {
	method: 'PATCH' | 'PUT' | 'POST' | 'GET';
	path: string;
	body?: unknown;
}

export interface PacedItemsCase {
	name: string;
	/** The case file (its `raw` mode is the baseline client's process). */
	file: string;
	items: number;
	warmUp: number;
	/** The node's default Requests per Second. */
	pace: number;
	serverMs: number;
	/** The simulator host module and its options (it prints `READY <url>`). */
	host: { module: string; options: object };
	credentialType: string;
	credentials: (baseUrl: string) => TestCredentialsHelper;
	/** The node at its defaults on items 0..count-1 (tagged so passes differ); how many came out without error. */
	node: (credentialsHelper: TestCredentialsHelper, count: number, tag: string) => Promise<{ nodeMs: number; success: number }>;
	/** Item n's request through n8n's helper, for the floor. */
	floorRequest: (baseUrl: string, n: number, tag: string) => IHttpRequestOptions;
	raw: {
		/** Logs in as the credential would; the headers every request then carries. */
		login: (baseUrl: string, dispatcher: Agent) => Promise<Record<string, string>>;
		request: (n: number, tag: string) => RawRequest;
		/** The status that says the item was applied. */
		okStatus: number;
	};
}

interface Round extends RoundTimes {
	lanes: number;
}

interface RawOptions {
	baseUrl: string;
	lanes: number;
}

/** The baseline, in its own process: logs in, then sends the same requests with the node's lanes and pace. */
async function rawClient(spec: PacedItemsCase, options: RawOptions): Promise<void> {
	const dispatcher = new Agent({ connections: options.lanes });
	const headers = { 'content-type': 'application/json', accept: 'application/json', ...(await spec.raw.login(options.baseUrl, dispatcher)) };
	const nextSlot = pacer(spec.pace);
	let applied = 0;
	const started = performance.now();
	await inLanes(spec.items, options.lanes, async (n) => {
		const { method, path, body } = spec.raw.request(n, 'raw');
		for (;;) {
			await nextSlot();
			const response = await request(`${options.baseUrl}${path}`, { method, dispatcher, headers, body: body === undefined ? undefined : JSON.stringify(body) });
			await response.body.dump();
			if (response.statusCode === 429) {
				await sleep(retryAfterMs(response.headers['retry-after']));
				continue;
			}
			if (response.statusCode === spec.raw.okStatus) applied++;
			return;
		}
	});
	const ms = performance.now() - started;
	await dispatcher.close();
	console.log(`RESULT ${JSON.stringify({ ms, applied })}`);
}

async function round(spec: PacedItemsCase, args: { rttMs: number; tls: TlsFiles }): Promise<Round> {
	const net = await startNetworked(spec.host.module, { ...spec.host.options, latencyMs: spec.serverMs, tls: args.tls }, args.rttMs);
	try {
		const credentialsHelper = spec.credentials(net.baseUrl);
		await spec.node(credentialsHelper, spec.warmUp, 'warm');
		await net.proxyStats();
		const timed = await measured(async () => await spec.node(credentialsHelper, spec.items, 'node'));
		const lanes = (await net.proxyStats()).peakOpen;
		const rawRun = await runChildForResult<{ ms: number; applied: number }>(spec.file, ['raw', JSON.stringify({ baseUrl: net.baseUrl, lanes } satisfies RawOptions)]);
		const requests = Array.from({ length: spec.items }, (_, n) => () => spec.floorRequest(net.baseUrl, n, 'bare'));
		const floor = await bareRequestLoop(credentialsHelper, spec.credentialType, requests, lanes, spec.pace);
		if (timed.result.success !== spec.items || rawRun.applied !== spec.items) {
			throw new Error(`Not every item was applied: node ${timed.result.success}, raw ${rawRun.applied} of ${spec.items}`);
		}
		return { nodeMs: timed.result.nodeMs, cpuUs: timed.cpuUs, peakRssMb: timed.peakRssMb, lanes, rawMs: rawRun.ms, floorMs: floor.ms };
	} finally {
		await net.stop();
	}
}

async function main(spec: PacedItemsCase): Promise<void> {
	const tls = makeTlsFiles();
	for (const rttMs of RTTS_MS) {
		const r = await roundInChild<Round>(spec.file, { rttMs }, tls);
		const idealMs = (spec.items / spec.pace) * 1000;
		console.log(
			benchLine(spec.name, {
				...commonFigures(rttMs, spec.items, r, idealMs),
				ratio: r.nodeMs / r.rawMs,
				lanes: r.lanes,
				pace: spec.pace,
				server_ms: spec.serverMs,
			}),
		);
	}
}

/** Runs the case as `caseEntry` does: `main` with no argument, `round` and `raw` in child processes. */
export function pacedItemsCase(spec: PacedItemsCase): void {
	caseEntry({
		main: async () => await main(spec),
		round: async (args: { rttMs: number; tls: TlsFiles }) => await round(spec, args),
		raw: async (options: RawOptions) => await rawClient(spec, options),
	});
}
