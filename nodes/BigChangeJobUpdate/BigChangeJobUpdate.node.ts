import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as job from './actions/job';
import { router } from './actions/router';
import { toolDescriptions } from './actions/tool-descriptions';

export class BigChangeJobUpdate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BigChange Job Update',
		name: 'bigChangeJobUpdate',
		icon: { light: 'file:bigchange.svg', dark: 'file:bigchange.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Update, read, list and create BigChange field-service jobs, one result per item',
		documentationUrl: 'https://documentation.ops.bigchange.com/docs/rest/api-reference/update-a-job',
		defaults: { name: 'BigChange Job Update' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bigChangeApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Job', value: 'job' }],
				default: 'job',
			},
			...job.description,
			...toolDescriptions,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
