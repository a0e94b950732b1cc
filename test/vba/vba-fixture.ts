import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

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

export interface UpsertRun extends NodeRunResult {
	/** Every item the node put out, main and error output together, by the input index it pairs to. */
	byInput: Map<number, INodeExecutionData[]>;
}

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
	const byInput = new Map<number, INodeExecutionData[]>();
	for (const item of [...run.success, ...run.errors]) {
		const paired = item.pairedItem;
		const index = typeof paired === 'object' && paired !== null && !Array.isArray(paired) ? paired.item : -1;
		byInput.set(index, [...(byInput.get(index) ?? []), item]);
	}
	return { ...run, byInput };
}

/** Asserts the node's promise: each input index appears exactly once across both outputs. */
export function expectEachItemOnce(run: UpsertRun, count: number): void {
	const indexes = [...run.byInput.keys()].sort((a, b) => a - b);
	expect(indexes).toEqual(Array.from({ length: count }, (_, n) => n));
	for (const [index, outputs] of run.byInput) {
		if (outputs.length !== 1) throw new Error(`Input item ${index} came out ${outputs.length} times`);
	}
}

export function batchRequests(sim: VbaSimulator): ReturnType<VbaSimulator['server']['log']['filter']> {
	return sim.server.log.filter((req) => req.method === 'PUT');
}
