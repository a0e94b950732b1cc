import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getJobSegments } from '../../transport';
import { jobIdField, splitField } from './fields';
import { readIdentifiers } from './read-identifiers';

export const description: INodeProperties[] = [jobIdField('getJobSegments'), splitField('getJobSegments', 'Job Segment')];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await readIdentifiers<number>(this, {
		noun: 'segments',
		listName: 'a job segment list',
		fetch: getJobSegments,
		whole: (identifiers) => identifiers,
		one: (jobId, jobSegmentId) => ({ jobId, jobSegmentId }),
	});
}
