import type { INodeProperties } from 'n8n-workflow';

import { customFieldDefinitionId, jobLocator, outputOption, requestOptions } from './shared.description';

const show = { show: { resource: ['job'], operation: ['update'] } };

export const updateDescription: INodeProperties[] = [
	jobLocator(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only the fields added here are sent; every other field of the job keeps its current value. A field an item lists under Clear Fields is cleared instead.',
		displayOptions: show,
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'The details of the job. BigChange refuses a new description once the job has started or been completed.',
			},
			{
				displayName: 'Order Number',
				name: 'orderNumber',
				type: 'string',
				default: '',
				description: 'Some job types require one',
			},
			{
				displayName: 'Person ID',
				name: 'personId',
				type: 'string',
				default: '',
				placeholder: '3f1c6b52-8a4e-4d0b-9a57-1b2f6a0c9e11',
				description:
					'UUID of the contact person who is the job’s main point of contact. BigChange refuses a change once the job has started or been completed.',
			},
			{
				displayName: 'Planned Duration (Minutes)',
				name: 'plannedDuration',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 60,
				description: 'Whole minutes',
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Your internal reference for the job; usually unique',
			},
		],
	},
	{
		displayName: 'Clear Fields',
		name: 'clearFields',
		type: 'multiOptions',
		default: [],
		description:
			'Fields to empty in BigChange (sent as null). A field listed here is cleared even when Update Fields also maps it, so an expression can list it for the items to clear while the others get their mapped value. A cleared person falls back to the contact’s primary person. Description and planned duration can be replaced but not cleared.',
		displayOptions: show,
		options: [
			{ name: 'Order Number', value: 'orderNumber' },
			{ name: 'Person', value: 'personId' },
			{ name: 'Reference', value: 'reference' },
		],
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		placeholder: 'Add Custom Field',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Custom fields not listed here keep their current values',
		displayOptions: show,
		options: [
			{
				displayName: 'Custom Field',
				name: 'field',
				values: [
					customFieldDefinitionId,
					{
						displayName: 'Change',
						name: 'change',
						type: 'options',
						default: 'set',
						options: [
							{ name: 'Set Value', value: 'set' },
							{ name: 'Clear Value', value: 'clear', description: 'Removes the value in BigChange (sent as null)' },
						],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						displayOptions: { show: { change: ['set'] } },
					},
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
		options: [
			{
				displayName: 'Empty Values',
				name: 'emptyValues',
				type: 'options',
				default: 'keep',
				description: 'What to do when a field you added comes out empty for an item, e.g. a blank spreadsheet cell',
				options: [
					{ name: 'Leave the Field Unchanged', value: 'keep', description: 'Nothing is sent for that field' },
					{
						name: 'Clear the Field',
						value: 'clear',
						description: 'Send null, for the fields BigChange can clear (reference, person, order number, custom fields)',
					},
					{ name: 'Fail the Item', value: 'fail', description: 'Treat an empty value as a mistake in the item' },
				],
			},
			outputOption('that were sent (omitted fields are not listed; cleared ones show null)'),
			...requestOptions,
		],
	},
];
