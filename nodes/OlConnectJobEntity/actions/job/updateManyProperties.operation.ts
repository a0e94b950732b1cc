import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chunk } from '../../../shared/chunk';
import type { Batch } from '../../../shared/dispatch';
import { ItemRun } from '../../../shared/item-run';
import type { ItemLedger } from '../../../shared/ledger';
import { nameValuesOf } from '../../helpers/answers';
import { gatherJobs } from '../../helpers/many-gather';
import { namedJob, narrowDown, refusedForAJob, toBatch, type ChunkPayload, type JobUpdate } from '../../helpers/many-jobs';
import { ManyJobsRun } from '../../helpers/many-run';
import { applyChanges, simplify } from '../../helpers/name-value';
import { readRunSettings } from '../../helpers/request-profile';
import { getList, olcConnection, putManyProperties } from '../../transport';
import { jobIdField, updateFields } from './fields';

export const description: INodeProperties[] = [jobIdField('updateManyProperties'), ...updateFields('properties', 'updateManyProperties')];

const writeAction = (job: JobUpdate) => `update the properties of job ${job.jobId}`;

/** Merge mode: the current list of each job, read several at once. Jobs whose read failed are settled and left out. */
async function readCurrent(run: ManyJobsRun, jobs: JobUpdate[]): Promise<JobUpdate[]> {
	const ready: JobUpdate[] = [];
	const action = (job: JobUpdate) => `read the current properties of job ${job.jobId} (to merge the new ones in)`;
	await run.dispatch(
		jobs.map((job) => ({ itemIndexes: job.itemIndexes, payload: job, idempotent: true })),
		{
			send: async (job) => {
				const current = nameValuesOf(await getList(run.context, run.connection, 'properties', job.jobId), 'a properties list');
				job.entry = { id: job.jobId, properties: current };
			},
			settle: (job, outcome) => {
				if ('refused' in outcome) run.failJob(job, outcome.refused, action(job));
				else ready.push(job);
			},
			fail: (job, error) => run.failJob(job, error, action(job)),
		},
	);
	return ready;
}

/** Why the request was refused, for the jobs of a chunk failed whole. */
function refusalReason(jobs: JobUpdate[], error: unknown): string {
	const named = namedJob(error, jobs);
	return named ? `because job ${named.jobId} does not exist` : 'with a server error, usually because one of them does not exist';
}

/**
 * A chunk refused because of one of its jobs (`refusedForAJob`): narrowed down in the next round,
 * or failed whole if the user asked so. Merge and Replace All both come here.
 */
function refused(run: ManyJobsRun, { jobs, isolating }: ChunkPayload, error: unknown): Array<Batch<ChunkPayload>> {
	if (run.settings.onChunkFailure === 'failChunk' && jobs.length > 1) {
		const message = `OL Connect refused a request updating ${jobs.length} jobs (${jobs[0].jobId} to ${jobs[jobs.length - 1].jobId}) ${refusalReason(jobs, error)}; this job may not be the cause and may or may not have been updated ('On a Failed Request' fails the whole request)`;
		for (const job of jobs) run.failJob(job, error, writeAction(job), { message });
		return [];
	}
	const { failed, retry } = narrowDown(jobs, error);
	let note: string | undefined;
	if (jobs.length > 1 && failed !== undefined && failed === namedJob(error, jobs)) {
		note = `OL Connect named this job when refusing a request for ${jobs.length} jobs; the others were sent again without it.`;
	} else if (isolating || jobs.length > 1) {
		note = 'Found by sending the jobs of a failed request again in smaller parts; the others were updated.';
	}
	if (failed) run.failJob(failed, error, writeAction(failed), { note });
	return retry.map((part) => toBatch(part, true));
}

/** Sends the lists in chunks, round after round until no chunk is left to narrow down; returns the jobs updated. */
async function writeChunks(run: ManyJobsRun, jobs: JobUpdate[]): Promise<JobUpdate[]> {
	const updated: JobUpdate[] = [];
	let round = chunk(jobs, run.settings.chunkSize).map((part) => toBatch(part, false));
	while (round.length > 0) {
		const next: Array<Batch<ChunkPayload>> = [];
		await run.dispatch(round, {
			send: async ({ jobs: part }) =>
				await putManyProperties(run.context, run.connection, part.map((job) => job.entry ?? { id: job.jobId, properties: [] })),
			settle: (payload, outcome) => {
				if ('refused' in outcome) next.push(...refused(run, payload, outcome.refused));
				else for (const job of payload.jobs) updated.push(job);
			},
			fail: ({ jobs: part }, error) => part.forEach((job) => run.failJob(job, error, writeAction(job))),
			refuses: ({ jobs: part }, error) => refusedForAJob(error, part),
			// With a handful of big requests, waiting for the first one alone costs a whole round.
			firstAlone: !run.connection.noLoginAhead,
		});
		round = next;
	}
	return updated;
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
 * request per job, and still one output item per input item. Output items are built after the
 * last answer, so a lane goes on to its next request at once.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = ItemRun.start(this, { succeeded: 'updated in OL Connect' });
	const settings = readRunSettings(this);
	const merge = this.getNodeParameter('updateMode', 0, 'merge') === 'merge';
	const jobs = gatherJobs(this, run);

	const many = new ManyJobsRun(this, run, settings, await olcConnection(this, settings.timeoutSeconds * 1000));
	let ready = [...jobs.values()];
	if (merge) ready = await readCurrent(many, ready);
	for (const job of ready) job.entry = { id: job.jobId, properties: applyChanges(merge ? (job.entry?.properties ?? []) : [], job.changes) };
	for (const job of await writeChunks(many, ready)) succeed(run.ledger, job);
	return run.finish();
}
