import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getContentItems } from '../../transport';
import { jobIdField, splitField } from './fields';
import { readIdentifiers } from './read-identifiers';

export const description: INodeProperties[] = [jobIdField('getContentItems'), splitField('getContentItems', 'Content Item')];

interface ContentItemIdentifier {
	item: number;
	record: number;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await readIdentifiers<ContentItemIdentifier>(this, {
		noun: 'content items',
		listName: 'a content item list',
		fetch: getContentItems,
		whole: (identifiers) => identifiers.map(({ item, record }) => ({ item, record })),
		one: (jobId, { item, record }) => ({ jobId, contentItemId: item, dataRecordId: record }),
	});
}
