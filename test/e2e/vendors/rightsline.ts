import { startRightslineDemoSimulator } from '../../../scripts/demo/simulators/rightsline';
import type { E2eVendor } from './types';

/** As scripts/demo/rightsline.ts sets it up: contacts know three fields, so a fourth is refused. */
export const rightsline: E2eVendor = {
	vendor: 'rightsline',
	nodeDisplayName: 'Rightsline Char-Type Batch',
	credentialType: 'rightslineApi',
	credentialName: 'Rightsline (simulator)',
	secretFields: ['apiKey', 'secretKey'],
	devPort: 5704,
	startSimulator: startRightslineDemoSimulator,
	expectations: {
		// As test/rightsline/example.test.ts: one batch of five records; the contact with a shoe size is refused alone.
		'rightsline-contacts-batch.json': {
			node: 'Rightsline Char-Type Batch',
			outcomes: ['success', 'error', 'success', 'success', 'success'],
			errorText: { 1: 'Rightsline did not create the contact: Invalid field found shoe_size. (400)' },
		},
	},
};
