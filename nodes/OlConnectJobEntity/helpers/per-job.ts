import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dispatchBatches } from '../../shared/dispatch';
import type { ItemProblem } from '../../shared/item-problem';
import { ItemRun } from '../../shared/item-run';
import { olcApiError } from '../transport/errors';
import { olcConnection, type OlcConnection } from '../transport';
import { answerOrRefusal, type Answer } from './refusal';
import { pacerFor, readRunSettings } from './request-profile';

export interface JobTask<T> {
	itemIndex: number;
	jobId: number;
	input: T;
}

export interface PerJobSpec<T> {
	/** What a success means, for the Stop Workflow summary: "read from OL Connect". */
	succeeded: string;
	/** Reads only: Retry On Fail may run them again as they are (see ItemRunOptions.readOnly). */
	readOnly: boolean;
	/** Reads and checks what one item asks for; a problem is reported before anything is sent. */
	prepare(itemIndex: number, item: INodeExecutionData): { jobId: number; input: T } | ItemProblem;
	/** "read the properties of job 12", for messages. */
	action(jobId: number): string;
	/** The requests for one job; an array result becomes one output item per entry, so it must not be empty (an empty one would lose the input item). */
	perform(task: JobTask<T>, connection: OlcConnection): Promise<IDataObject | IDataObject[]>;
}

/**
 * Runs an operation that makes one call (or one read-then-write) per job: every item is checked
 * first, then the jobs go several at once, and every input item comes out exactly once.
 */
export async function runPerJob<T>(context: IExecuteFunctions, spec: PerJobSpec<T>): Promise<INodeExecutionData[][]> {
	const run = ItemRun.start(context, { succeeded: spec.succeeded, readOnly: spec.readOnly });
	const settings = readRunSettings(context);
	const tasks = run.check((itemIndex, item) => spec.prepare(itemIndex, item));
	const connection = await olcConnection(context, settings.timeoutSeconds * 1000);
	const fail = (task: JobTask<T>, error: unknown) =>
		run.ledger.fail(
			task.itemIndex,
			olcApiError(run.node, error, {
				itemIndex: task.itemIndex,
				jobId: task.jobId,
				action: spec.action(task.jobId),
				authMode: connection.authMode,
				secrets: connection.secrets,
			}),
			{ jobId: task.jobId },
		);

	await dispatchBatches<JobTask<T>, Answer<IDataObject | IDataObject[]>>(
		tasks.map(({ itemIndex, value }) => ({ itemIndexes: [itemIndex], payload: { itemIndex, ...value }, idempotent: true })),
		{
			// n8n renews an expired session inside each request (on a 401 it logs in and repeats that
			// request once), so one lane cannot hold the others during a renewal: a session that expires
			// mid-run costs at most one login per lane, never one per job.
			concurrency: settings.concurrency,
			pacer: pacerFor(run.node, settings),
			signal: context.getExecutionCancelSignal?.(),
			stop: run.stop,
			send: async ({ payload }) => await answerOrRefusal(async () => await spec.perform(payload, connection)),
			settle: ({ payload }, answer) => {
				if ('refused' in answer) fail(payload, answer.refused);
				else if (Array.isArray(answer.value)) run.ledger.succeedMany(payload.itemIndex, answer.value);
				else run.ledger.succeed(payload.itemIndex, answer.value);
			},
			fail: ({ payload }, error) => fail(payload, error),
		},
	);
	return run.finish();
}
