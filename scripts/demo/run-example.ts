import { readFileSync } from 'fs';
import { join } from 'path';
import type { ICredentialType, IConnections, INode, INodeType } from 'n8n-workflow';

import { NodeTypeRegistry, runWorkflow, TestCredentialsHelper, type CredentialRecord, type WorkflowRunResult } from '../../test/harness';
import { standardNodeTypes } from '../../test/harness/standard-nodes';

export const PACKAGE = 'n8n-nodes-batch-jobs';

interface ExampleFile {
	name: string;
	nodes: INode[];
	connections: IConnections;
}

/** Loads an importable workflow from examples/ and runs it through the engine from its trigger. */
export async function runExample(options: {
	file: string;
	nodeTypes: Record<string, INodeType>;
	credentialTypes: ICredentialType[];
	credentials: CredentialRecord[];
}): Promise<{ workflow: ExampleFile; result: WorkflowRunResult }> {
	const workflow = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', options.file), 'utf8')) as ExampleFile;
	const registry = new NodeTypeRegistry(standardNodeTypes);
	for (const [name, type] of Object.entries(options.nodeTypes)) registry.add(`${PACKAGE}.${name}`, type);
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`${options.file} has no Manual Trigger`);
	const result = await runWorkflow({
		workflow,
		nodeTypes: registry,
		credentialsHelper: new TestCredentialsHelper(options.credentialTypes, options.credentials),
		startNode: trigger.name,
	});
	return { workflow, result };
}

/** The index an output item pairs back to. */
export function pairedIndex(item: { pairedItem?: unknown }): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'object' && paired !== null && 'item' in paired ? Number((paired as { item: number }).item) : -1;
}
