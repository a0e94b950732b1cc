/**
 * VBA Batch Upsert with the simulator's rate limit on (25 requests/s sustained, bursts of 50 per
 * API key, 429 with Retry-After beyond that) and the node's default pacing. The ideal is the least
 * time that token bucket allows for the same requests: (requests − burst) / rate. A ratio near 1
 * with errors=0 means the node uses the whole allowance without tripping the limit.
 */
import { join } from 'path';

import { startChild } from '../support/child';
import { benchLine, peakRssMb } from '../support/measure';
import { vbaNodeRunner } from '../support/vba-node';
import { jobRecords } from '../support/vba-workload';

const ITEMS = Number(process.env.BENCH_VBA_PACED_ITEMS ?? 50_000);
const BATCH_SIZE = 100;
const RATE = 25;
const BURST = 50;

async function main(): Promise<void> {
	const host = startChild(join(__dirname, '..', 'support', 'vba-host.ts'), [JSON.stringify({ rateLimit: true })]);
	try {
		const baseUrl = await host.line('READY ');
		const { run: runVbaNode } = vbaNodeRunner(baseUrl);
		// The node's defaults: 25 requests/s, 5 at once.
		const node = await runVbaNode(jobRecords(ITEMS, 'PACED'), { batchSize: BATCH_SIZE });
		const requests = Math.ceil(ITEMS / BATCH_SIZE) + 1; // the batches and the login
		const idealMs = (Math.max(0, requests - BURST) / RATE) * 1000;
		const statsLine = host.line('STATS ');
		host.process.kill('SIGUSR2');
		const stats = JSON.parse(await statsLine) as { rateLimited: number };
		console.log(`node: ${node.ms.toFixed(0)} ms for ${requests} requests; ideal ${idealMs.toFixed(0)} ms; ${stats.rateLimited} answered 429`);
		console.log(
			benchLine('vba-upsert-paced', {
				items: ITEMS,
				ratio: node.ms / idealMs,
				errors: node.errors + (ITEMS - node.success - node.errors) + stats.rateLimited,
				node_ms: node.ms,
				ideal_ms: idealMs,
				peak_rss_mb: peakRssMb(),
			}),
		);
	} finally {
		await host.stop();
	}
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
