import { BIGCHANGE_SIM_DEFAULTS, CONTACT, createBigChangeSimulator, JOB_TYPE, PERSON } from '../../simulators/bigchange';
import type { E2eVendor } from './types';

/** The jobs scripts/demo/bigchange.ts seeds, which examples/bigchange-update-jobs.json changes. */
export const bigchange: E2eVendor = {
	vendor: 'bigchange',
	nodeDisplayName: 'BigChange Job Update',
	credentialType: 'bigChangeApi',
	credentialName: 'BigChange (simulator)',
	secretFields: ['clientSecret'],
	devPort: 5702,
	async startSimulator(port) {
		const sim = await createBigChangeSimulator({ port });
		sim.seedJob({ id: 1001, typeId: JOB_TYPE.repair, contactId: CONTACT.acme, description: 'Leaking valve', plannedDuration: 60 });
		sim.seedJob({ id: 1002, typeId: JOB_TYPE.installation, contactId: CONTACT.acme, orderNumber: 'PO-2002' });
		sim.seedJob({ id: 1003, typeId: JOB_TYPE.boilerService, contactId: CONTACT.brightside, description: 'Annual service', status: 'started' });
		sim.seedJob({ id: 1004, typeId: JOB_TYPE.repair, contactId: CONTACT.acme, personId: PERSON.acmeSiteManager });
		sim.seedJob({ id: 1005, typeId: JOB_TYPE.repair, contactId: CONTACT.acme });
		const D = BIGCHANGE_SIM_DEFAULTS;
		return {
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
	},
	expectations: {
		// As test/bigchange/example.test.ts: two updates land, BigChange refuses two, one bad value never leaves.
		'bigchange-update-jobs.json': {
			node: 'BigChange Job Update',
			outcomes: ['success', 'error', 'error', 'success', 'error'],
			errorText: {
				1: 'Job 1002: orderNumber: An order number is required for this job type.',
				2: 'Job 1003 has already started or been completed',
				4: 'Item 4: Planned Duration (plannedDuration) must be a whole number of minutes',
			},
			received: { PATCH: 4 },
		},
	},
};
