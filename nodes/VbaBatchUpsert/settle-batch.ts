import { NodeApiError, type IDataObject, type INode, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

import type { Batch } from '../shared/dispatch';
import type { ItemLedger } from '../shared/ledger';
import type { VbaEntity } from './catalog';
import { matchResults, parseMultiStatus, type RecordOutcome } from './multi-status';

export interface SettleContext {
	ledger: ItemLedger;
	node: INode;
	entity: VbaEntity;
	items: INodeExecutionData[];
	/** Output the input item plus `vbaResult`, or the result alone. */
	mergeInput: boolean;
}

function resultJson(outcome: Extract<RecordOutcome, { matched: true }>): IDataObject {
	return { status: outcome.status, message: outcome.message, key: outcome.key };
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
	const outcomes = matchResults(batch.payload.records, entity.keyFields, envelope.data);
	outcomes.forEach((outcome, position) => {
		const itemIndex = batch.itemIndexes[position];
		if (outcome.matched && (outcome.status === 200 || outcome.status === 201)) {
			const result = resultJson(outcome);
			ledger.succeed(itemIndex, mergeInput ? { ...items[itemIndex].json, vbaResult: result } : result);
			return;
		}
		ledger.fail(
			itemIndex,
			new NodeApiError(node, { message: outcome.message } as JsonObject, {
				message: outcome.matched
					? `VBAPI did not save this record (status ${outcome.status}): ${outcome.message || 'no message'}`
					: outcome.message,
				httpCode: outcome.matched ? String(outcome.status) : undefined,
				itemIndex,
			}),
			outcome.matched ? resultJson(outcome) : undefined,
		);
	});
}
