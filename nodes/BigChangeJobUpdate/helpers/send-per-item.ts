import type { IExecuteFunctions } from 'n8n-workflow';

import { dispatchBatches, sharedPacer, type ItemRun, type RequestPacer, type RequestSettings } from '../../shared';
import { BIGCHANGE_CREDENTIAL } from '../transport';

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

/** BigChange publishes no limit, so the chosen rate is the only one there is; one pace per credential. */
export function bigChangePacer(run: ItemRun, settings: RequestSettings): RequestPacer {
	return sharedPacer(run.node, BIGCHANGE_CREDENTIAL, { requestsPerSecond: settings.requestsPerSecond });
}

/**
 * One request per item, several at once and paced; retried on 429/5xx and lost connections when
 * the request is idempotent (GET, PATCH), and on 429/503 only when it is not (POST). The run's stop
 * rule ends it after a refused token or a 403 for the Customer ID: every other item would meet it.
 */
export async function sendPerItem<P, R>(
	context: IExecuteFunctions,
	run: ItemRun,
	requests: ReadonlyArray<ItemRequest<P>>,
	settings: RequestSettings,
	handlers: PerItemHandlers<P, R>,
): Promise<void> {
	const pacer = bigChangePacer(run, settings);
	await dispatchBatches(
		requests.map((request) => ({ itemIndexes: [request.itemIndex], payload: request, idempotent: request.idempotent })),
		{
			// Lanes and token expiry: n8n's httpRequestWithAuthentication renews the token on its own,
			// per request (a 401 makes it call preAuthentication and retry once), so the node cannot hold
			// the other lanes while one renews. When a token expires mid-run, each lane with a request in
			// flight may ask for a new token: at most 1 + concurrency token requests per expiry (defect 12.6).
			concurrency: settings.concurrency,
			pacer,
			stop: run.stop,
			signal: context.getExecutionCancelSignal?.(),
			send: async (batch) => await handlers.send(batch.payload, pacer),
			settle: (batch, response) => handlers.settle(batch.payload, response),
			fail: (batch, error) => handlers.fail(batch.payload, error),
		},
	);
}
