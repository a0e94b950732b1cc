import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import * as job from './job';

type Execute = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** resource → operation → the operation's execute. */
const ROUTES: Record<string, Record<string, Execute>> = {
	job: {
		getContentItems: job.getContentItems.execute,
		getJobSegments: job.getJobSegments.execute,
		getMetadata: job.getMetadata.execute,
		getProperties: job.getProperties.execute,
		updateMetadata: job.updateMetadata.execute,
		updateProperties: job.updateProperties.execute,
		updateManyProperties: job.updateManyProperties.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = Object.hasOwn(ROUTES, resource) && Object.hasOwn(ROUTES[resource], operation) ? ROUTES[resource][operation] : undefined;
	if (!execute) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return await execute.call(this);
}
