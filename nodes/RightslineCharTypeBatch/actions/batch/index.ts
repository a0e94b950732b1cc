import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as submit from './submit.operation';

export { get, submit };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['batch'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the status and per-record results of a batch',
				action: 'Get a batch',
			},
			{
				name: 'Submit',
				value: 'submit',
				description: 'Send records or relationships in batches of up to 100, grouped by char type, and wait for their results',
				action: 'Submit records in batches',
			},
		],
		default: 'submit',
	},
	...submit.description,
	...get.description,
];
