/**
 * The node's first full-size run in a fresh process, after only the small warm-up: its time, and the
 * process's peak RSS, which is then the memory one run of this size needs. Prints `RESULT {json}`.
 */
import { peakRssMb } from './measure';
import { vbaNodeRunner } from './vba-node';
import { jobRecords, WARM_UP_ITEMS } from './vba-workload';

async function main(): Promise<void> {
	const { baseUrl, items, options } = JSON.parse(process.argv[2]) as { baseUrl: string; items: number; options: Record<string, number> };
	const { run } = vbaNodeRunner(baseUrl);
	await run(jobRecords(WARM_UP_ITEMS, 'WARM-FIRST'), options);
	const result = await run(jobRecords(items, 'NODE-FIRST'), options);
	console.log(`RESULT ${JSON.stringify({ ...result, peakRssMb: peakRssMb() })}`);
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
