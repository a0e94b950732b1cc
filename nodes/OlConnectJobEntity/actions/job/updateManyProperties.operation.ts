import {
	NodeOperationError,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type NodeApiError,
} from 'n8n-workflow';

import { chunk } from '../../../shared/chunk';
import { dispatchBatches, type Batch } from '../../../shared/dispatch';
import { ItemLedger } from '../../../shared/ledger';
import { nameValuesOf } from '../../helpers/answers';
import { ItemParameter } from '../../helpers/item-parameter';
import { parseJobId } from '../../helpers/job-id';
import { narrowDown, toBatch, type ChunkPayload, type JobUpdate } from '../../helpers/many-jobs';
import { applyChanges, simplify } from '../../helpers/name-value';
import { isServerError, NotSent, settled, stopsTheRun } from '../../helpers/not-sent';
import { pacerFor, readOptions, type ManyOptions } from '../../helpers/options';
import { PropertyInput } from '../../helpers/property-input';
import { getList, olcConnection, putManyProperties, type OlcConnection } from '../../transport';
import { olcApiError } from '../../transport/errors';
import { jobIdField, updateFields } from './fields';

export const description: INodeProperties[] = [jobIdField('updateManyProperties'), ...updateFields('properties', 'updateManyProperties')];

type Outcome = { done: true } | { serverError: unknown };

/** One run of the operation: the ledger, the connection, and the rule that stops sending after a failure every job would meet. */
class ManyJobsRun {
	private refusal: unknown;

	constructor(
		readonly context: IExecuteFunctions,
		readonly node: INode,
		readonly ledger: ItemLedger,
		readonly options: ManyOptions,
		readonly connection: OlcConnection,
	) {}

	/** Calls `request` unless an earlier call failed for good; keeps 500s as values (not retried). */
	async guarded(request: () => Promise<unknown>): Promise<Outcome> {
		if (this.refusal !== undefined) throw new NotSent(this.refusal);
		const result = await settled(request());
		if ('value' in result) return { done: true };
		if (isServerError(result.failure)) return { serverError: result.failure };
		// Rethrown as it came, so the retry logic reads its status and network code.
		throw result.failure;
	}

	failJob(job: JobUpdate, error: unknown, action: string, words: { message?: string; note?: string } = {}): void {
		for (const itemIndex of job.itemIndexes) {
			const apiError: NodeApiError = olcApiError(this.node, error, {
				itemIndex,
				jobId: job.jobId,
				action,
				authMode: this.connection.authMode,
				secrets: this.connection.secrets,
				...words,
			});
			this.ledger.fail(itemIndex, apiError);
		}
	}

	dispatch<P>(
		batches: Array<Batch<P>>,
		send: (payload: P) => Promise<Outcome>,
		settle: (payload: P, outcome: Outcome) => void,
		fail: (payload: P, error: unknown) => void,
		firstAlone = true,
	) {
		return dispatchBatches<P, Outcome>(batches, {
			concurrency: this.options.concurrency,
			firstAlone,
			pacer: pacerFor(this.options),
			signal: this.context.getExecutionCancelSignal?.(),
			send: async ({ payload }) => await send(payload),
			settle: ({ payload }, outcome) => settle(payload, outcome),
			fail: ({ payload }, error) => {
				// Only a final failure, after retries, stops the run.
				if (!(error instanceof NotSent) && stopsTheRun(error)) this.refusal ??= error;
				fail(payload, error);
			},
		});
	}
}

/** Every item checked first; items naming the same job are combined in input order. */
function gather(context: IExecuteFunctions, node: INode, ledger: ItemLedger): Map<number, JobUpdate> {
	const items = context.getInputData();
	const jobId = new ItemParameter(context, node, 'jobId');
	const input = new PropertyInput(context, node, jobId.field);
	const jobs = new Map<number, JobUpdate>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const item = items[itemIndex];
		let problem: string | undefined;
		try {
			const id = parseJobId(jobId.value(itemIndex, item));
			const changes = 'problem' in id ? undefined : input.read(itemIndex, item);
			if ('problem' in id) problem = id.problem;
			else if (changes && 'problem' in changes) problem = changes.problem;
			else if (changes) {
				const job = jobs.get(id.ok);
				if (job === undefined) jobs.set(id.ok, { jobId: id.ok, itemIndexes: [itemIndex], changes: changes.ok });
				else {
					job.itemIndexes.push(itemIndex);
					job.changes = job.changes.concat(changes.ok);
				}
			}
		} catch (error) {
			problem = (error as Error).message;
		}
		if (problem !== undefined) {
			ledger.fail(itemIndex, new NodeOperationError(node, `Item ${itemIndex}: ${problem}`, { itemIndex, description: 'Nothing was sent for this item.' }));
		}
	}
	return jobs;
}

