/**
 * 100,000 Job records through VBA Batch Upsert in n8n's engine, against a raw undici client sending
 * the same batches with the same concurrency to the same simulator (no rate limit, so the ratio is
 * the node's own overhead).
 *
 * Each path is timed twice: its first full-size run in a fresh process (`first_ratio`; that process's
 * peak RSS is `peak_rss_mb`), and a run once the process has done one such run already, as a
 * long-running n8n has (`ratio`). `floor_ratio` is n8n's own request path doing the same PUTs with no
 * per-item work (a bare node), measured warm the same way: what any node pays before doing anything.
 */
import { join } from 'path';

import { runChildForResult, startChild } from '../support/child';
import { benchLine } from '../support/measure';
import { bareRequestLoop } from '../support/vba-floor';
import { vbaNodeRunner, type VbaNodeRun } from '../support/vba-node';
import { jobRecords, WARM_UP_ITEMS } from '../support/vba-workload';

const ITEMS = Number(process.env.BENCH_VBA_ITEMS ?? 100_000);
const OPTIONS = { batchSize: 100, concurrency: 5, requestsPerSecond: 0 };
const support = (file: string) => join(__dirname, '..', 'support', file);

interface RawRuns {
	first: { ms: number; saved: number };
	steady: { ms: number; saved: number };
}

async function main(): Promise<void> {
	const host = startChild(support('vba-host.ts'), [JSON.stringify({ rateLimit: false })]);
	try {
		const baseUrl = await host.line('READY ');
		const raw = await runChildForResult<RawRuns>(support('vba-raw.ts'), [
			JSON.stringify({ baseUrl, items: ITEMS, batchSize: OPTIONS.batchSize, concurrency: OPTIONS.concurrency }),
		]);
		const first = await runChildForResult<VbaNodeRun & { peakRssMb: number }>(support('vba-node-process.ts'), [
			JSON.stringify({ baseUrl, items: ITEMS, options: OPTIONS }),
		]);

		const { run: runVbaNode, credentialsHelper } = vbaNodeRunner(baseUrl);
		await runVbaNode(jobRecords(WARM_UP_ITEMS, 'WARM-NODE'), OPTIONS);
		await runVbaNode(jobRecords(ITEMS, 'WARM-NODE-FULL'), OPTIONS);
		const bareMs = await bareRequestLoop(credentialsHelper, baseUrl, jobRecords(ITEMS, 'BARE'), OPTIONS.batchSize, OPTIONS.concurrency);
		const steady = await runVbaNode(jobRecords(ITEMS, 'NODE-STEADY'), OPTIONS);

		console.log(`raw undici:         first ${raw.first.ms.toFixed(0)} ms, then ${raw.steady.ms.toFixed(0)} ms`);
		console.log(`node:               first ${first.ms.toFixed(0)} ms, then ${steady.ms.toFixed(0)} ms`);
		console.log(`bare n8n requests:  ${bareMs.toFixed(0)} ms`);
		const saved = [raw.first.saved, raw.steady.saved, first.success, steady.success];
		if (saved.some((count) => count !== ITEMS)) throw new Error(`Not every record was saved: ${saved.join(', ')}`);
		console.log(
			benchLine('vba-upsert', {
				items: ITEMS,
				ratio: steady.ms / raw.steady.ms,
				first_ratio: first.ms / raw.first.ms,
				floor_ratio: bareMs / raw.steady.ms,
				node_ms: steady.ms,
				raw_ms: raw.steady.ms,
				peak_rss_mb: first.peakRssMb,
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
