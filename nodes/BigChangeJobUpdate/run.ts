import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { dispatchBatches, RequestPacer, withRetry, type ItemLedger } from '../shared';
import type { Refusal } from './changes';
import { bigChangeRequest, jobPath, type BigChangeConnection } from './transport';

export interface RequestSettings {
	concurrency?: number;
	requestsPerSecond?: number;
	timeoutSeconds?: number;
}

export const REQUEST_DEFAULTS = Object.freeze({ concurrency: 5, requestsPerSecond: 10, timeoutSeconds: 30 });

export interface ItemRequest<P> {
	itemIndex: number;
	payload: P;
	/** False for a create: repeating it after an answer was lost could create the job twice. */
	idempotent: boolean;
}

export interface PerItemHandlers<P, R> {
	send: (request: ItemRequest<P>, pacer: RequestPacer) => Promise<R>;
	settle: (request: ItemRequest<P>, response: R) => void;
	fail: (request: ItemRequest<P>, error: unknown) => void;
}

/** The item's refusal as the error n8n shows on it: item, field and reason; nothing was sent. */
export function refusalError(context: IExecuteFunctions, itemIndex: number, refusal: Refusal | { field: string; problem: string }): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Item ${itemIndex}: ${refusal.field} ${refusal.problem}`, {
		itemIndex,
		description: 'Nothing was sent to BigChange for this item.',
	});
}

/**
 * Checks every item before anything is sent, so a mistake in item 40,000 cannot leave the first
 * 39,999 applied and the run stopped. Refused items are settled in the ledger; with "Stop Workflow"
 * the first refusal ends the run before a single request.
 */
export function prepareAll<T>(context: IExecuteFunctions, ledger: ItemLedger, prepare: (itemIndex: number) => T | NodeOperationError): Array<{ itemIndex: number; prepared: T }> {
	const ready: Array<{ itemIndex: number; prepared: T }> = [];
	for (let itemIndex = 0; itemIndex < ledger.itemCount; itemIndex++) {
		let prepared: T | NodeOperationError;
		try {
			prepared = prepare(itemIndex);
		} catch (error) {
			prepared = new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		}
		if (prepared instanceof NodeOperationError) ledger.fail(itemIndex, prepared);
		else ready.push({ itemIndex, prepared });
	}
	const refused = ledger.firstFailure();
	if (refused && !context.continueOnFail()) throw refused;
	return ready;
}

/**
 * One request per item, several at once and paced; retried on 429/5xx and lost connections when
 * the request is idempotent (GET, PATCH), and on 429/503 only when it is not (POST).
 */
export async function sendPerItem<P, R>(
	context: IExecuteFunctions,
	requests: ReadonlyArray<ItemRequest<P>>,
	settings: RequestSettings,
	handlers: PerItemHandlers<P, R>,
): Promise<void> {
	const rate = settings.requestsPerSecond ?? REQUEST_DEFAULTS.requestsPerSecond;
	const pacer = RequestPacer.forVendorLimit({ requestsPerSecond: rate });
	await dispatchBatches(
		requests.map((request) => ({ itemIndexes: [request.itemIndex], payload: request, idempotent: request.idempotent })),
		{
			concurrency: settings.concurrency ?? REQUEST_DEFAULTS.concurrency,
			pacer,
			signal: context.getExecutionCancelSignal?.(),
			send: async (batch) => await handlers.send(batch.payload, pacer),
			settle: (batch, response) => handlers.settle(batch.payload, response),
			fail: (batch, error) => handlers.fail(batch.payload, error),
		},
	);
}

export type ReadBack = { job: IDataObject } | { error: unknown };

/**
 * GET after a write, for "Job as It Is Now". Its failure is returned rather than thrown: the write
 * already happened, and throwing would make the caller's retry repeat it.
 */
export async function readBack(context: IExecuteFunctions, connection: BigChangeConnection, jobId: number, pacer: RequestPacer): Promise<ReadBack> {
	try {
		const job = await withRetry(async () => await bigChangeRequest<IDataObject>(context, connection, { method: 'GET', path: jobPath(jobId) }), {
			idempotent: true,
			pacer,
			signal: context.getExecutionCancelSignal?.(),
		});
		return { job };
	} catch (error) {
		return { error };
	}
}
