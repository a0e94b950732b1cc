/**
 * 100,000 Job records through VBA Batch Upsert in n8n's engine, against a raw undici client sending
 * the same batches with the same concurrency to the same simulator (no rate limit, so the ratio is
 * the node's own overhead).
 *
 * Each path is timed on its first full-size run in a fresh process (`first_ratio`; that process's
 * peak RSS is `peak_rss_mb`), then warm, as a long-running n8n is, in ROUNDS alternating passes whose
 * medians give `ratio`. `floor_ratio` is n8n's own request path doing the same PUTs with no per-item
 * work (a bare node), measured in the same rounds: what any node pays before doing anything.
 *
 * A node's time is its run as n8n times it (the `executionTime` the editor shows on the node): the
 * raw client's time likewise starts with its records in hand. `workflow_ratio` is the whole two-node
 * workflow by the wall clock, which adds the upstream node handing over 100,000 items and the
 * engine's setup.
 */
import { join } from 'path';

import { runChildForResult, startChild } from '../support/child';
import { median, requestPass } from '../support/passes';
import { benchLine } from '../support/measure';
import { vbaFloor } from '../support/vba-floor';
import { vbaNodeRunner, type VbaNodeRun } from '../support/vba-node';
import { jobRecords, WARM_UP_ITEMS } from '../support/vba-workload';

const ITEMS = Number(process.env.BENCH_VBA_ITEMS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_VBA_ROUNDS ?? 7);
const OPTIONS = { batchSize: 100, concurrency: 5, requestsPerSecond: 0 };
const support = (file: string) => join(__dirname, '..', 'support', file);

interface RawPass {
	ms: number;
	saved: number;
}

async function main(): Promise<void> {
	const host = startChild(support('vba-host.ts'), [JSON.stringify({ rateLimit: false })]);
	try {
		const baseUrl = await host.line('READY ');
		const baseline = startChild(support('vba-raw.ts'), [
			JSON.stringify({ baseUrl, items: ITEMS, batchSize: OPTIONS.batchSize, concurrency: OPTIONS.concurrency }),
		]);
		try {
			await baseline.line('READY');
			const rawFirst = await requestPass<RawPass>(baseline, 1);
			const first = await runChildForResult<VbaNodeRun & { peakRssMb: number }>(support('vba-node-process.ts'), [
				JSON.stringify({ baseUrl, items: ITEMS, options: OPTIONS }),
			]);

			const { run: runVbaNode, credentialsHelper } = vbaNodeRunner(baseUrl);
			await runVbaNode(jobRecords(WARM_UP_ITEMS, 'WARM-NODE'), OPTIONS);
			await runVbaNode(jobRecords(ITEMS, 'WARM-NODE-FULL'), OPTIONS);
			await vbaFloor(credentialsHelper, baseUrl, jobRecords(WARM_UP_ITEMS, 'WARM-BARE'), OPTIONS.batchSize, OPTIONS.concurrency);

			const times = { raw: [] as number[], node: [] as number[], workflow: [] as number[], bare: [] as number[] };
			const saved = [rawFirst.saved, first.success];
			for (let round = 1; round <= ROUNDS; round++) {
				const rawPass = await requestPass<RawPass>(baseline, round + 1);
				const nodePass = await runVbaNode(jobRecords(ITEMS, `NODE-${round}`), OPTIONS);
				times.raw.push(rawPass.ms);
				times.node.push(nodePass.nodeMs);
				times.workflow.push(nodePass.ms);
				times.bare.push(await vbaFloor(credentialsHelper, baseUrl, jobRecords(ITEMS, `BARE-${round}`), OPTIONS.batchSize, OPTIONS.concurrency));
				saved.push(rawPass.saved, nodePass.success);
			}
			if (saved.some((count) => count !== ITEMS)) throw new Error(`Not every record was saved: ${saved.join(', ')}`);

			const list = (values: number[]) => values.map((ms) => ms.toFixed(0)).join(', ');
			console.log(`first run in a fresh process: raw undici ${rawFirst.ms.toFixed(0)} ms, node ${first.nodeMs} ms`);
			console.log(`raw undici passes:        ${list(times.raw)} ms`);
			console.log(`node passes:              ${list(times.node)} ms (whole workflow: ${list(times.workflow)} ms)`);
			console.log(`bare n8n request passes:  ${list(times.bare)} ms`);
			const rawMs = median(times.raw);
			console.log(
				benchLine('vba-upsert', {
					items: ITEMS,
					ratio: median(times.node) / rawMs,
					first_ratio: first.nodeMs / rawFirst.ms,
					floor_ratio: median(times.bare) / rawMs,
					workflow_ratio: median(times.workflow) / rawMs,
					node_ms: median(times.node),
					raw_ms: rawMs,
					rounds: ROUNDS,
					peak_rss_mb: first.peakRssMb,
				}),
			);
		} finally {
			await baseline.stop();
		}
	} finally {
		await host.stop();
	}
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
