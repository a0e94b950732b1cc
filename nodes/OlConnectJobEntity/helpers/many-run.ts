import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { dispatchBatches, type Batch } from '../../shared/dispatch';
import type { ItemLedger } from '../../shared/ledger';
import { olcApiError } from '../transport/errors';
import type { OlcConnection } from '../transport';
import type { JobUpdate } from './many-jobs';
import { pacerFor, type ManyOptions } from './options';
import { RunGuard, type Guarded } from './run-guard';

export type Outcome = Guarded<unknown>;

/** One run of Update Properties of Many Jobs: its ledger, connection, options and guard. */
export class ManyJobsRun {
	readonly guard = new RunGuard();

	constructor(
		readonly context: IExecuteFunctions,
		readonly node: INode,
		readonly ledger: ItemLedger,
		readonly options: ManyOptions,
		readonly connection: OlcConnection,
	) {}

	/** Fails every item naming `job`, in the node's words (`message`) or the status's. */
	failJob(job: JobUpdate, error: unknown, action: string, words: { message?: string; note?: string } = {}): void {
		for (const itemIndex of job.itemIndexes) {
			this.ledger.fail(
				itemIndex,
				olcApiError(this.node, error, {
					itemIndex,
					jobId: job.jobId,
					action,
					authMode: this.connection.authMode,
					secrets: this.connection.secrets,
					...words,
				}),
			);
		}
	}

	/** Sends the batches with the run's concurrency, pace, retries and guard. */
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
		await dispatchBatches<P, Outcome>(batches, {
			concurrency: this.options.concurrency,
			firstAlone: handlers.firstAlone,
			pacer: pacerFor(this.options),
			signal: this.context.getExecutionCancelSignal?.(),
			send: async ({ payload }) => {
				const refuses = handlers.refuses;
				return await this.guard.call(async () => await handlers.send(payload), refuses && ((error) => refuses(payload, error)));
			},
			settle: ({ payload }, outcome) => handlers.settle(payload, outcome),
			fail: ({ payload }, error) => {
				this.guard.failed(error);
				handlers.fail(payload, error);
			},
		});
	}
}
