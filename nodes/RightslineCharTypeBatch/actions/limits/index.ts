import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['limit'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the daily request quota left and the free batch slots of the API key',
				action: 'Get API limits',
			},
		],
		default: 'get',
	},
];
