import { createRightslineSimulator, RIGHTSLINE_SIM_DEFAULTS, type RightslineSimulator } from '../../../test/simulators/rightsline';
import type { DemoSimulator } from '../types';

/**
 * Contacts know three fields here, so the sample contact with a shoe size is refused on its own; batches
 * finish in about a second so the example's wait is short.
 */
export async function startRightslineDemoSimulator(port?: number): Promise<DemoSimulator<RightslineSimulator>> {
	const sim = await createRightslineSimulator({
		fields: { '2': ['first_name', 'last_name', 'department'] },
		timing: { queuedMs: 300, processingMs: 900, perRecordMs: 0 },
		port,
	});
	const D = RIGHTSLINE_SIM_DEFAULTS;
	return {
		sim,
		credentialData: { environment: 'custom', customUrl: sim.baseUrl, apiKey: D.apiKey, accessKey: D.accessKey, secretKey: D.secretKey, region: D.region },
		server: sim.server,
		stop: async () => await sim.stop(),
	};
}
