/**
 * 100,000 Job records through VBA Batch Upsert in n8n's engine, against a raw undici client sending
 * the same batches with the same concurrency to the same simulator (no rate limit, so the ratio is
 * the node's own overhead). Each path logs in and warms up on 2,000 records before the timed run.
 * `floor_ratio` is n8n's own request path doing the same PUTs with no per-item work (bare node):
 * what any node pays before doing anything. Ends with `BENCH vba-upsert items=… ratio=… peak_rss_mb=…`.
 */
import { join } from 'path';

import { runChildForResult, startChild } from '../support/child';
import { benchLine, peakRssMb } from '../support/measure';
import { bareRequestLoop } from '../support/vba-floor';
import { vbaNodeRunner } from '../support/vba-node';
import { jobRecords, WARM_UP_ITEMS } from '../support/vba-workload';

const ITEMS = Number(process.env.BENCH_VBA_ITEMS ?? 100_000);
const OPTIONS = { batchSize: 100, concurrency: 5, requestsPerSecond: 0 };

async function main(): Promise<void> {
	const host = startChild(join(__dirname, '..', 'support', 'vba-host.ts'), [JSON.stringify({ rateLimit: false })]);
	try {
		const baseUrl = await host.line('READY ');
		const raw = await runChildForResult<{ ms: number; saved: number }>(join(__dirname, '..', 'support', 'vba-raw.ts'), [
			JSON.stringify({ baseUrl, items: ITEMS, batchSize: OPTIONS.batchSize, concurrency: OPTIONS.concurrency }),
		]);
		const { run: runVbaNode, credentialsHelper } = vbaNodeRunner(baseUrl);
		await runVbaNode(jobRecords(WARM_UP_ITEMS, 'WARM-NODE'), OPTIONS);
		const node = await runVbaNode(jobRecords(ITEMS, 'NODE'), OPTIONS);
		// Taken before the bare run, so it is the node run's own high-water mark.
		const peakRss = peakRssMb();
		const bareMs = await bareRequestLoop(credentialsHelper, baseUrl, jobRecords(ITEMS, 'BARE'), OPTIONS.batchSize, OPTIONS.concurrency);

		console.log(`raw undici:          ${raw.ms.toFixed(0)} ms, ${raw.saved} saved`);
		console.log(`node:                ${node.ms.toFixed(0)} ms, ${node.success} saved, ${node.errors} failed`);
		console.log(`bare n8n requests:   ${bareMs.toFixed(0)} ms`);
		if (node.success !== ITEMS || raw.saved !== ITEMS) throw new Error('Not every record was saved');
		console.log(
			benchLine('vba-upsert', {
				items: ITEMS,
				ratio: node.ms / raw.ms,
				floor_ratio: bareMs / raw.ms,
				node_ms: node.ms,
				raw_ms: raw.ms,
				peak_rss_mb: peakRss,
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
