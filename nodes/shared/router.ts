import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

export type OperationRun = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** Resource → operation → what runs it. */
export type Routes = Readonly<Record<string, Readonly<Record<string, OperationRun>>>>;

function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
	// Own keys only: a parameter such as "constructor" must not reach Object.prototype.
	return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** The node's `execute`: reads resource and operation once and runs that operation, as n8n's Airtable v2 and Notion v3 do. */
export function routeTo(routes: Routes): OperationRun {
	return async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const operations = own(routes, resource);
		const run = operations && own(operations, operation);
		if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
		return await run.call(this);
	};
}
