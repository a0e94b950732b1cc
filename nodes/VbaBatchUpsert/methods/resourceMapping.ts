import type {
	FieldType,
	ILoadOptionsFunctions,
	INodeParameterResourceLocator,
	ResourceMapperFields,
} from 'n8n-workflow';

import type { VbaFieldType } from '../catalog';
import { entityFromParameter } from './entity-parameter';

function mapperType(type: VbaFieldType): FieldType {
	if (type === 'integer' || type === 'number') return 'number';
	if (type === 'boolean') return 'boolean';
	if (type === 'date-time' || type === 'date') return 'dateTime';
	if (type.startsWith('array<')) return 'array';
	if (type.startsWith('object:') || type.startsWith('map<')) return 'object';
	return 'string';
}

/** The entity's fields from the catalog, with types and required markers, for n8n's field mapper. */
export async function getFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const entity = entityFromParameter(this, this.getNodeParameter('entity', '') as INodeParameterResourceLocator);
	if (!entity) return { fields: [], emptyFieldsNotice: 'Choose an entity first.' };
	return {
		fields: entity.fields.map((field) => ({
			id: field.name,
			displayName: field.key ? `${field.name} (key)` : field.name,
			required: field.required,
			defaultMatch: field.key,
			canBeUsedToMatch: field.key,
			display: true,
			type: mapperType(field.type),
			removed: !field.required && !field.key,
		})),
	};
}
