import { OlConnectApi } from '../../credentials/OlConnectApi.credentials';
import { OlConnectJobEntity } from '../../nodes/OlConnectJobEntity/OlConnectJobEntity.node.js';
import { pairedIndex, runExample } from './run-example';
import { startOlConnectDemoSimulator } from './simulators/olconnect';
import type { DemoScenario } from './types';

function propertiesText(properties: Record<string, unknown>): string {
	return Object.entries(properties)
		.map(([name, value]) => `${name}=${String(value)}`)
		.join(', ');
}

export const olConnectDemo: DemoScenario = {
	name: 'OL Connect Job Entity',
	async run() {
		const { sim, credentialData } = await startOlConnectDemoSimulator();
		try {
			const { workflow, result } = await runExample({
				file: 'olconnect-update-job-properties.json',
				nodeTypes: { olConnectJobEntity: new OlConnectJobEntity() },
				credentialTypes: [new OlConnectApi()],
				credentials: [
					{
						id: 'demo-olconnect',
						name: 'OL Connect (simulator)',
						type: 'olConnectApi',
						data: credentialData,
					},
				],
			});
			const [success = [], errors = []] = result.outputs('OL Connect Job Entity');
			const input = result.outputs('Sample Job Statuses')[0] ?? [];
			const rows = [...success, ...errors]
				.sort((a, b) => pairedIndex(a) - pairedIndex(b))
				.map((item) => {
					const index = pairedIndex(item);
					const properties = item.json.properties as Record<string, unknown> | undefined;
					return [index, String(input[index]?.json.jobId ?? ''), properties ? 'success' : 'error', properties ? propertiesText(properties) : String(item.json.error)];
				});
			const reads = sim.server.log.filter((req) => req.method === 'GET').length;
			const writes = sim.requests('/entity/jobs/properties', 'PUT').length;
			return {
				title: `${workflow.name} (OL Connect simulator at ${sim.url})`,
				columns: ['item', 'jobId', 'output', 'result (the job’s properties now)'],
				rows,
				summary: `${input.length} items in, ${success.length} on success, ${errors.length} on error output; ${sim.loginCount} login, ${reads} reads (merge), ${writes} many-jobs update request(s)`,
			};
		} finally {
			await sim.stop();
		}
	},
};
