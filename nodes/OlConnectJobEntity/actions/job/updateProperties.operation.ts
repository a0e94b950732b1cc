import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jobIdField, updateFields } from './fields';
import { updateList } from './update-list';

export const description: INodeProperties[] = [jobIdField('updateProperties'), ...updateFields('properties', 'updateProperties')];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await updateList(this, 'properties');
}
