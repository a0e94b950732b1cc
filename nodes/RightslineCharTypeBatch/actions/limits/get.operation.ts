import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemLedger } from '../../../shared/ledger';
import { withRetry } from '../../../shared/retry';
import { rightslineError } from '../../transport/errors';
import { getLimits, rightslineConnection } from '../../transport/requests';

/**
 * `GET /v4/limits` once per run (the answer is the same for every item): the daily request
 * quota and the free batch slots, on every input item.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const ledger = new ItemLedger(items.length, node);
	const connection = await rightslineConnection(this, 30_000);
	try {
		const limits = await withRetry(async () => await getLimits(this, connection), { idempotent: true, signal: this.getExecutionCancelSignal?.() });
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) ledger.succeed(itemIndex, { ...limits });
	} catch (error) {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) ledger.fail(itemIndex, rightslineError(node, error, { itemIndex, action: 'get the API limits' }));
	}
	const failure = ledger.firstFailure();
	if (failure && !this.continueOnFail()) throw failure;
	return ledger.toNodeOutput();
}
