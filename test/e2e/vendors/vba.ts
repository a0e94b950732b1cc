import { getNestedModel, listEntities } from '../../../nodes/VbaBatchUpsert/catalog';
import { createVbaSimulator, simCatalogFrom, VBA_SIM_DEFAULTS } from '../../simulators/vba';
import type { E2eVendor } from './types';

/** As scripts/demo/vba.ts sets it up: the whole catalog, and one job that already exists. */
export const vba: E2eVendor = {
	vendor: 'vba',
	nodeDisplayName: 'VBA Batch Upsert',
	credentialType: 'vbaSoftwareApi',
	credentialName: 'VBA (simulator)',
	secretFields: ['apiKey', 'password'],
	devPort: 5701,
	async startSimulator(port) {
		const criteriaDetail = getNestedModel('CriteriaDetail');
		const sim = await createVbaSimulator({
			catalog: simCatalogFrom(listEntities()),
			models: criteriaDetail ? new Map([['CriteriaDetail', criteriaDetail]]) : undefined,
			port,
		});
		sim.seedRecords(VBA_SIM_DEFAULTS.database, '/jobs-batch', [{ job_ID: 'ELIG-LOAD', description: 'Eligibility load' }]);
		const D = VBA_SIM_DEFAULTS;
		return {
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
	},
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
