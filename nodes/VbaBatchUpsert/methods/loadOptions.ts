import type { ILoadOptionsFunctions, INodeParameterResourceLocator, INodePropertyOptions } from 'n8n-workflow';

import { entityFromParameter } from './entity-parameter';

/** The path parameters of a nested entity, for the Parent Keys list. */
export async function getParentKeyNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const entity = entityFromParameter(this, this.getNodeParameter('entity', '') as INodeParameterResourceLocator);
	return (entity?.pathParams ?? []).map((param) => ({
		name: param.name,
		value: param.name,
		description: param.field ? `Also the record field ${param.field}` : `Only in the path ${entity?.id}`,
	}));
}
