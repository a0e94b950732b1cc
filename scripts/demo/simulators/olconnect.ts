import { createOlConnectSimulator, OLC_SIM_DEFAULTS, sampleJobs, type OlConnectSimulator } from '../../../test/simulators/olconnect';
import type { DemoSimulator } from '../types';

/** The sample jobs examples/olconnect-update-job-properties.json updates, behind a login. */
export async function startOlConnectDemoSimulator(port?: number): Promise<DemoSimulator<OlConnectSimulator>> {
	const sim = await createOlConnectSimulator({ jobs: sampleJobs(), port });
	return {
		sim,
		credentialData: { serverUrl: sim.url, authentication: 'login', username: OLC_SIM_DEFAULTS.username, password: OLC_SIM_DEFAULTS.password },
		server: sim.server,
		stop: async () => await sim.stop(),
	};
}
