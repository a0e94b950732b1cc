import { createRightslineSimulator, RIGHTSLINE_SIM_DEFAULTS } from '../../simulators/rightsline';
import type { E2eVendor } from './types';

/** As scripts/demo/rightsline.ts sets it up: contacts know three fields, so a fourth is refused. */
export const rightsline: E2eVendor = {
	vendor: 'rightsline',
	nodeDisplayName: 'Rightsline Char-Type Batch',
	credentialType: 'rightslineApi',
	credentialName: 'Rightsline (simulator)',
	secretFields: ['apiKey', 'secretKey'],
	devPort: 5704,
	async startSimulator(port) {
		const sim = await createRightslineSimulator({
			fields: { '2': ['first_name', 'last_name', 'department'] },
			timing: { queuedMs: 300, processingMs: 900, perRecordMs: 0 },
			port,
		});
		const D = RIGHTSLINE_SIM_DEFAULTS;
		return {
			credentialData: { environment: 'custom', customUrl: sim.baseUrl, apiKey: D.apiKey, accessKey: D.accessKey, secretKey: D.secretKey, region: D.region },
			server: sim.server,
			stop: async () => await sim.stop(),
		};
	},
	expectations: {
		// As test/rightsline/example.test.ts: one batch of five records; the contact with a shoe size is refused alone.
		'rightsline-contacts-batch.json': {
			node: 'Rightsline Char-Type Batch',
			outcomes: ['success', 'error', 'success', 'success', 'success'],
			errorText: { 1: 'Rightsline did not create the contact: Invalid field found shoe_size. (400)' },
		},
	},
};
