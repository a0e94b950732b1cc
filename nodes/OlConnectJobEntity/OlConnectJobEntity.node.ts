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

export class OlConnectJobEntity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OL Connect Job Entity',
		name: 'olConnectJobEntity',
		icon: { light: 'file:olconnect.svg', dark: 'file:olconnect.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Read and update OL Connect jobs: content items, segments, metadata and properties, one job or many at once',
		documentationUrl:
			'https://help.uplandsoftware.com/objectiflune/en/olconnect-api/2025.2/Cookbook/REST_API_Reference/Job_Entity_Service/Job_Entity_Service.html',
		defaults: { name: 'OL Connect Job Entity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'olConnectApi', required: true }],
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
