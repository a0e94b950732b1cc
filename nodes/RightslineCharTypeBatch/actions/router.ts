import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import * as batch from './batch';
import * as limits from './limits';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (resource === 'batch' && operation === 'submit') return await batch.submit.execute.call(this);
	if (resource === 'batch' && operation === 'get') return await batch.get.execute.call(this);
	if (resource === 'limit' && operation === 'get') return await limits.get.execute.call(this);
	throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
}
