import type { IExecuteFunctions } from 'n8n-workflow';

import { dispatchBatches, type Batch } from '../../shared/dispatch';
import type { ItemRun } from '../../shared/item-run';
import type { RequestPacer } from '../../shared/pacer';
import { olcApiError } from '../transport/errors';
import type { OlcConnection } from '../transport';
import type { JobUpdate } from './many-jobs';
import { answerOrRefusal, type Answer } from './refusal';
import { pacerFor, type RunSettings } from './request-profile';

export type Outcome = Answer<unknown>;

/** One run of Update Properties of Many Jobs: its items, settings and connection, one pace for all its requests. */
export class ManyJobsRun {
	private readonly pacer: RequestPacer;

	constructor(
		readonly context: IExecuteFunctions,
		readonly run: ItemRun,
		readonly settings: RunSettings,
		readonly connection: OlcConnection,
	) {
		this.pacer = pacerFor(run.node, settings);
	}

	/** Fails every item naming `job`, in the node's words (`message`) or the status's. */
	failJob(job: JobUpdate, error: unknown, action: string, words: { message?: string; note?: string } = {}): void {
		for (const itemIndex of job.itemIndexes) {
			const apiError = olcApiError(this.run.node, error, {
				itemIndex,
				jobId: job.jobId,
				action,
				authMode: this.connection.authMode,
				secrets: this.connection.secrets,
				...words,
			});
			this.run.ledger.fail(itemIndex, apiError, { jobId: job.jobId });
		}
	}

	/** Sends the batches with the run's concurrency, pace, retries and stop rule. */
	async dispatch<P>(
		batches: Array<Batch<P>>,
		handlers: {
			send: (payload: P) => Promise<unknown>;
			settle: (payload: P, outcome: Outcome) => void;
			fail: (payload: P, error: unknown) => void;
			/** Which failures are refusals, settled as a value rather than retried; a 500 when not given. */
			refuses?: (payload: P, error: unknown) => boolean;
			firstAlone?: boolean;
		},
	): Promise<void> {
		const { refuses } = handlers;
		await dispatchBatches<P, Outcome>(batches, {
			// As for single jobs (see runPerJob): n8n renews an expired session per request, so each
			// lane may log in once when the session expires mid-run.
			concurrency: this.settings.concurrency,
			firstAlone: handlers.firstAlone,
			pacer: this.pacer,
			signal: this.context.getExecutionCancelSignal?.(),
			stop: this.run.stop,
			send: async ({ payload }) =>
				await answerOrRefusal(async () => await handlers.send(payload), refuses && ((error) => refuses(payload, error))),
			settle: ({ payload }, outcome) => handlers.settle(payload, outcome),
			fail: ({ payload }, error) => handlers.fail(payload, error),
		});
	}
}
