import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import { VbaSoftwareApi } from '../../credentials/VbaSoftwareApi.credentials';
import { VbaBatchUpsert } from '../../nodes/VbaBatchUpsert/VbaBatchUpsert.node.js';
import { runNode, TestCredentialsHelper } from '../../test/harness';
import { VBA_SIM_DEFAULTS } from '../../test/simulators/vba';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-bench-'));

export interface VbaNodeRun {
	/** The whole workflow run (item source, node, engine), wall clock. */
	ms: number;
	/** The node's run as n8n times it. */
	nodeMs: number;
	success: number;
	errors: number;
	/** Every input item came out exactly once (on either output). */
	eachOnce: boolean;
}

/**
 * The node path: VBA Batch Upsert in n8n's real engine, as a workflow runs it, with n8n's default
 * node settings. The credential store is kept across runs, as n8n keeps the ID token it logged in with.
 * ("Continue (using error output)" would add n8n-core's own pass over the output, handleNodeErrorOutput,
 * which shifts items one at a time and grows quadratically on outputs this large.)
 */
export function vbaNodeRunner(baseUrl: string) {
	const credentialsHelper = new TestCredentialsHelper([new VbaSoftwareApi()], [
		{
			id: 'bench',
			name: 'bench',
			type: 'vbaSoftwareApi',
			data: {
				baseUrl,
				apiKey: VBA_SIM_DEFAULTS.apiKey,
				username: VBA_SIM_DEFAULTS.username,
				password: VBA_SIM_DEFAULTS.password,
				clientId: VBA_SIM_DEFAULTS.clientId,
				clientCode: VBA_SIM_DEFAULTS.clientCode,
				database: VBA_SIM_DEFAULTS.database,
			},
		},
	]);
	const run = async (items: IDataObject[], options: IDataObject): Promise<VbaNodeRun> => {
		const started = performance.now();
		const result = await runNode({
			type: new VbaBatchUpsert(),
			parameters: {
				resource: 'record',
				operation: 'upsert',
				entity: { __rl: true, mode: 'id', value: '/jobs-batch' },
				columns: { mappingMode: 'autoMapInputData', value: null },
				options: options as never,
			},
			items,
			credentials: { vbaSoftwareApi: { id: 'bench', name: 'bench', type: 'vbaSoftwareApi', data: {} } },
			credentialsHelper,
		});
		const ms = performance.now() - started;
		const errors = result.success.filter((item) => item.json.error !== undefined).length + (result.nodeError ? items.length : 0);
		const eachOnce = result.byInput.size === items.length && [...result.byInput].every(([index, group]) => group.length === 1 && index >= 0 && index < items.length);
		return { ms, nodeMs: result.executionMs, success: result.success.length - errors, errors, eachOnce };
	};
	return { run, credentialsHelper };
}
