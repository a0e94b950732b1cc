import { startVbaDemoSimulator } from '../../../scripts/demo/simulators/vba';
import type { E2eVendor } from './types';

/** As scripts/demo/vba.ts sets it up: the whole catalog, and one job that already exists. */
export const vba: E2eVendor = {
	vendor: 'vba',
	nodeDisplayName: 'VBA Batch Upsert',
	credentialType: 'vbaSoftwareApi',
	credentialName: 'VBA (simulator)',
	secretFields: ['apiKey', 'password'],
	devPort: 5701,
	startSimulator: startVbaDemoSimulator,
	expectations: {
		// Two new jobs, one that exists (updated), one over-long ID stopped before sending: one batch.
		'vba-upsert-jobs.json': {
			node: 'VBA Batch Upsert',
			outcomes: ['success', 'success', 'success', 'error'],
			errorText: { 3: 'Item 3: "job_ID" is 40 characters long; VBAPI allows at most 32' },
			received: { PUT: 1 },
		},
	},
};
