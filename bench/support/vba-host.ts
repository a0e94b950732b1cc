/** Runs the VBAPI simulator in its own process for a benchmark; prints `READY <baseUrl>`. */
import { getNestedModel, listEntities } from '../../nodes/VbaBatchUpsert/catalog';
import { createVbaSimulator, simCatalogFrom } from '../../test/simulators/vba';

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2] ?? '{}') as { rateLimit?: boolean };
	const criteriaDetail = getNestedModel('CriteriaDetail');
	const sim = await createVbaSimulator({
		catalog: simCatalogFrom(listEntities()),
		models: criteriaDetail ? new Map([['CriteriaDetail', criteriaDetail]]) : undefined,
		rateLimit: options.rateLimit ?? false,
		logging: false,
	});
	// Only keys are kept, so the simulator's memory does not grow with the run.
	sim.settings.keepRecords = false;
	// SIGUSR2 asks what the server saw (429s sent, …) without a request that would count itself.
	process.on('SIGUSR2', () => console.log(`STATS ${JSON.stringify(sim.server.stats())}`));
	console.log(`READY ${sim.baseUrl}`);
	process.on('SIGTERM', () => {
		void sim.stop().then(() => process.exit(0));
	});
}

void main();
