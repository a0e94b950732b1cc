/**
 * Runs the Rightsline simulator in its own process for a benchmark: prints `READY <baseUrl>`, and on
 * each SIGUSR2 `STATS <n> {json}` with every batch's timing and poll count (n counts from 1).
 */
import { readFileSync } from 'node:fs';

import { createRightslineSimulator } from '../index';
import type { BatchTiming } from '../settings';

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2] ?? '{}') as { timing?: BatchTiming; latencyMs?: number; tls?: { keyFile: string; certFile: string } };
	const https = options.tls ? { key: readFileSync(options.tls.keyFile), cert: readFileSync(options.tls.certFile) } : undefined;
	const sim = await createRightslineSimulator({ timing: options.timing, logging: false, https });
	// The gateway's and the API's own time per request (a batch's processing runs on its own clock).
	if (options.latencyMs) sim.server.faults.setLatency(options.latencyMs);
	console.log(`READY ${sim.baseUrl}`);
	let reports = 0;
	process.on('SIGUSR2', () => {
		const batches = sim.batchList().map((batch) => ({ id: batch.id, size: batch.size, createdAt: batch.createdAt, finishesAt: batch.finishesAt, polls: batch.polls, status: batch.status ?? null }));
		console.log(`STATS ${++reports} ${JSON.stringify({ batches, rateLimited: sim.server.stats().rateLimited, requests: sim.server.stats().requests })}`);
	});
	process.on('SIGTERM', () => {
		void sim.stop().then(() => process.exit(0));
	});
}

void main();
