import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, NodeApiError } from 'n8n-workflow';

import { RequestPacer, withRetry } from '../../../shared';
import { bigChangeError } from '../../errors';
import { REQUEST_DEFAULTS } from '../../run';
import { bigChangeConnection, bigChangeRequest, type BigChangeConnection } from '../../transport';

const show = { show: { resource: ['job'], operation: ['getAll'] } };

/** The documented maximum page size. */
const MAX_PAGE_SIZE = 1000;
const MAX_PAGE_NUMBER = 2_147_483;

/** The statuses the reference lists as visible through the API (three more are internal to BigChange). */
const STATUSES: Array<[string, string]> = [
	['Accepted', 'accepted'],
	['Cancelled', 'cancelled'],
	['Completed OK', 'completedOk'],
	['Completed With Issues', 'completedWithIssues'],
	['New', 'new'],
	['On the Way', 'onTheWay'],
	['Read', 'read'],
	['Refused', 'refused'],
	['Scheduled', 'scheduled'],
	['Sent', 'sent'],
	['Started', 'started'],
	['Suspended', 'suspended'],
	['Unscheduled', 'unscheduled'],
];

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: show,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show.show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Contact ID', name: 'contactId', type: 'number', typeOptions: { minValue: 1 }, default: 0, description: 'Only jobs for this contact (customer)' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'new',
				options: STATUSES.map(([name, value]) => ({ name, value })),
				description: 'Only jobs currently in this status',
			},
			{ displayName: 'Type ID', name: 'typeId', type: 'number', typeOptions: { minValue: 1 }, default: 0, description: 'Only jobs of this job type' },
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
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
				default: MAX_PAGE_SIZE,
				description: 'Jobs per request, up to 1000 (BigChange’s maximum). Fewer, larger pages finish sooner.',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'How long to wait for one page',
			},
		],
	},
];

interface ListPage {
	items?: IDataObject[];
	totalCount?: number;
}

function filtersOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const name of ['typeId', 'contactId']) {
		const value = filters[name];
		if (value !== undefined && value !== '' && value !== 0) qs[name] = value;
	}
	if (typeof filters.status === 'string' && filters.status !== '') qs.status = filters.status;
	return qs;
}

/**
 * Pages through GET /v1/jobs with a fixed page size (pages are offsets of it, so changing the size
 * mid-way would repeat or skip jobs) until the limit, a short page, or totalCount when BigChange
 * sends it.
 */
async function listJobs(
	context: IExecuteFunctions,
	connection: BigChangeConnection,
	pacer: RequestPacer,
	qs: IDataObject,
	limit: number | undefined,
	pageSize: number,
): Promise<IDataObject[]> {
	const size = Math.max(1, Math.min(MAX_PAGE_SIZE, limit === undefined ? pageSize : Math.min(pageSize, limit)));
	const jobs: IDataObject[] = [];
	for (let pageNumber = 1; pageNumber <= MAX_PAGE_NUMBER; pageNumber++) {
		const page = await withRetry(
			async () => await bigChangeRequest<ListPage>(context, connection, { method: 'GET', path: '/v1/jobs', qs: { ...qs, pageNumber, pageSize: size } }),
			{ idempotent: true, pacer, signal: context.getExecutionCancelSignal?.() },
		);
		const items = Array.isArray(page?.items) ? page.items : [];
		for (const job of items) {
			if (limit !== undefined && jobs.length >= limit) break;
			jobs.push(job);
		}
		const seen = pageNumber * size;
		if ((limit !== undefined && jobs.length >= limit) || items.length < size) break;
		if (typeof page.totalCount === 'number' && seen >= page.totalCount) break;
	}
	return jobs;
}

function errorItem(error: NodeApiError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { message: error.message };
	if (error.description) json.description = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	return { json, error, pairedItem: { item: itemIndex } };
}

/** One list per input item (its filters may be expressions); every job is an output item paired to it. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const options = this.getNodeParameter('options', 0, {}) as { pageSize?: number; timeoutSeconds?: number };
	const connection = await bigChangeConnection(this, (options.timeoutSeconds ?? REQUEST_DEFAULTS.timeoutSeconds) * 1000);
	const pacer = RequestPacer.forVendorLimit({ requestsPerSecond: REQUEST_DEFAULTS.requestsPerSecond });
	const output: INodeExecutionData[] = [];
	const count = this.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
			const jobs = await listJobs(this, connection, pacer, filtersOf(this, itemIndex), limit, options.pageSize ?? MAX_PAGE_SIZE);
			for (const job of jobs) output.push({ json: job, pairedItem: { item: itemIndex } });
		} catch (caught) {
			const error = bigChangeError(node, caught, { operation: 'list', itemIndex, pastedToken: connection.pastedToken });
			if (!this.continueOnFail()) throw error;
			output.push(errorItem(error, itemIndex));
		}
	}
	return [output];
}
