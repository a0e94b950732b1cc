import { BigChangeApi } from '../../credentials/BigChangeApi.credentials';
import { BigChangeJobUpdate } from '../../nodes/BigChangeJobUpdate/BigChangeJobUpdate.node.js';
import { pairedIndex, runExample } from './run-example';
import { startBigChangeDemoSimulator } from './simulators/bigchange';
import type { DemoScenario } from './types';

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
		const { sim, credentialData } = await startBigChangeDemoSimulator();
		try {
			const { workflow, result } = await runExample({
				file: 'bigchange-update-jobs.json',
				nodeTypes: { bigChangeJobUpdate: new BigChangeJobUpdate() },
				credentialTypes: [new BigChangeApi()],
				credentials: [
					{
						id: 'demo-bigchange',
						name: 'BigChange (simulator)',
						type: 'bigChangeApi',
						data: credentialData,
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
