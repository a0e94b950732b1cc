import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { RightslineApi } from '../../credentials/RightslineApi.credentials';
import { RightslineCharTypeBatch } from '../../nodes/RightslineCharTypeBatch/RightslineCharTypeBatch.node';
import { runNode, TestCredentialsHelper, type NodeRunResult, type NodeSettings } from '../harness';
import { createRightslineSimulator, RIGHTSLINE_SIM_DEFAULTS, type RightslineSimulator, type RightslineSimulatorOptions } from '../simulators/rightsline';

export const CREDENTIAL_ID = 'rightsline-1';
export const NODE_TYPE = 'n8n-nodes-batch-jobs.rightslineCharTypeBatch';

/** Fast batches, so tests do not wait seconds for each. */
export async function startRightslineSimulator(options: RightslineSimulatorOptions = {}): Promise<RightslineSimulator> {
	return await createRightslineSimulator({ timing: { queuedMs: 20, processingMs: 80, perRecordMs: 0 }, ...options });
}

export function rightslineCredentialData(sim: RightslineSimulator, overrides: IDataObject = {}): IDataObject {
	return {
		environment: 'custom',
		customUrl: sim.baseUrl,
		apiKey: RIGHTSLINE_SIM_DEFAULTS.apiKey,
		accessKey: RIGHTSLINE_SIM_DEFAULTS.accessKey,
		secretKey: RIGHTSLINE_SIM_DEFAULTS.secretKey,
		...overrides,
	};
}

export function rightslineCredentialsHelper(sim: RightslineSimulator, overrides: IDataObject = {}): TestCredentialsHelper {
	const helper = new TestCredentialsHelper([new RightslineApi()]);
	helper.save({ id: CREDENTIAL_ID, name: 'Rightsline (simulator)', type: 'rightslineApi', data: rightslineCredentialData(sim, overrides) as never });
	return helper;
}

export type BatchRun = NodeRunResult;

export async function runRightsline(options: {
	sim: RightslineSimulator;
	items: IDataObject[];
	parameters?: IDataObject;
	options?: IDataObject;
	settings?: NodeSettings;
	credentialsHelper?: TestCredentialsHelper;
}): Promise<BatchRun> {
	const credentialsHelper = options.credentialsHelper ?? rightslineCredentialsHelper(options.sim);
	const run = await runNode({
		type: new RightslineCharTypeBatch(),
		typeName: NODE_TYPE,
		parameters: {
			resource: 'batch',
			operation: 'submit',
			method: 'POST',
			sendAs: 'record',
			charType: 1,
			record: '={{ $json }}',
			cancelIfRecordFails: false,
			waitForCompletion: true,
			...options.parameters,
			options: { pollIntervalSeconds: 0.1, ...options.options } as INodeParameters,
		} as INodeParameters,
		items: options.items,
		credentials: { rightslineApi: { id: CREDENTIAL_ID, name: 'Rightsline (simulator)', type: 'rightslineApi', data: {} } },
		credentialsHelper,
		settings: options.settings ?? { onError: 'continueErrorOutput' },
	});
	return run;
}

export { expectEachItemOnce } from '../harness';

/** The `POST /v4/batch` requests the simulator received, with their bodies. */
export function batchPosts(sim: RightslineSimulator) {
	return sim.server.log.filter((req) => req.method === 'POST' && req.path === '/v4/batch');
}

export function batchPolls(sim: RightslineSimulator) {
	return sim.server.log.filter((req) => req.method === 'GET' && req.path.startsWith('/v4/batch/'));
}

/** The most batches of one client that were unfinished at the same moment, from the simulator's own clock. */
export function maxConcurrentBatches(sim: RightslineSimulator): number {
	const events = sim.batchList().flatMap((batch) => [
		{ at: batch.createdAt, delta: 1 },
		{ at: batch.finishesAt, delta: -1 },
	]);
	events.sort((a, b) => a.at - b.at || a.delta - b.delta);
	let open = 0;
	let max = 0;
	for (const event of events) {
		open += event.delta;
		max = Math.max(max, open);
	}
	return max;
}

export function contact(n: number, extra: IDataObject = {}): IDataObject {
	return { title: `Contact ${n}`, template: { templateId: 1 }, characteristics: { first_name: `First${n}`, last_name: `Last${n}` }, ...extra };
}
