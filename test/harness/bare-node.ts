import { NodeConnectionTypes, type INodeProperties, type INodeType } from 'n8n-workflow';

/**
 * A node type with one main input and output and nothing else, for tests and benchmarks that need
 * n8n to run some code as a node (with a credential, parameters, or an execute function of their own).
 */
export function bareNodeType(
	name: string,
	parts: { credential?: string; properties?: INodeProperties[]; execute?: INodeType['execute'] } = {},
): INodeType {
	return {
		description: {
			displayName: name,
			name: name.replace(/\s+/g, '').replace(/^./, (first) => first.toLowerCase()),
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: parts.credential === undefined ? undefined : [{ name: parts.credential, required: true }],
			properties: parts.properties ?? [],
		},
		execute: parts.execute,
	};
}
