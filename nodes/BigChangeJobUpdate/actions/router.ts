import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import * as job from './job';

const OPERATIONS: Record<string, (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>> = {
	update: job.update.execute,
	get: job.get.execute,
	getAll: job.getMany.execute,
	create: job.create.execute,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = resource === 'job' ? OPERATIONS[operation] : undefined;
	if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return await run.call(this);
}
