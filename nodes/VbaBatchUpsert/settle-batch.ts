import { NodeApiError, type IDataObject, type INode, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import type { Batch } from '../shared/dispatch';
import type { ItemLedger } from '../shared/ledger';
import type { VbaEntity } from './catalog';
import { matchResults, parseMultiStatus, summarize } from './multi-status';

export interface SettleContext {
	ledger: ItemLedger;
	node: INode;
	entity: VbaEntity;
	items: INodeExecutionData[];
	/** Output the input item plus `vbaResult`, or the result alone. */
	mergeInput: boolean;
}

/** Turns one batch's 207 answer into one success or failure per item of the batch. */
export function settleBatch(
	{ ledger, node, entity, items, mergeInput }: SettleContext,
	batch: Batch<{ path: string; records: IDataObject[] }>,
	response: unknown,
): void {
	const envelope = parseMultiStatus(response);
	if (!envelope?.data) {
		for (const itemIndex of batch.itemIndexes) {
			ledger.fail(
				itemIndex,
				new NodeApiError(node, { message: 'no per-record results' } as JsonObject, {
					message: 'VBAPI accepted the batch but returned no per-record results',
					description: 'The answer to the batch request did not contain the documented 207 result list.',
					itemIndex,
				}),
			);
		}
		return;
	}
	const matched = matchResults(batch.payload.records, entity.keyFields, envelope.data);
	for (let position = 0; position < matched.length; position++) {
		const itemIndex = batch.itemIndexes[position];
		const result = matched[position];
		if (result === undefined) {
			const message = 'VBAPI returned no result for this record';
			ledger.fail(itemIndex, new NodeApiError(node, { message } as JsonObject, { message, itemIndex }));
			continue;
		}
		const summary = summarize(result);
		if (summary.status === 200 || summary.status === 201) {
			// Object.assign, not spread: V8 (Node 20) copies a record this way several times faster,
			// measured at 100,000 records (bench/, npm run bench -- vba-upsert).
			ledger.succeed(itemIndex, mergeInput ? Object.assign({}, items[itemIndex].json, { vbaResult: summary }) : summary);
			continue;
		}
		ledger.fail(
			itemIndex,
			new NodeApiError(node, { message: summary.message } as JsonObject, {
				message: `VBAPI did not save this record (status ${summary.status}): ${summary.message || 'no message'}`,
				httpCode: String(summary.status),
				itemIndex,
			}),
			summary,
		);
	}
}
