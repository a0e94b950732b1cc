/**
 * 5,000 contacts through Rightsline Char-Type Batch (Submit, waiting) in n8n's engine, against the
 * simulator set to a fixed batch processing time, with the documented limits on (40 requests/s,
 * 10 unfinished batches). The ideal is the time the same batches take with 10 always in flight:
 * the sum of their processing times (from the simulator's own clock) over 10. A raw undici client
 * polling at a fixed 300 ms runs first for reference. Ends with
 * `BENCH rightsline-batch records=… ratio=<node time / ideal time> polls=<per batch> …`.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-bench-'));

import type { IDataObject } from 'n8n-workflow';

import { RightslineApi } from '../../credentials/RightslineApi.credentials';
import { RightslineCharTypeBatch } from '../../nodes/RightslineCharTypeBatch/RightslineCharTypeBatch.node.js';
import { runNode, TestCredentialsHelper } from '../../test/harness';
import { RIGHTSLINE_SIM_DEFAULTS } from '../../test/simulators/rightsline/settings';
import { runChildForResult, startChild, type ChildHandle } from '../support/child';
import { benchLine, peakRssMb } from '../support/measure';

const RECORDS = Number(process.env.BENCH_RIGHTSLINE_RECORDS ?? 5000);
const TIMING = { queuedMs: 500, processingMs: 2500, perRecordMs: 0 };
const LANES = 10;

interface BatchStats {
	id: number;
	createdAt: number;
	finishesAt: number;
	polls: number;
}

async function stats(host: ChildHandle, n: number): Promise<BatchStats[]> {
	host.process.kill('SIGUSR2');
	return (JSON.parse(await host.line(`STATS ${n} `)) as { batches: BatchStats[] }).batches;
}

function contacts(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, n) => ({
		title: `Contact ${n}`,
		template: { templateId: 1 },
		characteristics: { first_name: `First${n}`, last_name: `Last${n}`, department: n % 2 ? 'Sales' : 'Legal' },
	}));
}

async function runNodeOnce(baseUrl: string, items: IDataObject[]): Promise<{ ms: number; success: number; errors: number }> {
	const credentialsHelper = new TestCredentialsHelper([new RightslineApi()], [
		{
			id: 'bench',
			name: 'bench',
			type: 'rightslineApi',
			data: {
				environment: 'custom',
				customUrl: baseUrl,
				apiKey: RIGHTSLINE_SIM_DEFAULTS.apiKey,
				accessKey: RIGHTSLINE_SIM_DEFAULTS.accessKey,
				secretKey: RIGHTSLINE_SIM_DEFAULTS.secretKey,
			},
		},
	]);
	const started = performance.now();
	const run = await runNode({
		type: new RightslineCharTypeBatch(),
		parameters: { resource: 'batch', operation: 'submit', method: 'POST', sendAs: 'record', charType: 2, record: '={{ $json }}', waitForCompletion: true, options: {} },
		items,
		credentials: { rightslineApi: { id: 'bench', name: 'bench', type: 'rightslineApi', data: {} } },
		credentialsHelper,
	});
	return { ms: performance.now() - started, success: run.success.length, errors: run.errors.length + (run.nodeError ? 1 : 0) };
}

async function main(): Promise<void> {
	const host = startChild(join(__dirname, '..', '..', 'test', 'simulators', 'rightsline', 'bench', 'host.ts'), [JSON.stringify({ timing: TIMING })]);
	try {
		const baseUrl = await host.line('READY ');
		const raw = await runChildForResult<{ ms: number; created: number; polls: number }>(
			join(__dirname, '..', '..', 'test', 'simulators', 'rightsline', 'bench', 'raw-client.ts'),
			[JSON.stringify({ baseUrl, records: RECORDS, pollMs: 300 })],
		);
		const before = new Set((await stats(host, 1)).map((batch) => batch.id));
		const node = await runNodeOnce(baseUrl, contacts(RECORDS));
		const mine = (await stats(host, 2)).filter((batch) => !before.has(batch.id));
		const idealMs = mine.reduce((sum, batch) => sum + (batch.finishesAt - batch.createdAt), 0) / LANES;
		const polls = mine.reduce((sum, batch) => sum + batch.polls, 0) / mine.length;
		console.log(`raw undici (fixed 300 ms polls): ${raw.ms.toFixed(0)} ms, ${raw.created} created, ${(raw.polls / Math.ceil(RECORDS / 100)).toFixed(2)} polls/batch`);
		console.log(`node: ${node.ms.toFixed(0)} ms, ${node.success} on success, ${node.errors} on error; ideal ${idealMs.toFixed(0)} ms over ${mine.length} batches`);
		if (node.success !== RECORDS || raw.created !== RECORDS) throw new Error('Not every record was created');
		console.log(
			benchLine('rightsline-batch', {
				records: RECORDS,
				ratio: node.ms / idealMs,
				polls,
				batches: mine.length,
				node_ms: node.ms,
				ideal_ms: idealMs,
				raw_ms: raw.ms,
				raw_ratio: raw.ms / idealMs,
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
