import { NodeApiError, type IDataObject, type INode, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import type { Batch } from '../../shared/dispatch';
import { setFailureFacts, type FailureFacts } from '../../shared/failure-facts';
import type { ItemLedger } from '../../shared/ledger';
import type { VbaEntity } from '../catalog';
import { recordRefusedMessage } from '../transport/errors';
import { matchResults, parseMultiStatus, summarize, type AnswerOrder, type RecordSummary } from './multi-status';
import { droppedNote } from './validation';

/** One `PUT …-batch` request: records of one entity under one parent path. */
export type VbaBatch = Batch<{ entity: VbaEntity; path: string; records: IDataObject[] }>;

export interface SettleContext {
	ledger: ItemLedger;
	node: INode;
	items: INodeExecutionData[];
	/** 1 where the item's Output is Result Only; 0 for the input item plus `vbaResult`. */
	resultOnly: Uint8Array;
	/** Unknown fields left out, by item index (only items that had some). */
	dropped: ReadonlyMap<number, string[]>;
}

/** A failure the node words itself, with what is known of whether VBAPI applied it. */
function vbaError(node: INode, itemIndex: number, message: string, facts: Partial<FailureFacts>, extra: { description?: string; status?: number } = {}): NodeApiError {
	const error = new NodeApiError(node, { message } as JsonObject, {
		message,
		description: extra.description,
		httpCode: extra.status === undefined ? undefined : String(extra.status),
		itemIndex,
	});
	setFailureFacts(error, { sent: true, ...facts });
	return error;
}

function guessWarning(order: AnswerOrder, entity: VbaEntity): string {
	const why =
		order === 'reordered'
			? 'the answer listed the records in another order than they were sent'
			: 'the answer had no records with known keys to check its order by';
	return `This ${entity.displayName} key was matched by position and may belong to another record of the same batch: several records of the batch asked VBAPI for a new key, VBAPI's answer names only the new keys, and ${why}. Send such records with Batch Size 1 to be sure.`;
}

/** Turns one batch's 207 answer into one success or failure per item of the batch. */
export function settleBatch({ ledger, node, items, resultOnly, dropped }: SettleContext, batch: VbaBatch, response: unknown): void {
	const { entity } = batch.payload;
	const envelope = parseMultiStatus(response);
	if (!envelope?.data) {
		// The batch was answered, so it reached VBAPI; without results nothing says what it saved.
		for (const itemIndex of batch.itemIndexes) {
			const droppedFields = dropped.get(itemIndex);
			const error = vbaError(node, itemIndex, 'VBAPI accepted the batch but returned no per-record results', { mayHaveBeenApplied: true }, {
				description: 'The answer to the batch request did not contain the documented 207 result list. Check in VBAPI whether the record was saved.',
			});
			ledger.fail(itemIndex, error, droppedFields ? { droppedFields } : undefined);
		}
		return;
	}
	const match = matchResults(batch.payload.records, entity.keyFields, envelope.data);
	for (let position = 0; position < match.results.length; position++) {
		const itemIndex = batch.itemIndexes[position];
		const result = match.results[position];
		const droppedFields = dropped.get(itemIndex);
		if (result === undefined) {
			const message = `VBAPI returned no result for this record${droppedFields ? `.${droppedNote(entity, droppedFields)}` : ''}`;
			ledger.fail(itemIndex, vbaError(node, itemIndex, message, { mayHaveBeenApplied: true }), droppedFields ? { droppedFields } : undefined);
			continue;
		}
		const summary: RecordSummary = summarize(result);
		summary.keyMatchedBy = match.byPosition.has(position) ? 'position' : 'key';
		if (match.uncertain.has(position)) summary.warning = guessWarning(match.order, entity);
		if (droppedFields) summary.droppedFields = droppedFields;
		if (summary.status === 200 || summary.status === 201) {
			// Object.assign, not spread: V8 (Node 20) copies a record this way several times faster,
			// measured at 100,000 records (bench/, npm run bench -- vba-upsert).
			ledger.succeed(itemIndex, resultOnly[itemIndex] ? summary : Object.assign({}, items[itemIndex].json, { vbaResult: summary }));
			continue;
		}
		const maybeOther = summary.warning ? ' (this result may be another record’s of the same batch, see warning)' : '';
		const message = `${recordRefusedMessage(summary.status, summary.message)}${maybeOther}${droppedNote(entity, droppedFields)}`;
		const error = vbaError(node, itemIndex, message, { mayHaveBeenApplied: false, vendorMessage: summary.message }, { status: summary.status });
		ledger.fail(itemIndex, error, { vbaResult: summary });
	}
}
