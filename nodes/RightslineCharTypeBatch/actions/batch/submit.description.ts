import type { INodeProperties } from 'n8n-workflow';

import { requestOptionProperties } from '../../../shared/request-options';
import { CHAR_TYPE_OPTIONS } from '../../helpers/char-types';
import { RIGHTSLINE_PROFILE } from '../../helpers/request-profile';

/** Requests per Second and Timeout as every node shows them; "Batches in Flight" stands for Parallel Requests. */
const requestOptions = requestOptionProperties(RIGHTSLINE_PROFILE).filter((option) => option.name !== 'concurrency');

const show = { show: { resource: ['batch'], operation: ['submit'] } };

export const submitDescription: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'POST',
		description: 'What to do with each record. Rightsline runs one method per batch, so items are grouped by it.',
		displayOptions: show,
		options: [
			{ name: 'Copy', value: 'COPY', description: 'Copy records; set charTypeId in the record to copy into another char type' },
			{ name: 'Create', value: 'POST', description: 'Create records (or relationships)' },
			{ name: 'Delete', value: 'DELETE', description: 'Delete records (or relationships) by ID' },
			{ name: 'Execute Workflow Action', value: 'EXECUTE-WORKFLOW', description: 'Run a workflow action (actionId) on records' },
			{ name: 'Get', value: 'GET', description: 'Retrieve records (or relationships) by ID' },
			{ name: 'Update', value: 'PUT', description: 'Update records by ID' },
		],
	},
	{
		displayName: 'Send Items As',
		name: 'sendAs',
		type: 'options',
		default: 'record',
		description: 'Whether each item is a record of a char type or a relationship between two records',
		displayOptions: show,
		options: [
			{ name: 'Records', value: 'record' },
			{ name: 'Relationships', value: 'relationship' },
		],
	},
	{
		displayName: 'Char Type Name or ID',
		name: 'charType',
		type: 'options',
		default: 1,
		description:
			'The char type of each record, e.g. Deal (4). Use an expression for a char type per item: an ID such as 4 or a name such as "deal". Not used for relationships. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: show,
		options: CHAR_TYPE_OPTIONS,
	},
	{
		displayName: 'Record',
		name: 'record',
		type: 'json',
		default: '={{ $json }}',
		description: 'The record to send, as JSON; by default the whole item. What each method needs is shown below the field.',
		hint: 'Get, Delete: {"id": 100} or just 100. Create: "title", "template": {"templateId": 1}, "characteristics". Update: the record with its "id". Execute Workflow Action: "id", "actionId". Copy: "id", optional "title", "template", "charTypeId". Relationships, Create: parentCharTypeId, parentRecordId, childCharTypeId, childRecordId; Get, Delete: the relationship "id". A referenceId is added to pair results with items.',
		displayOptions: show,
	},
	{
		displayName: 'Cancel Batch If a Record Fails',
		name: 'cancelIfRecordFails',
		type: 'boolean',
		default: false,
		description:
			'Whether Rightsline should apply nothing in a batch when one of its records fails. Applies per batch of up to 100 records, not to the whole run.',
		displayOptions: show,
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until Rightsline has processed every batch and output each record’s result. Off: output each item with the ID of the batch it went into and its referenceId, so Get Batch can later give it its own record’s result.',
		displayOptions: show,
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
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 100,
				description: 'Records and relationships per batch; Rightsline accepts at most 100',
			},
			{
				displayName: 'Batches in Flight',
				name: 'maxBatchesInFlight',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: RIGHTSLINE_PROFILE.maxConcurrency },
				// A literal, as the n8n linter requires; RIGHTSLINE_PROFILE.defaults.concurrency is the same 10.
				default: 10,
				description: RIGHTSLINE_PROFILE.help.concurrency,
			},
			{
				displayName: 'First Poll After (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 2,
				description: 'When to first ask whether the first batches are done. Later polls adapt to how long Rightsline takes, usually one to three per batch.',
			},
			...requestOptions,
			{
				displayName: 'Time Limit (Minutes)',
				name: 'timeLimitMinutes',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 60,
				description: 'How long the node may send and wait in total. Batches still running then are reported with their batch ID; batches not yet sent are not sent.',
			},
		],
	},
];
