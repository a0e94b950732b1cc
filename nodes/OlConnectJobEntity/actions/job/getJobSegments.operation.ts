import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { identifiersOf, jobIdOnly } from '../../helpers/answers';
import { runPerJob } from '../../helpers/per-job';
import { getJobSegments } from '../../transport';
import { jobIdField, splitField } from './fields';

export const description: INodeProperties[] = [jobIdField('getJobSegments'), splitField('getJobSegments', 'Job Segment')];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const split = this.getNodeParameter('splitIntoItems', 0, false) as boolean;
	return await runPerJob(this, {
		succeeded: 'read from OL Connect',
		readOnly: true,
		prepare: jobIdOnly(this),
		action: (jobId) => `read the segments of job ${jobId}`,
		perform: async ({ jobId }, connection) => {
			const identifiers = identifiersOf<number>(await getJobSegments(this, connection, jobId), 'a job segment list');
			// A job with none still comes out once, as the whole-list item, so its input item is not lost.
			return split && identifiers.length > 0 ? identifiers.map((jobSegmentId) => ({ jobId, jobSegmentId })) : { jobId, identifiers };
		},
	});
}
