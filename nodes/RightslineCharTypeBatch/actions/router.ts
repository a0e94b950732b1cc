import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import * as batch from './batch';
import * as limits from './limits';

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

const OPERATIONS: Record<string, Record<string, Operation>> = {
	batch: { submit: batch.submit.execute, get: batch.get.execute },
	limit: { get: limits.get.execute },
};

function own<T>(map: Record<string, T>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// Own keys only: a parameter such as "constructor" must not reach Object.prototype.
	const operations = own(OPERATIONS, resource);
	const run = operations && own(operations, operation);
	if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return await run.call(this);
}