/** Merge mode: the current list of each job, read several at once. Jobs whose read failed are settled and left out. */
async function readCurrent(run: ManyJobsRun, jobs: JobUpdate[]): Promise<JobUpdate[]> {
	const ready: JobUpdate[] = [];
	const action = (job: JobUpdate) => `read the current properties of job ${job.jobId} (to merge the new ones in)`;
	await run.dispatch(
		jobs.map((job) => ({ itemIndexes: job.itemIndexes, payload: job, idempotent: true })),
		async (job) =>
			await run.guarded(async () => {
				const current = nameValuesOf(await getList(run.context, run.connection, 'properties', job.jobId), 'a properties list');
				job.entry = { id: job.jobId, properties: current };
			}),
		(job, outcome) => {
			if ('serverError' in outcome) run.failJob(job, outcome.serverError, action(job));
			else ready.push(job);
		},
		(job, error) => run.failJob(job, error, action(job)),
	);
	return ready;
}

/** Sends the lists in chunks; a chunk refused with a 500 is narrowed down (or failed whole) in further rounds. */
async function writeChunks(run: ManyJobsRun, jobs: JobUpdate[]): Promise<void> {
	const action = (job: JobUpdate) => `update the properties of job ${job.jobId}`;
	// Output items are built after the last answer, so a lane goes on to its next request at once.
	const updated: JobUpdate[][] = [];
	let round = chunk(jobs, run.options.chunkSize).map((part) => toBatch(part, false));
	while (round.length > 0) {
		const next: Array<Batch<ChunkPayload>> = [];
		await run.dispatch(
			round,
			async ({ jobs: part }) =>
				await run.guarded(async () => await putManyProperties(run.context, run.connection, part.map((job) => job.entry ?? { id: job.jobId, properties: [] }))),
			({ jobs: part, isolating }, outcome) => {
				if (!('serverError' in outcome)) return void updated.push(part);
				if (run.options.onChunkFailure === 'failChunk' && part.length > 1) {
					const message = `OL Connect refused a request updating ${part.length} jobs (${part[0].jobId} to ${part[part.length - 1].jobId}) with a server error, usually because one of them does not exist; this job may not be the cause and may or may not have been updated ('On a Failed Request' fails the whole request)`;
					return part.forEach((job) => run.failJob(job, outcome.serverError, action(job), { message }));
				}
				const { failed, retry } = narrowDown(part, outcome.serverError);
				const note = isolating || part.length > 1 ? 'Found by sending the jobs of a failed request again in smaller parts; the others were updated.' : undefined;
				if (failed) run.failJob(failed, outcome.serverError, action(failed), { note });
				next.push(...retry.map((jobsAgain) => toBatch(jobsAgain, true)));
			},
			({ jobs: part }, error) => part.forEach((job) => run.failJob(job, error, action(job))),
			// With a handful of big requests, waiting for the first costs a whole round.
			!run.connection.noLoginAhead,
		);
		round = next;
	}
	for (const part of updated) for (const job of part) succeed(run.ledger, job);
}

/** Every item naming the job gets its own output item with the properties the job now has. */
function succeed(ledger: ItemLedger, job: JobUpdate): void {
	const properties = simplify(job.entry?.properties ?? []);
	const [first, ...others] = job.itemIndexes;
	ledger.succeed(first, { jobId: job.jobId, properties });
	// Copies, so a later node changing one item's properties changes only that item.
	for (const itemIndex of others) ledger.succeed(itemIndex, { jobId: job.jobId, properties: { ...properties } });
}

/**
 * Update Properties of Many Jobs: one `PUT /entity/jobs/properties` per chunk of jobs instead of a
 * request per job, and still one output item per input item.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const options = readOptions(this);
	const merge = this.getNodeParameter('updateMode', 0, 'merge') === 'merge';
	const ledger = new ItemLedger(this.getInputData().length, node);
	const jobs = gather(this, node, ledger);
	const invalid = ledger.firstFailure();
	if (invalid && !this.continueOnFail()) throw invalid;

	const run = new ManyJobsRun(this, node, ledger, options, await olcConnection(this, options.timeoutSeconds * 1000));
	let ready = [...jobs.values()];
	if (merge) ready = await readCurrent(run, ready);
	for (const job of ready) job.entry = { id: job.jobId, properties: applyChanges(merge ? (job.entry?.properties ?? []) : [], job.changes) };
	await writeChunks(run, ready);

	const failure = ledger.firstFailure();
	if (failure && !this.continueOnFail()) throw failure;
	return ledger.toNodeOutput();
}
