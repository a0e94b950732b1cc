import type { Batch } from '../../shared/dispatch';
import { inspectFailure } from '../../shared/failure';
import type { NameValue, PropertyChange } from './name-value';

/** Everything the input asks of one job; several items may name the same job. */
export interface JobUpdate {
	jobId: number;
	/** Input items naming this job, in input order. */
	itemIndexes: number[];
	/** The changes of all its items, in input order. */
	changes: PropertyChange[];
	/** What goes on the wire for this job, once known: `{ id, properties }`. */
	entry?: { id: number; properties: NameValue[] };
}

export interface ChunkPayload {
	jobs: JobUpdate[];
	/** True once the jobs come from a failed request being narrowed down. */
	isolating: boolean;
}

export function toBatch(jobs: JobUpdate[], isolating: boolean): Batch<ChunkPayload> {
	return { itemIndexes: jobs.flatMap((job) => job.itemIndexes), payload: { jobs, isolating }, idempotent: true };
}

/** The job a 2023.1+ JSON Error names in `parameter`, if it is one of `jobs`. */
export function namedJob(error: unknown, jobs: readonly JobUpdate[]): JobUpdate | undefined {
	const body = inspectFailure(error).body as { error?: { parameter?: unknown } } | undefined;
	const parameter = body?.error?.parameter;
	const id = typeof parameter === 'number' || typeof parameter === 'string' ? Number(parameter) : Number.NaN;
	return jobs.find((job) => job.jobId === id);
}

/**
 * Whether OL Connect refused a many-jobs request because of one of its jobs, so that narrowing it
 * down can find that job: a 500 (older servers name nothing), or a 404 whose JSON Error names one
 * of `jobs` in `parameter` (how 2023.1+ answers a job that does not exist). A 404 naming none of
 * them, e.g. a wrong path, would repeat for every part, so it stays a failure of the whole request.
 */
export function refusedForAJob(error: unknown, jobs: readonly JobUpdate[]): boolean {
	const { status } = inspectFailure(error);
	return status === 500 || (status === 404 && namedJob(error, jobs) !== undefined);
}

/**
 * Narrows down a many-jobs request the server refused (see `refusedForAJob`), whatever the mode
 * (Merge or Replace All). The error of Connect 2023.1+ usually names the job in `parameter`:
 * that job fails and the others go again together. Without
 * a name (older servers send an empty body) the jobs are split in halves and each half is sent
 * again, so one bad job among 500 costs about 2 × log2(500) ≈ 18 extra requests. Sending a job's
 * list again is safe: it replaces the list with the same values.
 */
export function narrowDown(jobs: JobUpdate[], error: unknown): { failed?: JobUpdate; retry: JobUpdate[][] } {
	const culprit = namedJob(error, jobs);
	if (culprit) return { failed: culprit, retry: jobs.length > 1 ? [jobs.filter((job) => job !== culprit)] : [] };
	if (jobs.length === 1) return { failed: jobs[0], retry: [] };
	const middle = Math.ceil(jobs.length / 2);
	return { retry: [jobs.slice(0, middle), jobs.slice(middle)] };
}
