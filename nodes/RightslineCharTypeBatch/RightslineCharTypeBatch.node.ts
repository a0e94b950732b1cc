import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as batch from './actions/batch';
import * as limits from './actions/limits';
import { router } from './actions/router';
import { toolDescriptions } from './actions/tool-descriptions';

export class RightslineCharTypeBatch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Rightsline Char-Type Batch',
		name: 'rightslineCharTypeBatch',
		icon: { light: 'file:rightsline.svg', dark: 'file:rightsline.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "submit" ? $parameter["method"] + " batch" : $parameter["resource"] + ": " + $parameter["operation"] }}',
		description: 'Create, update, delete, copy, fetch or run workflow actions on Rightsline records and relationships in batches, with one result per item',
		documentationUrl: 'https://api-docs.rightsline.com/batch/overview',
		defaults: { name: 'Rightsline Char-Type Batch' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'rightslineApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Batch', value: 'batch' },
					{ name: 'Limit', value: 'limit' },
				],
				default: 'batch',
			},
			...batch.description,
			...limits.description,
			...toolDescriptions,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
