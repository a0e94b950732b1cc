import {
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';

import { getEntity, type VbaEntity } from '../catalog';

/** Reads the Entity parameter (list or batch path) and finds it in the catalog. */
export function entityFromParameter(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	value: string | INodeParameterResourceLocator | undefined,
): VbaEntity | undefined {
	const id = typeof value === 'string' ? value : value?.value;
	if (typeof id !== 'string' || id === '') return undefined;
	const entity = getEntity(id.trim());
	if (!entity) {
		throw new NodeOperationError(
			context.getNode(),
			`"${id}" is not a VBAPI batch entity this node knows`,
			{ description: 'Pick the entity from the list, or give a batch path such as /jobs-batch.' },
		);
	}
	return entity;
}
