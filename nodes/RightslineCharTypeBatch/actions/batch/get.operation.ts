import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { ItemLedger } from '../../../shared/ledger';
import { RequestPacer } from '../../../shared/pacer';
import { runConcurrently } from '../../../shared/pool';
import { withRetry } from '../../../shared/retry';
import type { BatchAnswer } from '../../results';
import { isErrorStatus, isFinalStatus } from '../../settle';
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
		description: 'The ID Rightsline gave the batch when it was created, e.g. from Submit Batch without waiting',
		displayOptions: show,
	},
];

function parseBatchId(value: unknown): number | undefined {
	const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** One `GET /v4/batch/:id` per distinct ID; every item gets its batch's status and results. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const ledger = new ItemLedger(items.length, node);
	const wanted = new Map<number, number[]>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const raw = this.getNodeParameter('batchId', itemIndex, '');
		const batchId = parseBatchId(raw);
		if (batchId === undefined) {
			ledger.fail(itemIndex, new NodeOperationError(node, `Item ${itemIndex}: Batch ID must be a whole number such as 48865381, got ${JSON.stringify(raw) ?? 'nothing'}`, { itemIndex }));
			continue;
		}
		wanted.set(batchId, [...(wanted.get(batchId) ?? []), itemIndex]);
	}
	const invalid = ledger.firstFailure();
	if (invalid && !this.continueOnFail()) throw invalid;

	const connection = await rightslineConnection(this, 30_000);
	const pacer = RequestPacer.forVendorLimit({ requestsPerSecond: 40, burst: 40 });
	const signal = this.getExecutionCancelSignal?.();
	await runConcurrently([...wanted.entries()], 5, async ([batchId, itemIndexes]) => {
		let answer: BatchAnswer;
		try {
			answer = await withRetry(async () => await getBatch(this, connection, batchId), { idempotent: true, pacer, signal });
		} catch (error) {
			for (const itemIndex of itemIndexes) ledger.fail(itemIndex, rightslineError(node, error, { itemIndex, action: `get batch ${batchId}` }));
			return;
		}
		const status = answer.batchStatus;
		for (const itemIndex of itemIndexes) {
			ledger.succeed(itemIndex, {
				batchId: answer.batchId ?? batchId,
				batchStatus: status ?? null,
				final: isFinalStatus(status),
				failed: isErrorStatus(status),
				batchResults: answer.batchResults ?? null,
			});
		}
	});

	const failure = ledger.firstFailure();
	if (failure && !this.continueOnFail()) throw failure;
	return ledger.toNodeOutput();
}
