import type { INodeProperties } from 'n8n-workflow';

import { customFieldDefinitionId, outputOption, requestOptions } from './shared.description';

const show = { show: { resource: ['job'], operation: ['create'] } };

export const createDescription: INodeProperties[] = [
	{
		displayName: 'Job Type ID',
		name: 'typeId',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 0,
		required: true,
		description: 'The ID of the job type in BigChange; it decides the default duration and whether an order number is required',
		displayOptions: show,
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 0,
		required: true,
		description: 'The ID of the contact (customer) the job is for',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields left out, or empty for an item, get BigChange’s defaults',
		displayOptions: show,
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'The details of the job' },
			{ displayName: 'Order Number', name: 'orderNumber', type: 'string', default: '', description: 'Required by some job types' },
			{
				displayName: 'Person ID',
				name: 'personId',
				type: 'string',
				default: '',
				placeholder: '3f1c6b52-8a4e-4d0b-9a57-1b2f6a0c9e11',
				description: 'UUID of the contact person who is the main point of contact; the contact’s primary person when left out',
			},
			{
				displayName: 'Planned Duration (Minutes)',
				name: 'plannedDuration',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 60,
				description: 'Whole minutes; the job type’s default when left out',
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Your internal reference; job types with auto-reference fill it in when left out',
			},
		],
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		placeholder: 'Add Custom Field',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Custom Field',
				name: 'field',
				values: [
					customFieldDefinitionId,
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [outputOption('it was created with'), ...requestOptions],
	},
];
