import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { identifiersOf, jobIdOnly } from '../../helpers/answers';
import { runPerJob } from '../../helpers/per-job';
import { getContentItems } from '../../transport';
import { jobIdField, splitField } from './fields';

export const description: INodeProperties[] = [jobIdField('getContentItems'), splitField('getContentItems', 'Content Item')];

interface ContentItemIdentifier {
	item: number;
	record: number;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const split = this.getNodeParameter('splitIntoItems', 0, false) as boolean;
	return await runPerJob(this, {
		succeeded: 'read from OL Connect',
		readOnly: true,
		prepare: jobIdOnly(this),
		action: (jobId) => `read the content items of job ${jobId}`,
		perform: async ({ jobId }, connection) => {
			const identifiers = identifiersOf<ContentItemIdentifier>(await getContentItems(this, connection, jobId), 'a content item list');
			// A job with none still comes out once, as the whole-list item, so its input item is not lost.
			if (!split || identifiers.length === 0) return { jobId, identifiers: identifiers.map(({ item, record }) => ({ item, record })) };
			return identifiers.map(({ item, record }) => ({ jobId, contentItemId: item, dataRecordId: record }));
		},
	});
}
