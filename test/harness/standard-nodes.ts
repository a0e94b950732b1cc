import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

/**
 * Stand-ins for the two n8n-nodes-base nodes our example workflows start with, so the examples a
 * user imports run unchanged through the engine here. Only what the examples use is supported.
 */
export const manualTrigger: INodeType = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute() {
		return [[{ json: {} }]];
	},
};

/** The Code node's "Run Once for All Items" JavaScript mode: `return [{ json: … }, …]`. */
export const codeNode: INodeType = {
	description: {
		displayName: 'Code',
		name: 'code',
		group: ['transform'],
		version: [1, 2],
		description: 'Runs JavaScript',
		defaults: { name: 'Code' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'JavaScript', name: 'jsCode', type: 'string', default: '' }],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const source = this.getNodeParameter('jsCode', 0) as string;
		const run = new Function('$input', `return (async () => {\n${source}\n})();`) as (
			input: { all: () => INodeExecutionData[] },
		) => Promise<Array<{ json: IDataObject }>>;
		const input = this.getInputData();
		const result = await run({ all: () => input });
		return [result.map((item, index) => ({ json: item.json, pairedItem: { item: Math.min(index, input.length - 1) } }))];
	},
};

export const standardNodeTypes: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': manualTrigger,
	'n8n-nodes-base.code': codeNode,
};
