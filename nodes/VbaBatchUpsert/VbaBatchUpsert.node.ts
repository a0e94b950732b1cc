import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as record from './actions/record';
import { router } from './actions/router';
import { toolDescriptions } from './actions/tool-descriptions';
import { searchEntities } from './methods/listSearch';
import { getParentKeyNames } from './methods/loadOptions';
import { getFields } from './methods/resourceMapping';

export class VbaBatchUpsert implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VBA Batch Upsert',
		name: 'vbaBatchUpsert',
		icon: { light: 'file:vba.svg', dark: 'file:vba.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["entity"].cachedResultName || $parameter["entity"].value }}',
		description:
			'Create or update many records of any VBA Software VBAPI entity in batch requests, with one result per item',
		documentationUrl: 'https://vbapi-docs.vbasoftware.com/developer-portal/getting-started',
		defaults: { name: 'VBA Batch Upsert' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vbaSoftwareApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Record', value: 'record' }],
				default: 'record',
			},
			...record.description,
			...toolDescriptions,
		],
	};

	methods = {
		listSearch: { searchEntities },
		loadOptions: { getParentKeyNames },
		resourceMapping: { getFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
