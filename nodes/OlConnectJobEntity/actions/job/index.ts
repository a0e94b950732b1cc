import type { INodeProperties } from 'n8n-workflow';

import { manyOptionsField, optionsField } from './fields';
import * as getContentItems from './getContentItems.operation';
import * as getJobSegments from './getJobSegments.operation';
import * as getMetadata from './getMetadata.operation';
import * as getProperties from './getProperties.operation';
import * as updateManyProperties from './updateManyProperties.operation';
import * as updateMetadata from './updateMetadata.operation';
import * as updateProperties from './updateProperties.operation';

export { getContentItems, getJobSegments, getMetadata, getProperties, updateManyProperties, updateMetadata, updateProperties };

const perJob = ['getContentItems', 'getJobSegments', 'getMetadata', 'updateMetadata', 'getProperties', 'updateProperties'];

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		options: [
			{
				name: 'Get Content Items',
				value: 'getContentItems',
				description: 'List the content items of a job, each with its data record',
				action: 'Get the content items of a job',
			},
			{
				name: 'Get Job Segments',
				value: 'getJobSegments',
				description: 'List the segments of a job',
				action: 'Get the segments of a job',
			},
			{
				name: 'Get Metadata',
				value: 'getMetadata',
				description: 'Read the metadata properties of a job',
				action: 'Get the metadata of a job',
			},
			{
				name: 'Get Properties',
				value: 'getProperties',
				description: 'Read the properties of a job',
				action: 'Get the properties of a job',
			},
			{
				name: 'Update Metadata',
				value: 'updateMetadata',
				description: 'Set metadata properties of a job, merged with the current ones or replacing them',
				action: 'Update the metadata of a job',
			},
			{
				name: 'Update Properties',
				value: 'updateProperties',
				description: 'Set properties of a job, merged with the current ones or replacing them',
				action: 'Update the properties of a job',
			},
			{
				name: 'Update Properties of Many Jobs',
				value: 'updateManyProperties',
				description: 'Set properties of every job in the input with as few requests as possible',
				action: 'Update the properties of many jobs',
			},
		],
		default: 'getProperties',
	},
	...getContentItems.description,
	...getJobSegments.description,
	...getMetadata.description,
	...getProperties.description,
	...updateMetadata.description,
	...updateProperties.description,
	...updateManyProperties.description,
	optionsField(...perJob),
	manyOptionsField('updateManyProperties'),
];
