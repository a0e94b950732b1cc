import type { INodeProperties } from 'n8n-workflow';

import { requestOptionProperties } from '../../../shared';
import { JOB_URL_REGEX } from '../../helpers/job-id';
import { BIGCHANGE_REQUESTS } from '../../helpers/request-profile';

export function jobLocator(operations: string[]): INodeProperties {
	return {
		displayName: 'Job',
		name: 'jobId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description: 'The job to work on: its number, a link to it in BigChange, or an expression that takes it from each input item',
		displayOptions: { show: { resource: ['job'], operation: operations } },
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '160109788',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A job ID is a number, e.g. 160109788' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://example.bigchange.com/jobschedule.aspx?jobid=160109788',
				hint: 'A link to the job in BigChange: the number after jobid= or /jobs/ is used',
				extractValue: { type: 'regex', regex: JOB_URL_REGEX },
				validation: [
					{ type: 'regex', properties: { regex: JOB_URL_REGEX, errorMessage: 'Not a BigChange job link (expected …bigchange.com/…jobid=123 or …/jobs/123)' } },
				],
			},
		],
	};
}

/** Parallel Requests, Requests per Second and Timeout, for the operations that send one request per item. */
export const requestOptions: INodeProperties[] = requestOptionProperties(BIGCHANGE_REQUESTS);

export function outputOption(what: string): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'summary',
		options: [
			{ name: 'Summary', value: 'summary', description: `The job ID and the values ${what}` },
			{
				name: 'Job as It Is Now',
				value: 'job',
				description: 'Reads the job back from BigChange afterwards (one more request per item, needs the jobs:read scope)',
			},
		],
	};
}

/** The definition ID of a custom field, as both Create and Update ask for it. */
export const customFieldDefinitionId: INodeProperties = {
	displayName: 'Definition ID',
	name: 'definitionId',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 0,
	required: true,
	description: 'The ID of the custom field definition in BigChange',
};
