/**
 * One VBA round at one round trip, in a process started with the simulator's certificate trusted:
 * the simulator (HTTPS, VBAPI's 25/s limit, server time growing with the batch) behind a delay
 * proxy; the node's run with its defaults, then the raw undici client and the bare n8n floor with
 * the node's lanes (the most connections it had open at once) and VBAPI's pace.
 */
import { join } from 'path';

import { runChildForResult } from './child';
import { measured, startNetworked, type TlsFiles } from './network';
import { sleep } from './lanes';
import { vbaFloor } from './vba-floor';
import { vbaNodeRunner } from './vba-node';
import { jobRecords } from './vba-workload';
import { commonFigures } from './measure';

export const VBA_RATE = 25;
const BATCH_SIZE = 100;
/** VBAPI refills 25 tokens a second up to 50: this long idle gives every path a full bucket. */
const REFILL_MS = 2_500;

export interface VbaRoundOptions {
	rttMs: number;
	items: number;
	serverMs: { fixed: number; perRecord: number };
	tls: TlsFiles;
	/** Records for the warm-up run (n8n's engine and the node's code warm, the token cached). */
	warmUp: number;
}

export interface VbaRoundResult {
	requests: number;
	nodeMs: number;
	cpuUs: number;
	peakRssMb: number;
	success: number;
	lanes: number;
	connections: number;
	rateLimited: number;
	rawMs: number;
	rawSaved: number;
	rawThrottled: number;
	floorMs: number;
	floorThrottled: number;
}

export async function vbaRound(options: VbaRoundOptions): Promise<VbaRoundResult> {
	const net = await startNetworked(join(__dirname, 'vba-host.ts'), { rateLimit: true, tls: options.tls, serverMs: options.serverMs }, options.rttMs);
	const serverStats = async (): Promise<{ rateLimited: number }> => {
		const line = net.host.line('STATS ');
		net.host.process.kill('SIGUSR2');
		return JSON.parse(await line) as { rateLimited: number };
	};
	try {
		const { run, credentialsHelper } = vbaNodeRunner(net.baseUrl);
		await run(jobRecords(options.warmUp, 'WARM'), { batchSize: BATCH_SIZE });
		const records = jobRecords(options.items, 'NODE');
		await sleep(REFILL_MS);
		const before = await serverStats();
		const wireBefore = await net.proxyStats();
		// The node's defaults apart from the batch size: whatever lanes and pace it chooses.
		const node = await measured(async () => await run(records, { batchSize: BATCH_SIZE }));
		const wire = await net.proxyStats();
		const after = await serverStats();
		const lanes = wire.peakOpen;
		const requests = Math.ceil(options.items / BATCH_SIZE);

		await sleep(REFILL_MS);
		const raw = await runChildForResult<{ ms: number; saved: number; throttled: number }>(join(__dirname, 'vba-raw.ts'), [
			JSON.stringify({ baseUrl: net.baseUrl, items: options.items, batchSize: BATCH_SIZE, lanes, requestsPerSecond: VBA_RATE, prefix: 'RAW' }),
		]);
		await sleep(REFILL_MS);
		const floor = await vbaFloor(credentialsHelper, net.baseUrl, jobRecords(options.items, 'BARE'), BATCH_SIZE, lanes, VBA_RATE);
		return {
			requests,
			nodeMs: node.result.nodeMs,
			cpuUs: node.cpuUs,
			peakRssMb: node.peakRssMb,
			success: node.result.success,
			lanes,
			connections: wire.connections - wireBefore.connections,
			rateLimited: after.rateLimited - before.rateLimited,
			rawMs: raw.ms,
			rawSaved: raw.saved,
			rawThrottled: raw.throttled,
			floorMs: floor.ms,
			floorThrottled: floor.throttled,
		};
	} finally {
		await net.stop();
	}
}

/** The figures of a VBA BENCH line (see bench/cases/vba-upsert.ts). */
export function vbaFigures(rttMs: number, items: number, r: VbaRoundResult): Record<string, number> {
	const idealMs = (r.requests / VBA_RATE) * 1000;
	return {
		...commonFigures(rttMs, items, r, idealMs),
		lanes: r.lanes,
		requests: r.requests,
		connections: r.connections,
		status_429: r.rateLimited,
		errors: items - r.success + (items - r.rawSaved),
	};
}
