import type { INodeProperties } from 'n8n-workflow';

import { requestOptionProperties } from '../../../shared/request-options';
import { VBA_REQUESTS } from '../../helpers/request-profile';

const show = { show: { resource: ['record'], operation: ['upsert'] } };

export const upsertDescription: INodeProperties[] = [
	{
		displayName: 'Entity',
		name: 'entity',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The VBAPI entity to create or update, e.g. Job or Case Attachment. Set by an expression (a batch path such as /jobs-batch), it is read per item: each item goes to its own entity, in batches per entity and parent.',
		displayOptions: show,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Search 750+ entities…',
				typeOptions: { searchListMethod: 'searchEntities', searchable: true },
			},
			{
				displayName: 'By Batch Path',
				name: 'id',
				type: 'string',
				placeholder: '/jobs-batch',
				hint: 'The entity’s batch endpoint path from the VBAPI reference',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^/.+-batch$', errorMessage: 'A batch path starts with / and ends with -batch' },
					},
				],
			},
		],
	},
	{
		displayName: 'Parent Keys',
		name: 'parentKeys',
		type: 'fixedCollection',
		placeholder: 'Add Parent Key',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'For entities nested under a parent (e.g. cases under a care plan): the parent’s key, per item. Keys that are also fields of the record are taken from the record when left out here.',
		displayOptions: show,
		options: [
			{
				displayName: 'Key',
				name: 'key',
				values: [
					{
						displayName: 'Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getParentKeyNames', loadOptionsDependsOn: ['entity.value'] },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Usually an expression such as {{ $JSON.carePlan_Key }}',
					},
				],
			},
		],
	},
	{
		displayName: 'Fields',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'autoMapInputData', value: null },
		required: true,
		displayOptions: show,
		typeOptions: {
			loadOptionsDependsOn: ['entity.value'],
			resourceMapper: {
				resourceMapperMethod: 'getFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				supportAutoMap: true,
				showTypeConversionOptions: true,
				noFieldsError: 'Choose an entity first; its fields come from the VBAPI catalog.',
			},
		},
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
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				default: 100,
				description:
					'Records per request. VBAPI documents no cap; 100 keeps each request well under its 30-second timeout. Read once per run (from the first item if set by an expression). Use 1 for new records (key 0) whose new key you need for sure.',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'merge',
				options: [
					{
						name: 'Input Fields Plus Result',
						value: 'merge',
						description:
							'The item as it came in, with a vbaResult object: status, message, key, keyMatchedBy, and warning or droppedFields where they apply',
					},
					{
						name: 'Result Only',
						value: 'result',
						description: 'Only the vbaResult object of each record',
					},
				],
			},
			...requestOptionProperties(VBA_REQUESTS),
			{
				displayName: 'Unknown Fields',
				name: 'unknownFields',
				type: 'options',
				default: 'drop',
				description: 'What to do with input fields the entity does not have',
				options: [
					{
						name: 'Drop Them',
						value: 'drop',
						description: 'Send only the entity’s fields; vbaResult.droppedFields lists the ones left out',
					},
					{ name: 'Fail the Item', value: 'fail', description: 'Treat an unknown field as a mistake in the item' },
				],
			},
		],
	},
];
