import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INode, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { ItemParameter } from '../../../shared';
import { ItemLedger } from '../../../shared/ledger';
import { RequestPacer } from '../../../shared/pacer';
import { runConcurrently } from '../../../shared/pool';
import { withRetry } from '../../../shared/retry';
import type { Entry } from '../../helpers/entries';
import type { BatchAnswer } from '../../helpers/results';
import { entryOutcome, isErrorStatus, isFinalStatus, readFinalBatch } from '../../helpers/settle';
import { inSubmitOrder, submittedEntry, UNKNOWN_CHAR_TYPE } from '../../helpers/submitted-entry';
import { rightslineError } from '../../transport/errors';
import { getBatch, rightslineConnection } from '../../transport/requests';

const show = { show: { resource: ['batch'], operation: ['get'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Batch ID',
		name: 'batchId',
		type: 'string',
		default: '={{ $json.batchId }}',
		required: true,
		description:
			'The ID Rightsline gave the batch when it was created, e.g. from Submit Batch without waiting. An item that also carries the referenceId Submit Batch gave it gets its own record’s result; any other item gets the whole batch’s results.',
		displayOptions: show,
	},
];

/** The items that asked for one batch: for the whole answer, or for their own record in it. */
interface Wanted {
	whole: number[];
	own: Entry[];
}

const NO_RESULT_HINT =
	'Rightsline labels only failed records with their referenceId; a successful one is recognised by its place in the batch when all of the batch’s items of its char type are fetched together. Leave referenceId off the item to get the whole batch’s results.';

function parseBatchId(value: unknown): number | undefined {
	const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

function readBatchId(node: INode, reader: ItemParameter<unknown>, itemIndex: number, item: INodeExecutionData): number | NodeOperationError {
	let raw: unknown;
	try {
		raw = reader.value(itemIndex, item);
	} catch (error) {
		return new NodeOperationError(node, `Item ${itemIndex}: Batch ID could not be read: ${(error as Error).message}`, { itemIndex });
	}
	const batchId = parseBatchId(raw);
	return batchId ?? new NodeOperationError(node, `Item ${itemIndex}: Batch ID must be a whole number such as 48865381, got ${JSON.stringify(raw) ?? 'nothing'}`, { itemIndex });
}

/** What the item knows about its record before the batch is final: the same keys, without a result. */
function pendingJson(entry: Entry): IDataObject {
	const base: IDataObject = { code: null, message: null, id: null };
	return entry.kind === 'relationship' ? { ...base, relationship: null } : { ...base, charTypeId: entry.charTypeId, record: null };
}

/**
 * One `GET /v4/batch/:id` per distinct ID. An item that Submit Batch put out without waiting
 * (it carries its `referenceId`) gets its own record's result, as waiting would have given it;
 * any other item gets the batch's status and all of its results.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const ledger = new ItemLedger(items.length, node);
	const reader = new ItemParameter<unknown>(this, node, 'batchId', '');
	const wanted = new Map<number, Wanted>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const batchId = readBatchId(node, reader, itemIndex, items[itemIndex]);
		if (batchId instanceof NodeOperationError) {
			ledger.fail(itemIndex, batchId);
			continue;
		}
		const group = wanted.get(batchId) ?? { whole: [], own: [] };
		wanted.set(batchId, group);
		const entry = submittedEntry(itemIndex, items[itemIndex].json);
		if (entry) group.own.push(entry);
		else group.whole.push(itemIndex);
	}
	const invalid = ledger.firstFailure();
	if (invalid && !this.continueOnFail()) throw invalid;

	const connection = await rightslineConnection(this, 30_000);
	const pacer = RequestPacer.forVendorLimit({ requestsPerSecond: 40, burst: 40 });
	const signal = this.getExecutionCancelSignal?.();
	await runConcurrently([...wanted.entries()], 5, async ([batchId, { whole, own }]) => {
		let answer: BatchAnswer;
		try {
			answer = await withRetry(async () => await getBatch(this, connection, batchId), { idempotent: true, pacer, signal });
		} catch (error) {
			for (const itemIndex of [...whole, ...own.map((entry) => entry.itemIndex)]) {
				ledger.fail(itemIndex, rightslineError(node, error, { itemIndex, action: `get batch ${batchId}` }));
			}
			return;
		}
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
			const outcome = entryOutcome(node, entry, finished, {
				text: `Batch ${batchId} (status ${status}) has no result that is clearly this item's record (referenceId ${entry.referenceId})`,
				hint: NO_RESULT_HINT,
			});
			if (!outcome.ok) {
				ledger.fail(entry.itemIndex, outcome.error);
				continue;
			}
			const json: IDataObject = { ...header, referenceId: entry.referenceId, ...outcome.json };
			if (json.charTypeId === UNKNOWN_CHAR_TYPE) json.charTypeId = null;
			ledger.succeed(entry.itemIndex, json);
		}
	});

	const failure = ledger.firstFailure();
	if (failure && !this.continueOnFail()) throw failure;
	return ledger.toNodeOutput();
}
