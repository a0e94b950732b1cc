/**
 * Runs the VBAPI simulator in its own process for a benchmark; prints `READY <baseUrl>`.
 * Options (JSON): `rateLimit` (the documented 25/s, bursts of 50), `tls` (key and certificate files:
 * serve HTTPS), `serverMs` (the server's own time per request: `fixed` plus `perRecord` for each
 * record in a batch, since VBAPI writes each record to its database before it answers).
 */
import { getNestedModel, listEntities } from '../../nodes/VbaBatchUpsert/catalog';
import { createVbaSimulator, simCatalogFrom } from '../../test/simulators/vba';
import { readTls, type TlsFiles } from './network';

export interface VbaHostOptions {
	rateLimit?: boolean;
	tls?: TlsFiles;
	serverMs?: { fixed: number; perRecord: number };
}

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2] ?? '{}') as VbaHostOptions;
	const criteriaDetail = getNestedModel('CriteriaDetail');
	const sim = await createVbaSimulator({
		catalog: simCatalogFrom(listEntities()),
		models: criteriaDetail ? new Map([['CriteriaDetail', criteriaDetail]]) : undefined,
		rateLimit: options.rateLimit ?? false,
		https: options.tls ? readTls(options.tls) : undefined,
		logging: false,
	});
	// Only keys are kept, so the simulator's memory does not grow with the run.
	sim.settings.keepRecords = false;
	const serverMs = options.serverMs;
	if (serverMs) sim.server.faults.setLatency((req) => serverMs.fixed + serverMs.perRecord * (Array.isArray(req.body) ? req.body.length : 0));
	// SIGUSR2 asks what the server saw (429s sent, …) without a request that would count itself.
	process.on('SIGUSR2', () => console.log(`STATS ${JSON.stringify(sim.server.stats())}`));
	console.log(`READY ${sim.baseUrl}`);
	process.on('SIGTERM', () => {
		void sim.stop().then(() => process.exit(0));
	});
}

void main();
