import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { dispatchBatches, type Batch } from '../../shared/dispatch';
import { ItemLedger } from '../../shared/ledger';
import { olcApiError } from '../transport/errors';
import { olcConnection, type OlcConnection } from '../transport';
import type { Checked } from './job-id';
import { RunGuard, type Guarded } from './run-guard';
import { pacerFor, readOptions } from './options';

export interface JobTask<T> {
	itemIndex: number;
	jobId: number;
	input: T;
}

export interface PerJobSpec<T> {
	/** Reads and checks what one item asks for; a problem is reported before anything is sent. */
	prepare(itemIndex: number, item: INodeExecutionData): Checked<{ jobId: number; input: T }>;
	/** "read the properties of job 12", for messages. */
	action(jobId: number): string;
	/** The requests for one job; an array result becomes one output item per entry, so it must not be empty (an empty one would lose the input item). */
	perform(task: JobTask<T>, connection: OlcConnection): Promise<IDataObject | IDataObject[]>;
}

type Outcome = Guarded<IDataObject | IDataObject[]>;

/**
 * Runs an operation that makes one call (or one read-then-write) per job: every item is checked
 * first, then the jobs go several at once, and every input item comes out exactly once.
 */
export async function runPerJob<T>(context: IExecuteFunctions, spec: PerJobSpec<T>): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const node = context.getNode();
	const ledger = new ItemLedger(items.length, node);
	const options = readOptions(context);

	const batches: Array<Batch<JobTask<T>>> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let prepared: Checked<{ jobId: number; input: T }>;
		try {
			prepared = spec.prepare(itemIndex, items[itemIndex]);
		} catch (error) {
			prepared = { problem: (error as Error).message };
		}
		if ('problem' in prepared) {
			ledger.fail(itemIndex, new NodeOperationError(node, `Item ${itemIndex}: ${prepared.problem}`, { itemIndex, description: 'Nothing was sent for this item.' }));
			continue;
		}
		batches.push({ itemIndexes: [itemIndex], payload: { itemIndex, ...prepared.ok }, idempotent: true });
	}
	const invalid = ledger.firstFailure();
	if (invalid && !context.continueOnFail()) throw invalid;

	const connection = await olcConnection(context, options.timeoutSeconds * 1000);
	const splits = new Map<number, IDataObject[]>();
	const guard = new RunGuard();
	const failure = (task: JobTask<T>, error: unknown) =>
		olcApiError(node, error, {
			itemIndex: task.itemIndex,
			jobId: task.jobId,
			action: spec.action(task.jobId),
			authMode: connection.authMode,
			secrets: connection.secrets,
		});

	await dispatchBatches<JobTask<T>, Outcome>(batches, {
		concurrency: options.concurrency,
		pacer: pacerFor(options),
		signal: context.getExecutionCancelSignal?.(),
		send: async ({ payload }) => await guard.call(async () => await spec.perform(payload, connection)),
		settle: ({ payload }, outcome) => {
			if ('refused' in outcome) {
				ledger.fail(payload.itemIndex, failure(payload, outcome.refused));
				return;
			}
			const { value } = outcome;
			if (Array.isArray(value)) splits.set(payload.itemIndex, value);
			ledger.succeed(payload.itemIndex, Array.isArray(value) ? {} : value);
		},
		fail: ({ payload }, error) => {
			guard.failed(error);
			ledger.fail(payload.itemIndex, failure(payload, error));
		},
	});

	const first = ledger.firstFailure();
	if (first && !context.continueOnFail()) throw first;
	const [output] = ledger.toNodeOutput();
	if (splits.size === 0) return [output];
	return [output.flatMap((item, index) => splits.get(index)?.map((json) => ({ json, pairedItem: { item: index } })) ?? [item])];
}
