import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { dispatchBatches, type Batch } from '../../../shared/dispatch';
import { ItemParameter } from '../../../shared/item-parameter';
import { describeValue, itemProblem, parsePositiveInteger } from '../../../shared/item-problem';
import { ItemRun } from '../../../shared/item-run';
import { sharedPacer } from '../../../shared/pacer-registry';
import { RIGHTSLINE_CREDENTIAL } from '../../transport/requests';
import type { Entry } from '../../helpers/entries';
import { RIGHTSLINE_LIMIT, RIGHTSLINE_PROFILE } from '../../helpers/request-profile';
import type { BatchAnswer } from '../../helpers/results';
import { entryOutcome, isErrorStatus, isFinalStatus, readFinalBatch } from '../../helpers/settle';
import { inSubmitOrder, submittedEntry, submittedFields, UNKNOWN_CHAR_TYPE } from '../../helpers/submitted-entry';
import { rightslineError } from '../../transport/errors';
import { getBatch, rightslineConnection } from '../../transport/requests';

const show = { show: { resource: ['batch'], operation: ['get'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Batch ID',
		name: 'batchId',
		type: 'string',
		default: '={{ $json.details?.batchId ?? $json.batchId }}',
		required: true,
		description:
			'The ID Rightsline gave the batch when it was created. By default it is read from the item: `batchId` on an item Submit Batch put out without waiting, or `details.batchId` on an item Submit Batch failed because its batch was still running at the time limit or its status could not be read. An item that also carries the referenceId Submit Batch gave it (on the item or in its details) gets its own record’s result; any other item gets the whole batch’s results.',
		displayOptions: show,
	},
];

/** How many batches are read at once: each read is one small request. */
const BATCHES_AT_ONCE = 5;

/** The items that asked for one batch: for the whole answer, or for their own record in it. */
interface Wanted {
	batchId: number;
	whole: number[];
	own: Entry[];
}

const NO_RESULT_HINT =
	'Rightsline labels only failed records with their referenceId; a successful one is recognised by its place in the batch when all of the batch’s items of its char type are fetched together. Leave referenceId off the item to get the whole batch’s results.';

/** What the item knows about its record before the batch is final: the same keys, without a result. */
function pendingJson(entry: Entry): IDataObject {
	const base: IDataObject = { code: null, message: null, id: null };
	return entry.kind === 'relationship' ? { ...base, relationship: null } : { ...base, charTypeId: entry.charTypeId, record: null };
}

/**
 * One `GET /v4/batch/:id` per distinct ID. An item that Submit Batch put out without waiting, or
 * failed with its batch still open (it carries its `referenceId`), gets its own record's result,
 * as waiting would have given it; any other item gets the batch's status and all of its results.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = ItemRun.start(this, { succeeded: 'read', readOnly: true });
	const reader = new ItemParameter<unknown>(this, run.node, 'batchId', '');
	const checked = run.check((itemIndex, item) => {
		let raw: unknown;
		try {
			raw = reader.value(itemIndex, item);
		} catch (error) {
			return itemProblem(`Batch ID could not be read: ${(error as Error).message}`, 'batchId');
		}
		const batchId = parsePositiveInteger(raw);
		return batchId ?? itemProblem(`Batch ID must be a whole number such as 48865381, got ${describeValue(raw)}`, 'batchId');
	});
	const wanted = new Map<number, Wanted>();
	for (const { itemIndex, value: batchId } of checked) {
		let group = wanted.get(batchId);
		if (!group) wanted.set(batchId, (group = { batchId, whole: [], own: [] }));
		const entry = submittedEntry(itemIndex, run.items[itemIndex].json);
		if (entry) group.own.push(entry);
		else group.whole.push(itemIndex);
	}

	const batches: Array<Batch<Wanted>> = [...wanted.values()].map((group) => ({
		itemIndexes: [...group.whole, ...group.own.map((entry) => entry.itemIndex)],
		payload: group,
		idempotent: true,
	}));
	const connection = await rightslineConnection(this, RIGHTSLINE_PROFILE.defaults.timeoutSeconds * 1000);
	await dispatchBatches(batches, {
		concurrency: BATCHES_AT_ONCE,
		pacer: sharedPacer(run.node, RIGHTSLINE_CREDENTIAL, RIGHTSLINE_LIMIT),
		signal: this.getExecutionCancelSignal?.(),
		stop: run.stop,
		send: async (batch) => await getBatch(this, connection, batch.payload.batchId),
		settle: (batch, answer: BatchAnswer) => settleGroup(run, batch.payload, answer),
		fail: (batch, error) => {
			const { batchId } = batch.payload;
			for (const itemIndex of batch.itemIndexes) {
				run.ledger.fail(itemIndex, rightslineError(run.node, error, { itemIndex, action: `get batch ${batchId}` }), { batchId });
			}
		},
	});
	return run.finish();
}

function settleGroup(run: ItemRun, { batchId, whole, own }: Wanted, answer: BatchAnswer): void {
	const { ledger } = run;
	const status = answer.batchStatus;
	const final = isFinalStatus(status);
	const header: IDataObject = { batchId: answer.batchId ?? batchId, batchStatus: status ?? null, final, failed: isErrorStatus(status) };
	for (const itemIndex of whole) ledger.succeed(itemIndex, { ...header, batchResults: answer.batchResults ?? null });

	if (!final) {
		for (const entry of own) ledger.succeed(entry.itemIndex, { ...header, referenceId: entry.referenceId, ...pendingJson(entry) });
		return;
	}
	// Whether the batch was set to cancel on a failure is not on the item, so an `Errored` batch is not read as cancelled.
	const finished = readFinalBatch(inSubmitOrder(own), batchId, answer, false);
	for (const entry of own) {
		const outcome = entryOutcome(run.node, entry, finished, {
			text: `Batch ${batchId} (status ${status}) has no result that is clearly this item's record (referenceId ${entry.referenceId})`,
			hint: NO_RESULT_HINT,
		});
		if (!outcome.ok) {
			ledger.fail(entry.itemIndex, outcome.error, submittedFields(entry, batchId));
			continue;
		}
		const json: IDataObject = { ...header, referenceId: entry.referenceId, ...outcome.json };
		if (json.charTypeId === UNKNOWN_CHAR_TYPE) json.charTypeId = null;
		ledger.succeed(entry.itemIndex, json);
	}
}
