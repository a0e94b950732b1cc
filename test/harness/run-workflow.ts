import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type ExecutionError,
	type IConnections,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentials-helper';
import type { NodeTypeRegistry } from './node-types';

export interface WorkflowDefinition {
	nodes: INode[];
	connections: IConnections;
}

export interface WorkflowRunResult {
	run: IRun;
	/** The error that stopped the workflow, as the n8n UI shows it, if it stopped. */
	error?: ExecutionError;
	/** Every output of a node's last run: [main, error output] for nodes with an error output. */
	outputs(nodeName: string): INodeExecutionData[][];
	/** The error a node failed with, if it did. */
	nodeError(nodeName: string): ExecutionError | undefined;
	/** n8n's own timing of a node's last run, in ms (0 if it did not run). */
	executionTime(nodeName: string): number;
}

const LOCAL_URL = 'http://127.0.0.1:5678/';

/** The pieces of the server's additionalData a node can reach; every base URL must parse. */
export function additionalData(
	credentialsHelper: TestCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const data: Partial<IWorkflowExecuteAdditionalData> = {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${LOCAL_URL}rest`,
		instanceBaseUrl: LOCAL_URL,
		formBaseUrl: `${LOCAL_URL}form`,
		formWaitingBaseUrl: `${LOCAL_URL}form-waiting`,
		formTestBaseUrl: `${LOCAL_URL}form-test`,
		webhookBaseUrl: `${LOCAL_URL}webhook`,
		webhookWaitingBaseUrl: `${LOCAL_URL}webhook-waiting`,
		webhookTestBaseUrl: `${LOCAL_URL}webhook-test`,
		mcpBaseUrl: `${LOCAL_URL}mcp`,
		mcpTestBaseUrl: `${LOCAL_URL}mcp-test`,
		variables: {},
		logAiEvent: () => undefined,
	};
	return data as IWorkflowExecuteAdditionalData;
}

/**
 * Runs a workflow as n8n saves it through n8n-core's real WorkflowExecute, from `startNode`, and
 * returns what every node produced, including error outputs.
 */
export async function runWorkflow(options: {
	workflow: WorkflowDefinition;
	nodeTypes: NodeTypeRegistry;
	credentialsHelper: TestCredentialsHelper;
	startNode: string;
}): Promise<WorkflowRunResult> {
	const { workflow: definition, nodeTypes, credentialsHelper } = options;
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test workflow',
		nodes: definition.nodes,
		connections: definition.connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		activeVersionId: null,
		nodes: definition.nodes,
		connections: definition.connections,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const afterRun = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});

	const execute = new WorkflowExecute(additionalData(credentialsHelper, hooks), 'manual');
	const startNode = workflow.getNode(options.startNode);
	if (!startNode) throw new Error(`No node named "${options.startNode}"`);
	await execute.run({ workflow, startNode });
	const run = await afterRun;

	const runData = run.data.resultData.runData;
	return {
		run,
		error: run.data.resultData.error,
		outputs: (nodeName) => {
			const tasks = runData[nodeName];
			const last = tasks?.[tasks.length - 1];
			return (last?.data?.main ?? []).map((output) => output ?? []);
		},
		nodeError: (nodeName) => {
			const tasks = runData[nodeName];
			return tasks?.[tasks.length - 1]?.error;
		},
		executionTime: (nodeName) => {
			const tasks = runData[nodeName];
			return tasks?.[tasks.length - 1]?.executionTime ?? 0;
		},
	};
}
