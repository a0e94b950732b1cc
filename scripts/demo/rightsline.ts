import { RightslineApi } from '../../credentials/RightslineApi.credentials';
import { RightslineCharTypeBatch } from '../../nodes/RightslineCharTypeBatch/RightslineCharTypeBatch.node.js';
import { pairedIndex, runExample } from './run-example';
import { startRightslineDemoSimulator } from './simulators/rightsline';
import type { DemoScenario } from './types';

export const rightslineDemo: DemoScenario = {
	name: 'Rightsline Char-Type Batch',
	async run() {
		const { sim, credentialData } = await startRightslineDemoSimulator();
		try {
			const { workflow, result } = await runExample({
				file: 'rightsline-contacts-batch.json',
				nodeTypes: { rightslineCharTypeBatch: new RightslineCharTypeBatch() },
				credentialTypes: [new RightslineApi()],
				credentials: [
					{
						id: 'demo-rightsline',
						name: 'Rightsline (simulator)',
						type: 'rightslineApi',
						data: credentialData,
					},
				],
			});
			const [success = [], errors = []] = result.outputs('Rightsline Char-Type Batch');
			const input = result.outputs('Sample Records')[0] ?? [];
			const rows = [...success, ...errors]
				.sort((a, b) => pairedIndex(a) - pairedIndex(b))
				.map((item) => {
					const index = pairedIndex(item);
					const ok = item.json.code !== undefined;
					return [
						index,
						String(input[index]?.json.charType ?? ''),
						String(input[index]?.json.title ?? ''),
						ok ? 'success' : 'error',
						ok ? `${item.json.code} ${item.json.message} id ${item.json.id}` : String(item.json.error),
					];
				});
			const batches = sim.batchList().length;
			const polls = sim.server.log.filter((req) => req.method === 'GET' && req.path.startsWith('/v4/batch/')).length;
			return {
				title: `${workflow.name} (Rightsline simulator at ${sim.baseUrl})`,
				columns: ['item', 'char type', 'title', 'output', 'result'],
				rows,
				summary: `${input.length} items in, ${success.length} on success, ${errors.length} on error output; ${batches} batch(es), ${polls} status poll(s), ${sim.credentials.issuedCount} temporary-credential request(s), every request SigV4-signed`,
			};
		} finally {
			await sim.stop();
		}
	},
};
