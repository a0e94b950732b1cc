import { BIGCHANGE_SIM_DEFAULTS, CONTACT, createBigChangeSimulator, JOB_TYPE, PERSON, type BigChangeSimulator } from '../../../test/simulators/bigchange';
import type { DemoSimulator } from '../types';

const D = BIGCHANGE_SIM_DEFAULTS;

/** The five jobs examples/bigchange-update-jobs.json changes, in the states that show each outcome. */
export async function startBigChangeDemoSimulator(port?: number): Promise<DemoSimulator<BigChangeSimulator>> {
	const sim = await createBigChangeSimulator({ port });
	sim.seedJob({ id: 1001, typeId: JOB_TYPE.repair, contactId: CONTACT.acme, description: 'Leaking valve', plannedDuration: 60 });
	sim.seedJob({ id: 1002, typeId: JOB_TYPE.installation, contactId: CONTACT.acme, orderNumber: 'PO-2002' });
	sim.seedJob({ id: 1003, typeId: JOB_TYPE.boilerService, contactId: CONTACT.brightside, description: 'Annual service', status: 'started' });
	sim.seedJob({ id: 1004, typeId: JOB_TYPE.repair, contactId: CONTACT.acme, personId: PERSON.acmeSiteManager });
	sim.seedJob({ id: 1005, typeId: JOB_TYPE.repair, contactId: CONTACT.acme });
	return {
		sim,
		credentialData: {
			customerId: D.customerId,
			authentication: 'clientCredentials',
			clientId: D.clientId,
			clientSecret: D.clientSecret,
			tokenUrl: sim.tokenUrl,
			baseUrl: sim.baseUrl,
		},
		server: sim.server,
		stop: async () => await sim.stop(),
	};
}
