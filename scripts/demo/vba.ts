import { VbaSoftwareApi } from '../../credentials/VbaSoftwareApi.credentials';
import { getNestedModel, listEntities } from '../../nodes/VbaBatchUpsert/catalog';
import { VbaBatchUpsert } from '../../nodes/VbaBatchUpsert/VbaBatchUpsert.node.js';
import { createVbaSimulator, simCatalogFrom, VBA_SIM_DEFAULTS } from '../../test/simulators/vba';
import { pairedIndex, runExample } from './run-example';
import type { DemoScenario } from './types';

export const vbaDemo: DemoScenario = {
	name: 'VBA Batch Upsert',
	async run() {
		const criteriaDetail = getNestedModel('CriteriaDetail');
		const sim = await createVbaSimulator({
			catalog: simCatalogFrom(listEntities()),
			models: criteriaDetail ? new Map([['CriteriaDetail', criteriaDetail]]) : undefined,
		});
		try {
			sim.seedRecords(VBA_SIM_DEFAULTS.database, '/jobs-batch', [{ job_ID: 'ELIG-LOAD', description: 'Eligibility load' }]);
			const { workflow, result } = await runExample({
				file: 'vba-upsert-jobs.json',
				nodeTypes: { vbaBatchUpsert: new VbaBatchUpsert() },
				credentialTypes: [new VbaSoftwareApi()],
				credentials: [
					{
						id: 'demo-vba',
						name: 'VBA (simulator)',
						type: 'vbaSoftwareApi',
						data: {
							baseUrl: sim.baseUrl,
							apiKey: VBA_SIM_DEFAULTS.apiKey,
							username: VBA_SIM_DEFAULTS.username,
							password: VBA_SIM_DEFAULTS.password,
							clientId: VBA_SIM_DEFAULTS.clientId,
							clientCode: VBA_SIM_DEFAULTS.clientCode,
							database: VBA_SIM_DEFAULTS.database,
						},
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
