import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jobIdField, outputFormatField } from './fields';
import { readList } from './read-list';

export const description: INodeProperties[] = [jobIdField('getMetadata'), outputFormatField('getMetadata')];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await readList(this, 'metadata');
}
