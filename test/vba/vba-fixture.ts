import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { VbaSoftwareApi } from '../../credentials/VbaSoftwareApi.credentials';
import { getNestedModel, listEntities } from '../../nodes/VbaBatchUpsert/catalog';
import { VbaBatchUpsert } from '../../nodes/VbaBatchUpsert/VbaBatchUpsert.node';
import { runNode, TestCredentialsHelper, type NodeRunResult, type NodeSettings } from '../harness';
import { createVbaSimulator, simCatalogFrom, VBA_SIM_DEFAULTS, type VbaSimulator, type VbaSimulatorOptions } from '../simulators/vba';

export const CREDENTIAL_ID = 'vba-1';

/** The VBAPI simulator serving every entity of the node's own generated catalog. */
export async function startVbaSimulator(options: Partial<VbaSimulatorOptions> = {}): Promise<VbaSimulator> {
	const criteriaDetail = getNestedModel('CriteriaDetail');
	return await createVbaSimulator({
		catalog: simCatalogFrom(listEntities()),
		models: criteriaDetail ? new Map([['CriteriaDetail', criteriaDetail]]) : undefined,
		...options,
	});
}

export function vbaCredentialData(sim: VbaSimulator, overrides: IDataObject = {}): IDataObject {
	return {
		baseUrl: sim.baseUrl,
		apiKey: VBA_SIM_DEFAULTS.apiKey,
		username: VBA_SIM_DEFAULTS.username,
		password: VBA_SIM_DEFAULTS.password,
		clientId: VBA_SIM_DEFAULTS.clientId,
		clientCode: VBA_SIM_DEFAULTS.clientCode,
		database: VBA_SIM_DEFAULTS.database,
		...overrides,
	};
}

export function vbaCredentialsHelper(sim: VbaSimulator, overrides: IDataObject = {}): TestCredentialsHelper {
	const helper = new TestCredentialsHelper([new VbaSoftwareApi()]);
	helper.save({ id: CREDENTIAL_ID, name: 'VBA (simulator)', type: 'vbaSoftwareApi', data: vbaCredentialData(sim, overrides) as never });
	return helper;
}

export type UpsertRun = NodeRunResult;

export async function runUpsert(options: {
	sim: VbaSimulator;
	entity: string;
	items: IDataObject[];
	options?: IDataObject;
	parentKeys?: Array<{ name: string; value: string }>;
	columns?: IDataObject;
	settings?: NodeSettings;
	credentialsHelper?: TestCredentialsHelper;
}): Promise<UpsertRun> {
	const credentialsHelper = options.credentialsHelper ?? vbaCredentialsHelper(options.sim);
	const run = await runNode({
		type: new VbaBatchUpsert(),
		typeName: 'n8n-nodes-batch-jobs.vbaBatchUpsert',
		parameters: {
			resource: 'record',
			operation: 'upsert',
			entity: { __rl: true, mode: 'id', value: options.entity },
			parentKeys: options.parentKeys ? { key: options.parentKeys } : {},
			columns: (options.columns ?? { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] }) as INodeParameters,
			options: (options.options ?? {}) as INodeParameters,
		},
		items: options.items,
		credentials: { vbaSoftwareApi: { id: CREDENTIAL_ID, name: 'VBA (simulator)', type: 'vbaSoftwareApi', data: {} } },
		credentialsHelper,
		settings: options.settings ?? { onError: 'continueErrorOutput' },
	});
	return run;
}

export { expectEachItemOnce } from '../harness';

export function batchRequests(sim: VbaSimulator): ReturnType<VbaSimulator['server']['log']['filter']> {
	return sim.server.log.filter((req) => req.method === 'PUT');
}
