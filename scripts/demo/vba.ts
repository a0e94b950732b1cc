import { VbaSoftwareApi } from '../../credentials/VbaSoftwareApi.credentials';
import { VbaBatchUpsert } from '../../nodes/VbaBatchUpsert/VbaBatchUpsert.node.js';
import { pairedIndex, runExample } from './run-example';
import { startVbaDemoSimulator } from './simulators/vba';
import type { DemoScenario } from './types';

export const vbaDemo: DemoScenario = {
	name: 'VBA Batch Upsert',
	async run() {
		const { sim, credentialData } = await startVbaDemoSimulator();
		try {
			const { workflow, result } = await runExample({
				file: 'vba-upsert-jobs.json',
				nodeTypes: { vbaBatchUpsert: new VbaBatchUpsert() },
				credentialTypes: [new VbaSoftwareApi()],
				credentials: [
					{
						id: 'demo-vba',
						name: 'VBA (simulator)',
						type: 'vbaSoftwareApi',
						data: credentialData,
					},
				],
			});
			const [success = [], errors = []] = result.outputs('VBA Batch Upsert');
			const input = result.outputs('Sample Jobs')[0] ?? [];
			const rows = [...success, ...errors]
				.sort((a, b) => pairedIndex(a) - pairedIndex(b))
				.map((item) => {
					const index = pairedIndex(item);
					const vba = item.json.vbaResult as { status: number; message: string } | undefined;
					return [
						index,
						String(input[index]?.json.job_ID ?? ''),
						vba ? 'success' : 'error',
						vba ? `${vba.status} ${vba.message}` : String(item.json.error),
					];
				});
			const puts = sim.server.log.filter((req) => req.method === 'PUT').length;
			return {
				title: `${workflow.name} (VBAPI simulator at ${sim.baseUrl})`,
				columns: ['item', 'job_ID', 'output', 'result'],
				rows,
				summary: `${input.length} items in, ${success.length} on success, ${errors.length} on error output; ${puts} batch request(s), ${sim.loginCount} login(s)`,
			};
		} finally {
			await sim.stop();
		}
	},
};
