/**
 * Runs the OL Connect simulator in its own process, for benchmarks and manual tries: prints
 * `READY <url>`, then `STATS-<n> {json}` on each SIGUSR2 (requests served so far, by status).
 * Argument: JSON `{ jobs?: number, firstJobId?: number, errorStyle?, security?, latencyMs? }`;
 * `tls` serves HTTPS; `latencyMs` holds every answer back that long, standing in for the network and the real
 * server's database work.
 */
import { readFileSync } from 'node:fs';

import { createOlConnectSimulator, manyJobs } from './index';

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2] ?? '{}') as {
		jobs?: number;
		firstJobId?: number;
		errorStyle?: 'json' | 'legacy';
		security?: boolean;
		latencyMs?: number;
		/** Key and certificate files (PEM): serve HTTPS. */
		tls?: { keyFile: string; certFile: string };
	};
	const sim = await createOlConnectSimulator({
		jobs: manyJobs(options.jobs ?? 10_000, options.firstJobId),
		errorStyle: options.errorStyle,
		security: options.security,
		logging: false,
		https: options.tls ? { key: readFileSync(options.tls.keyFile), cert: readFileSync(options.tls.certFile) } : undefined,
	});
	if (options.latencyMs) sim.server.faults.setLatency(options.latencyMs);
	let reports = 0;
	process.on('SIGUSR2', () => console.log(`STATS-${++reports} ${JSON.stringify(sim.server.stats())}`));
	process.on('SIGTERM', () => {
		void sim.stop().then(() => process.exit(0));
	});
	console.log(`READY ${sim.url}`);
}

void main();
