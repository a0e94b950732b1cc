/**
 * `npm run demo`: starts each vendor's simulator, runs the matching workflow from examples/ through
 * n8n's real execution engine, and prints what came out, one table per node. No account needed.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-demo-'));
process.env.N8N_LOG_LEVEL ??= 'silent';

import { scenarios } from './demo/scenarios';
import type { DemoTable } from './demo/types';

function printTable(table: DemoTable): void {
	const cells = [table.columns, ...table.rows.map((row) => row.map(String))];
	const widths = table.columns.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
	const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
	console.log(`\n${table.title}`);
	console.log(line(table.columns));
	console.log(widths.map((width) => '-'.repeat(width)).join('  '));
	for (const row of cells.slice(1)) console.log(line(row));
	console.log(table.summary);
}

async function main(): Promise<void> {
	let failed = 0;
	for (const scenario of scenarios) {
		try {
			printTable(await scenario.run());
		} catch (error) {
			failed++;
			console.error(`\n${scenario.name}: the demo failed: ${(error as Error).stack ?? String(error)}`);
		}
	}
	// The AI Agent example needs a chat model, which the demo does not have.
	console.log('\nexamples/agent-batch-jobs-tools.json (the nodes as AI Agent tools) is not run here: it needs a chat model; `npm run test:e2e` runs it against a scripted one.');
	if (failed) process.exit(1);
}

void main();
