/**
 * Two VBA Batch Upsert executions at once in one n8n process, on one credential (one API key),
 * against the simulator's VBAPI limit (25 requests/s per key, bursts of 50, 429 beyond), over HTTPS
 * through the delay proxy at each round trip in RTTS_MS, server time 40 ms + 2 ms per record. Both
 * run at the node's defaults with batches of 100; what they do together is what a user with two
 * workflows on one key gets. Per round trip one `BENCH vba-two-executions rtt_ms=…` line:
 * - `together_ratio`: from both starting to both done ÷ the least time the key's limit allows for
 *   all their requests (requests ÷ 25 per second);
 * - `share_429`: the 429s the server sent ÷ all batch requests it received in that time;
 * - `every_item_once`: 1 when each run put out each of its items exactly once and every record was
 *   saved, else 0; `slower_ms`/`faster_ms`: each run's own time as n8n records it.
 */
import { join } from 'path';

import { sleep } from '../support/lanes';
import { benchLine, peakRssMb } from '../support/measure';
import { makeTlsFiles, QUICK, roundInChild, RTTS_MS, startNetworked, type TlsFiles } from '../support/network';
import { VBA_RATE } from '../support/vba-round';
import { vbaNodeRunner } from '../support/vba-node';
import { jobRecords } from '../support/vba-workload';
import { caseEntry } from '../support/entry';

const ITEMS_EACH = Number(process.env.BENCH_VBA_TWO_ITEMS ?? (QUICK ? 5_000 : 25_000));
const BATCH_SIZE = 100;
const SERVER_MS = { fixed: 40, perRecord: 2 };

interface TwoResult {
	togetherMs: number;
	runMs: number[];
	requests: number;
	received: number;
	rateLimited: number;
	eachOnce: boolean;
	peakRssMb: number;
	cpuUs: number;
}

async function round(args: { rttMs: number; tls: TlsFiles }): Promise<TwoResult> {
	const net = await startNetworked(join(__dirname, '..', 'support', 'vba-host.ts'), { rateLimit: true, tls: args.tls, serverMs: SERVER_MS }, args.rttMs);
	const serverStats = async (): Promise<{ requests: number; rateLimited: number }> => {
		const line = net.host.line('STATS ');
		net.host.process.kill('SIGUSR2');
		return JSON.parse(await line) as { requests: number; rateLimited: number };
	};
	try {
		// One credential store: both executions use the same credential, as two workflows in one n8n do.
		const { run } = vbaNodeRunner(net.baseUrl);
		await run(jobRecords(1_000, 'WARM'), { batchSize: BATCH_SIZE });
		const inputs = [jobRecords(ITEMS_EACH, 'FIRST'), jobRecords(ITEMS_EACH, 'SECOND')];
		await sleep(2_500);
		const before = await serverStats();
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		const runs = await Promise.all(inputs.map(async (items) => await run(items, { batchSize: BATCH_SIZE })));
		const togetherMs = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		const after = await serverStats();
		return {
			togetherMs,
			runMs: runs.map((r) => r.nodeMs),
			requests: 2 * Math.ceil(ITEMS_EACH / BATCH_SIZE),
			received: after.requests - before.requests,
			rateLimited: after.rateLimited - before.rateLimited,
			eachOnce: runs.every((r) => r.eachOnce && r.success === ITEMS_EACH),
			peakRssMb: peakRssMb(),
			cpuUs: cpu.user + cpu.system,
		};
	} finally {
		await net.stop();
	}
}

async function main(): Promise<void> {
	const tls = makeTlsFiles();
	for (const rttMs of RTTS_MS) {
		const r = await roundInChild<TwoResult>(__filename, { rttMs }, tls);
		const idealMs = (r.requests / VBA_RATE) * 1000;
		console.log(
			benchLine('vba-two-executions', {
				rtt_ms: rttMs,
				items_each: ITEMS_EACH,
				together_ratio: r.togetherMs / idealMs,
				share_429: r.received ? r.rateLimited / r.received : 0,
				every_item_once: r.eachOnce ? 1 : 0,
				together_ms: r.togetherMs,
				ideal_ms: idealMs,
				slower_ms: Math.max(...r.runMs),
				faster_ms: Math.min(...r.runMs),
				requests: r.requests,
				received: r.received,
				status_429: r.rateLimited,
				peak_rss_mb: r.peakRssMb,
				cpu_us_per_item: r.cpuUs / (2 * ITEMS_EACH),
			}),
		);
	}
}

caseEntry({ main, round });
