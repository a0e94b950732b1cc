import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { jobIdOnly, nameValuesOf } from '../../helpers/answers';
import { simplify } from '../../helpers/name-value';
import { runPerJob } from '../../helpers/per-job';
import { getList, type ListKind } from '../../transport';

/** Get Metadata and Get Properties: the same call on two lists. */
export async function readList(context: IExecuteFunctions, kind: ListKind): Promise<INodeExecutionData[][]> {
	const simplified = context.getNodeParameter('outputFormat', 0, 'simplified') === 'simplified';
	return await runPerJob(context, {
		succeeded: 'read from OL Connect',
		readOnly: true,
		prepare: jobIdOnly(context),
		action: (jobId) => `read the ${kind} of job ${jobId}`,
		perform: async ({ jobId }, connection) => {
			const list = nameValuesOf(await getList(context, connection, kind, jobId), `a ${kind} list`);
			return { jobId, [kind]: simplified ? simplify(list) : list.map(({ name, value }) => ({ name, value })) };
		},
	});
}
