import { startOlConnectDemoSimulator } from '../../../scripts/demo/simulators/olconnect';
import type { E2eVendor } from './types';

/** As scripts/demo/olconnect.ts sets it up: the sample print jobs, logging in for a session token. */
export const olconnect: E2eVendor = {
	vendor: 'olconnect',
	nodeDisplayName: 'OL Connect Job Entity',
	credentialType: 'olConnectApi',
	credentialName: 'OL Connect (simulator)',
	secretFields: ['password'],
	devPort: 5703,
	startSimulator: startOlConnectDemoSimulator,
	expectations: {
		// As test/olconnect/example.test.ts: three jobs merged in one many-jobs request after reading each,
		// a job the server does not hold, and an ID that is not a number stopped before sending.
		'olconnect-update-job-properties.json': {
			node: 'OL Connect Job Entity',
			outcomes: ['success', 'success', 'success', 'error', 'error'],
			errorText: { 3: 'Job 4040: OL Connect has no job 4040', 4: 'Item 4: "Job ID" must be a positive whole number such as 12345, got "J-17"' },
			received: { GET: 4, PUT: 1 },
		},
	},
};
