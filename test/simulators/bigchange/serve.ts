/**
 * Runs the BigChange simulator on its own, for benchmarks (as a child process) or for trying the
 * node in a local n8n: `tsx test/simulators/bigchange/serve.ts '{"jobs":100,"port":8787}'`.
 * Prints `READY <baseUrl>` once listening; credentials are BIGCHANGE_SIM_DEFAULTS.
 */
import { readFileSync } from 'node:fs';

import { CONTACT, JOB_TYPE } from './fixtures';
import { createBigChangeSimulator } from './simulator';

interface ServeOptions {
	/** Jobs to seed, with IDs from 1001 up. */
	jobs?: number;
	port?: number;
	/** False keeps no request log, so a long benchmark does not grow the simulator's memory. */
	logging?: boolean;
	latencyMs?: number;
	/** Key and certificate files (PEM): serve HTTPS. */
	tls?: { keyFile: string; certFile: string };
}

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2] ?? '{}') as ServeOptions;
	const https = options.tls ? { key: readFileSync(options.tls.keyFile), cert: readFileSync(options.tls.certFile) } : undefined;
	const sim = await createBigChangeSimulator({ port: options.port, logging: options.logging ?? true, https });
	for (let n = 0; n < (options.jobs ?? 0); n++) {
		sim.seedJob({ typeId: n % 2 ? JOB_TYPE.repair : JOB_TYPE.boilerService, contactId: CONTACT.acme, description: `Job ${n}` });
	}
	if (options.latencyMs) sim.server.faults.setLatency(options.latencyMs);
	console.log(`READY ${sim.baseUrl}`);
	process.on('SIGTERM', () => {
		void sim.stop().then(() => process.exit(0));
	});
}

void main();
