import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import * as job from './job';

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** Resource → operation → what runs it. */
const RESOURCES: Record<string, Record<string, Operation>> = {
	job: {
		update: job.update.execute,
		get: job.get.execute,
		getAll: job.getMany.execute,
		create: job.create.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = Object.hasOwn(RESOURCES, resource) && Object.hasOwn(RESOURCES[resource], operation) ? RESOURCES[resource][operation] : undefined;
	if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return await run.call(this);
}
