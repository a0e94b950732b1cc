import type { IExecuteFunctions } from 'n8n-workflow';

import { ItemParameter } from '../../shared/item-parameter';
import { itemProblem } from '../../shared/item-problem';
import type { ItemRun } from '../../shared/item-run';
import { parseJobId } from './job-id';
import type { JobUpdate } from './many-jobs';
import type { PropertyChange } from './name-value';
import { PropertyInput } from './property-input';

/**
 * Every item not yet settled checked before anything is sent (see ItemRun.check); the good ones
 * grouped by job, items naming the same job combined in input order (a later item's value for a
 * property wins).
 */
export function gatherJobs(context: IExecuteFunctions, run: ItemRun): Map<number, JobUpdate> {
	const jobId = new ItemParameter(context, run.node, 'jobId');
	const input = new PropertyInput(context, run.node, jobId.field);
	const checked = run.check((itemIndex, item) => {
		const id = parseJobId(jobId.value(itemIndex, item));
		if ('problem' in id) return itemProblem(id.problem, jobId.field ?? 'jobId');
		const changes = input.read(itemIndex, item);
		if ('problem' in changes) return itemProblem(changes.problem, input.field);
		return { jobId: id.ok, changes: changes.ok as PropertyChange[] };
	});
	const jobs = new Map<number, JobUpdate>();
	for (const { itemIndex, value } of checked) {
		const job = jobs.get(value.jobId);
		if (job === undefined) {
			jobs.set(value.jobId, { jobId: value.jobId, itemIndexes: [itemIndex], changes: value.changes });
		} else {
			job.itemIndexes.push(itemIndex);
			job.changes = job.changes.concat(value.changes);
		}
	}
	return jobs;
}
