import type {
	ExecutionError,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';

import { TestCredentialsHelper, type CredentialRecord } from './credentials-helper';
import { ITEM_SOURCE_TYPE, itemSource } from './item-source.node';
import { NodeTypeRegistry } from './node-types';
import { groupByInput } from './paired-items';
import { runWorkflow, type WorkflowRunResult } from './run-workflow';

export { TestCredentialsHelper, type CredentialRecord } from './credentials-helper';
export { NodeTypeRegistry } from './node-types';
export { testCredential, type CredentialTestResult } from './credential-test';
export { callNodeMethod } from './node-methods';
export { itemSource, ITEM_SOURCE_TYPE } from './item-source.node';
export { expectEachItemOnce, groupByInput, pairedIndex } from './paired-items';
export { runWorkflow, type WorkflowDefinition, type WorkflowRunResult } from './run-workflow';

export const NODE_UNDER_TEST = 'Node Under Test';

/** The settings a user sets on a node in the editor (Settings tab). */
export interface NodeSettings {
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
}

export interface RunNodeOptions {
	type: INodeType | IVersionedNodeType;
	typeName?: string;
	typeVersion?: number;
	parameters: INode['parameters'];
	items: ReadonlyArray<IDataObject | INodeExecutionData>;
	credentialTypes?: ICredentialType[];
	/** Credentials attached to the node, keyed by credential type name. */
	credentials?: Record<string, CredentialRecord>;
	/** Reuse a helper across runs to keep saved tokens, as the n8n database would. */
	credentialsHelper?: TestCredentialsHelper;
	settings?: NodeSettings;
}

export interface NodeRunResult {
	/** The main output. */
	success: INodeExecutionData[];
	/** The error output (only with onError: continueErrorOutput). */
	errors: INodeExecutionData[];
	/** Every item of both outputs, by the input index it pairs to. */
	byInput: Map<number, INodeExecutionData[]>;
	/** The error the node stopped with, if it did. */
	nodeError?: ExecutionError;
	/** How long the node's last run took, as n8n records it (the figure the editor shows on the node). */
	executionMs: number;
	credentialsHelper: TestCredentialsHelper;
	result: WorkflowRunResult;
}

/** Runs one node fed by an item source, as a two-node workflow in the real engine. */
export async function runNode(options: RunNodeOptions): Promise<NodeRunResult> {
	const typeName = options.typeName ?? 'test.nodeUnderTest';
	const nodeTypes = new NodeTypeRegistry({
		[ITEM_SOURCE_TYPE]: itemSource(options.items),
		[typeName]: options.type,
	});
	const credentialsHelper =
		options.credentialsHelper ?? new TestCredentialsHelper(options.credentialTypes ?? []);
	if (!options.credentialsHelper) {
		for (const record of Object.values(options.credentials ?? {})) credentialsHelper.save(record);
	}

	const node: INode = {
		id: 'node-under-test',
		name: NODE_UNDER_TEST,
		type: typeName,
		typeVersion: options.typeVersion ?? 1,
		position: [200, 0],
		parameters: options.parameters,
		credentials: Object.fromEntries(
			Object.entries(options.credentials ?? {}).map(([type, record]) => [
				type,
				{ id: record.id, name: record.name },
			]),
		),
		...options.settings,
	};
	const result = await runWorkflow({
		workflow: {
			nodes: [
				{ id: 'items', name: 'Items', type: ITEM_SOURCE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
				node,
			],
			connections: { Items: { main: [[{ node: NODE_UNDER_TEST, type: 'main', index: 0 }]] } },
		},
		nodeTypes,
		credentialsHelper,
		startNode: 'Items',
	});
	const [success = [], errors = []] = result.outputs(NODE_UNDER_TEST);
	let byInput: Map<number, INodeExecutionData[]> | undefined;
	return {
		success,
		errors,
		// Grouped on first use: a benchmark timing runNode must not pay for the harness's own analysis.
		get byInput() {
			byInput ??= groupByInput([success, errors]);
			return byInput;
		},
		nodeError: result.nodeError(NODE_UNDER_TEST),
		executionMs: result.executionTime(NODE_UNDER_TEST),
		credentialsHelper,
		result,
	};
}
