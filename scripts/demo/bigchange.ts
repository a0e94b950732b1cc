import { BigChangeApi } from '../../credentials/BigChangeApi.credentials';
import { BigChangeJobUpdate } from '../../nodes/BigChangeJobUpdate/BigChangeJobUpdate.node.js';
import { BIGCHANGE_SIM_DEFAULTS, CONTACT, createBigChangeSimulator, JOB_TYPE, PERSON } from '../../test/simulators/bigchange';
import { pairedIndex, runExample } from './run-example';
import type { DemoScenario } from './types';

const D = BIGCHANGE_SIM_DEFAULTS;

/** A pasted link is long; the table shows its end, where the job ID is. */
function jobText(job: unknown): string {
	const text = String(job ?? '');
	return text.length > 24 ? `…${text.slice(-20)}` : text;
}

function changesText(changes: Record<string, unknown>): string {
	const parts = Object.entries(changes).map(([field, value]) => (value === null ? `${field} cleared` : `${field} = ${JSON.stringify(value)}`));
	return parts.length > 0 ? parts.join(', ') : 'nothing to change';
}

export const bigChangeDemo: DemoScenario = {
	name: 'BigChange Job Update',
	async run() {
		const sim = await createBigChangeSimulator();
		try {
			sim.seedJob({ id: 1001, typeId: JOB_TYPE.repair, contactId: CONTACT.acme, description: 'Leaking valve', plannedDuration: 60 });
			sim.seedJob({ id: 1002, typeId: JOB_TYPE.installation, contactId: CONTACT.acme, orderNumber: 'PO-2002' });
			sim.seedJob({ id: 1003, typeId: JOB_TYPE.boilerService, contactId: CONTACT.brightside, description: 'Annual service', status: 'started' });
			sim.seedJob({ id: 1004, typeId: JOB_TYPE.repair, contactId: CONTACT.acme, personId: PERSON.acmeSiteManager });
			sim.seedJob({ id: 1005, typeId: JOB_TYPE.repair, contactId: CONTACT.acme });
			const { workflow, result } = await runExample({
				file: 'bigchange-update-jobs.json',
				nodeTypes: { bigChangeJobUpdate: new BigChangeJobUpdate() },
				credentialTypes: [new BigChangeApi()],
				credentials: [
					{
						id: 'demo-bigchange',
						name: 'BigChange (simulator)',
						type: 'bigChangeApi',
						data: { customerId: D.customerId, authentication: 'clientCredentials', clientId: D.clientId, clientSecret: D.clientSecret, tokenUrl: sim.tokenUrl, baseUrl: sim.baseUrl },
					},
				],
			});
			const [success = [], errors = []] = result.outputs('BigChange Job Update');
			const input = result.outputs('Sample Job Changes')[0] ?? [];
			const rows = [...success, ...errors]
				.sort((a, b) => pairedIndex(a) - pairedIndex(b))
				.map((item) => {
					const index = pairedIndex(item);
					const ok = item.json.changes !== undefined;
					return [index, jobText(input[index]?.json.job), ok ? 'success' : 'error', ok ? changesText(item.json.changes as Record<string, unknown>) : String(item.json.error)];
				});
			const patches = sim.requests('PATCH').length;
			return {
				title: `${workflow.name} (BigChange simulator at ${sim.baseUrl})`,
				columns: ['item', 'job', 'output', 'result'],
				rows,
				summary: `${input.length} items in, ${success.length} on success, ${errors.length} on error output; ${patches} PATCH request(s), ${sim.tokensIssued} token request(s)`,
			};
		} finally {
			await sim.stop();
		}
	},
};
