import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { describeValue, ItemRun, itemProblem, parsePositiveInteger, readRequestOptions } from '../../../shared';
import { listJobs, MAX_PAGE_SIZE } from '../../helpers/list-jobs';
import { BIGCHANGE_REQUESTS } from '../../helpers/request-profile';
import { bigChangePacer } from '../../helpers/send-per-item';
import { bigChangeConnection } from '../../transport';
import { bigChangeError } from '../../transport/errors';

const show = { show: { resource: ['job'], operation: ['getAll'] } };

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

interface ListQuery {
	qs: IDataObject;
	limit: number | undefined;
}

function filtersOf(filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const name of ['typeId', 'contactId']) {
		const value = filters[name];
		if (value !== undefined && value !== '' && value !== 0) qs[name] = value;
	}
	if (typeof filters.status === 'string' && filters.status !== '') qs.status = filters.status;
	return qs;
}

/**
 * One list per input item (its filters may be expressions); every job is an output item paired to
 * it (ledger.succeedMany), and a failed item comes out once, as its error.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = ItemRun.start(this, { succeeded: 'listed', readOnly: true });
	const { node, ledger } = run;
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const settings = readRequestOptions(options, BIGCHANGE_REQUESTS);
	const pageSize = parsePositiveInteger(options.pageSize) ?? MAX_PAGE_SIZE;
	const ready = run.check((itemIndex): ListQuery | ReturnType<typeof itemProblem> => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const qs = filtersOf(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		if (returnAll) return { qs, limit: undefined };
		const given = this.getNodeParameter('limit', itemIndex, 50);
		const limit = parsePositiveInteger(given);
		return limit === undefined ? itemProblem(`Limit must be a whole number of 1 or more, got ${describeValue(given)}`, 'limit') : { qs, limit };
	});
	if (ready.length > 0) {
		const connection = await bigChangeConnection(this, settings.timeoutSeconds * 1000);
		const pacer = bigChangePacer(run, settings);
		// One item after the other, as n8n's own list nodes do: pages are what takes the time.
		for (const { itemIndex, value } of ready) {
			try {
				run.stop.check();
				const jobs = await listJobs(this, connection, pacer, value.qs, value.limit, pageSize);
				ledger.succeedMany(itemIndex, jobs);
			} catch (error) {
				run.stop.failed(error);
				ledger.fail(itemIndex, bigChangeError(node, error, { operation: 'list', itemIndex, pastedToken: connection.pastedToken }));
			}
		}
	}
	return run.finish();
}
