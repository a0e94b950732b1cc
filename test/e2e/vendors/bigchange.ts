import { startBigChangeDemoSimulator } from '../../../scripts/demo/simulators/bigchange';
import type { E2eVendor } from './types';

/** The jobs scripts/demo/bigchange.ts seeds, which examples/bigchange-update-jobs.json changes. */
export const bigchange: E2eVendor = {
	vendor: 'bigchange',
	nodeDisplayName: 'BigChange Job Update',
	credentialType: 'bigChangeApi',
	credentialName: 'BigChange (simulator)',
	secretFields: ['clientSecret'],
	devPort: 5702,
	startSimulator: startBigChangeDemoSimulator,
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
