import { NodeOperationError, type IExecuteFunctions, type INode, type INodeExecutionData } from 'n8n-workflow';

import type { ItemLedger } from '../../shared/ledger';
import { ItemParameter } from '../../shared/item-parameter';
import { parseJobId } from './job-id';
import type { JobUpdate } from './many-jobs';
import { PropertyInput } from './property-input';

interface Readers {
	jobId: ItemParameter;
	input: PropertyInput;
}

/** Adds the item to its job, or says what is wrong with it. */
function addItem(readers: Readers, itemIndex: number, item: INodeExecutionData, jobs: Map<number, JobUpdate>): string | undefined {
	const id = parseJobId(readers.jobId.value(itemIndex, item));
	if ('problem' in id) return id.problem;
	const changes = readers.input.read(itemIndex, item);
	if ('problem' in changes) return changes.problem;
	const job = jobs.get(id.ok);
	if (job === undefined) {
		jobs.set(id.ok, { jobId: id.ok, itemIndexes: [itemIndex], changes: changes.ok });
	} else {
		job.itemIndexes.push(itemIndex);
		job.changes = job.changes.concat(changes.ok);
	}
	return undefined;
}

/**
 * Every item checked before anything is sent; the good ones grouped by job, items naming the same
 * job combined in input order (a later item's value for a property wins).
 */
export function gatherJobs(context: IExecuteFunctions, node: INode, ledger: ItemLedger): Map<number, JobUpdate> {
	const items = context.getInputData();
	const jobId = new ItemParameter(context, node, 'jobId');
	const readers: Readers = { jobId, input: new PropertyInput(context, node, jobId.field) };
	const jobs = new Map<number, JobUpdate>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let problem: string | undefined;
		try {
			problem = addItem(readers, itemIndex, items[itemIndex], jobs);
		} catch (error) {
			problem = (error as Error).message;
		}
		if (problem !== undefined) {
			ledger.fail(itemIndex, new NodeOperationError(node, `Item ${itemIndex}: ${problem}`, { itemIndex, description: 'Nothing was sent for this item.' }));
		}
	}
	return jobs;
}
