import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type INode, type INodeParameters, type INodeType } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { NodeTypeRegistry } from './node-types';
import { additionalData } from './run-workflow';

type MethodKind = 'listSearch' | 'loadOptions' | 'resourceMapping';

/**
 * Calls a node's editor method (a searchable list, a dropdown, the field mapper) the way n8n's
 * server does when the editor asks: in a LoadOptionsContext over the node's current parameters.
 */
export async function callNodeMethod<T>(options: {
	type: INodeType;
	kind: MethodKind;
	method: string;
	parameters: INodeParameters;
	args?: unknown[];
	credentialsHelper?: TestCredentialsHelper;
}): Promise<T> {
	const node: INode = {
		id: 'node-in-editor',
		name: 'Node In Editor',
		type: 'test.nodeInEditor',
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypeRegistry({ 'test.nodeInEditor': options.type }),
	});
	const helper = options.credentialsHelper ?? new TestCredentialsHelper([]);
	const context = new LoadOptionsContext(workflow, node, additionalData(helper), '');
	const group = options.type.methods?.[options.kind] as Record<string, (...args: unknown[]) => Promise<T>> | undefined;
	const method = group?.[options.method];
	if (!method) throw new Error(`The node has no ${options.kind} method "${options.method}"`);
	return await method.call(context, ...(options.args ?? []));
}
