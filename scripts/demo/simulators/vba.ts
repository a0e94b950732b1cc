import { getNestedModel, listEntities } from '../../../nodes/VbaBatchUpsert/catalog';
import { createVbaSimulator, simCatalogFrom, VBA_SIM_DEFAULTS, type VbaSimulator } from '../../../test/simulators/vba';
import type { DemoSimulator } from '../types';

/** The whole catalog, and one job that already exists so the example shows an update. */
export async function startVbaDemoSimulator(port?: number): Promise<DemoSimulator<VbaSimulator>> {
	const criteriaDetail = getNestedModel('CriteriaDetail');
	const sim = await createVbaSimulator({
		catalog: simCatalogFrom(listEntities()),
		models: criteriaDetail ? new Map([['CriteriaDetail', criteriaDetail]]) : undefined,
		port,
	});
	sim.seedRecords(VBA_SIM_DEFAULTS.database, '/jobs-batch', [{ job_ID: 'ELIG-LOAD', description: 'Eligibility load' }]);
	const D = VBA_SIM_DEFAULTS;
	return {
		sim,
		credentialData: {
			baseUrl: sim.baseUrl,
			apiKey: D.apiKey,
			username: D.username,
			password: D.password,
			clientId: D.clientId,
			clientCode: D.clientCode,
			database: D.database,
		},
		server: sim.server,
		stop: async () => await sim.stop(),
	};
}
