import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a new job', action: 'Create a job' },
			{ name: 'Get', value: 'get', description: 'Get a job by ID or link', action: 'Get a job' },
			{ name: 'Get Many', value: 'getAll', description: 'List jobs, page by page', action: 'Get many jobs' },
			{
				name: 'Update',
				value: 'update',
				description: 'Change some fields of a job and leave the rest as they are',
				action: 'Update a job',
			},
		],
		default: 'update',
	},
	...update.description,
	...get.description,
	...getMany.description,
	...create.description,
];
