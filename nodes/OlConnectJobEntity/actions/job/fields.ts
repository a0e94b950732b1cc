import type { INodeProperties } from 'n8n-workflow';

import { requestOptionProperties } from '../../../shared/request-options';
import { OLC_REQUEST_PROFILE } from '../../helpers/request-profile';

export const show = (...operations: string[]) => ({ show: { resource: ['job'], operation: operations } });

export function jobIdField(...operations: string[]): INodeProperties {
	return {
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 12345',
		description:
			'The numeric ID of the OL Connect job, usually the input field holding it dragged in here. Checked before anything is sent.',
		displayOptions: show(...operations),
	};
}

export function outputFormatField(...operations: string[]): INodeProperties {
	return {
		displayName: 'Output Format',
		name: 'outputFormat',
		type: 'options',
		default: 'simplified',
		displayOptions: show(...operations),
		options: [
			{
				name: 'Simplified',
				value: 'simplified',
				description: 'One object of name: value pairs, easy to use in expressions',
			},
			{
				name: 'Name/Value List',
				value: 'raw',
				description: 'The list as OL Connect returns it: [{ name, value }]',
			},
		],
	};
}

export function splitField(operation: string, what: string): INodeProperties {
	return {
		displayName: `One Item per ${what}`,
		name: 'splitIntoItems',
		type: 'boolean',
		default: false,
		description: `Whether to output one item per ${what.toLowerCase()} instead of one item per job with the whole list. A job with none still outputs one item: its job ID and an empty list (jobId, identifiers: []).`,
		displayOptions: show(operation),
	};
}

/** Where an update takes the name/value pairs from, and whether they merge with or replace the current list. */
export function updateFields(noun: string, ...operations: string[]): INodeProperties[] {
	const where = show(...operations);
	return [
		{
			displayName: 'Mode',
			name: 'updateMode',
			type: 'options',
			default: 'merge',
			displayOptions: where,
			options: [
				{
					name: 'Merge With Current Values',
					value: 'merge',
					description: `Read the job's current ${noun} first and change only the ones given; the others stay. A null value removes that one.`,
				},
				{
					name: 'Replace All',
					value: 'replace',
					description: `The job keeps only the ${noun} given here; every other one is removed`,
				},
			],
		},
		{
			displayName: 'Properties Source',
			name: 'propertiesSource',
			type: 'options',
			noDataExpression: true,
			default: 'define',
			displayOptions: where,
			options: [
				{ name: 'Define Below', value: 'define', description: 'Name/value pairs set here, with expressions if needed' },
				{
					name: 'All Input Fields',
					value: 'fields',
					description: 'Every field of the input item becomes one, except the job ID field and those left out',
				},
				{
					name: 'One Input Field',
					value: 'field',
					description: 'A field holding { name: value } or [{ name, value }], e.g. what Get Properties outputs',
				},
			],
		},
		{
			displayName: 'Properties',
			name: 'properties',
			type: 'fixedCollection',
			placeholder: 'Add Property',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			description: `The ${noun} to set. Values are stored as text: numbers and booleans as written, dates as ISO 8601, lists and objects as JSON.`,
			displayOptions: { show: { ...where.show, propertiesSource: ['define'] } },
			options: [
				{
					displayName: 'Property',
					name: 'property',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Input Field',
			name: 'inputField',
			type: 'string',
			default: 'properties',
			description: 'Name of the input field that holds the pairs',
			displayOptions: { show: { ...where.show, propertiesSource: ['field'] } },
		},
		{
			displayName: 'Fields to Leave Out',
			name: 'fieldsToLeaveOut',
			type: 'string',
			default: '',
			placeholder: 'e.g. customerName, rowNumber',
			description:
				'Comma-separated input fields that are not properties. The field dragged into Job ID is left out automatically.',
			displayOptions: { show: { ...where.show, propertiesSource: ['fields'] } },
		},
	];
}

const commonOptions: INodeProperties[] = requestOptionProperties(OLC_REQUEST_PROFILE);

export function optionsField(...operations: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(...operations),
		options: commonOptions,
	};
}

export function manyOptionsField(operation: string): INodeProperties {
	const manyOptions: INodeProperties[] = [
			{
				displayName: 'Jobs per Request',
				name: 'chunkSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: 1000,
				description: 'How many jobs one request updates. OL Connect documents no cap; 1,000 jobs with a few properties each make a request of about 100 KB.',
			},
			{
				displayName: 'On a Failed Request',
				name: 'onChunkFailure',
				type: 'options',
				default: 'isolate',
				description: 'What to do when OL Connect refuses a request for several jobs because of one of them: a 404 naming a job that does not exist, or a server error (500), usually for the same reason',
				options: [
					{
						name: 'Find the Failing Jobs',
						value: 'isolate',
						description: 'Send the jobs again in smaller parts until the failing ones are found; the others are updated',
					},
					{
						name: 'Fail Every Job of the Request',
						value: 'failChunk',
						description: 'No further requests; every job of that request is reported as failed',
					},
				],
			},
		...commonOptions,
	];
	return { ...optionsField(operation), options: manyOptions.sort((a, b) => a.displayName.localeCompare(b.displayName)) };
}
