import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

export const ITEM_SOURCE_TYPE = 'test.itemSource';

/**
 * Stands in for whatever upstream node feeds the node under test. The items are closed over rather
 * than passed as a parameter, so 100,000 of them cost no parameter copies.
 */
export function itemSource(items: ReadonlyArray<IDataObject | INodeExecutionData>): INodeType {
	const data: INodeExecutionData[] = items.map((item) =>
		isExecutionData(item) ? item : { json: item },
	);
	return {
		description: {
			displayName: 'Item Source',
			name: 'itemSource',
			group: ['input'],
			version: 1,
			description: 'Emits the items a test gives it',
			defaults: { name: 'Items' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute() {
			return [data];
		},
	};
}

function isExecutionData(item: IDataObject | INodeExecutionData): item is INodeExecutionData {
	return typeof item.json === 'object' && item.json !== null && !Array.isArray(item.json);
}
