import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { confirmUpdated, nameValuesOf } from '../../helpers/answers';
import { ItemParameter } from '../../../shared/item-parameter';
import { itemProblem } from '../../../shared/item-problem';
import { parseJobId } from '../../helpers/job-id';
import { applyChanges, simplify, type PropertyChange } from '../../helpers/name-value';
import { runPerJob } from '../../helpers/per-job';
import { PropertyInput } from '../../helpers/property-input';
import { getList, putList, type ListKind } from '../../transport';

/**
 * Update Metadata and Update Properties. The API replaces the whole list, so "merge" reads the
 * current list, applies the changes and writes the result; a change made by someone else between
 * the read and the write is lost, which is the best the API allows.
 */
export async function updateList(context: IExecuteFunctions, kind: ListKind): Promise<INodeExecutionData[][]> {
	const node = context.getNode();
	const jobId = new ItemParameter(context, node, 'jobId');
	const input = new PropertyInput(context, node, jobId.field);
	const merge = context.getNodeParameter('updateMode', 0, 'merge') === 'merge';
	return await runPerJob<PropertyChange[]>(context, {
		succeeded: 'updated in OL Connect',
		readOnly: false,
		prepare: (itemIndex, item) => {
			const id = parseJobId(jobId.value(itemIndex, item));
			if ('problem' in id) return itemProblem(id.problem, jobId.field ?? 'jobId');
			const changes = input.read(itemIndex, item);
			return 'problem' in changes ? itemProblem(changes.problem, input.field) : { jobId: id.ok, input: changes.ok };
		},
		action: (id) => `update the ${kind} of job ${id}`,
		perform: async ({ jobId: id, input: changes }, connection) => {
			const current = merge ? nameValuesOf(await getList(context, connection, kind, id), `a ${kind} list`) : [];
			const list = applyChanges(current, changes);
			confirmUpdated(await putList(context, connection, kind, id, list), `the ${kind} of job ${id}`);
			return { jobId: id, [kind]: simplify(list) };
		},
	});
}
