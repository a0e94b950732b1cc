import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchEntities as searchCatalog } from '../catalog';

/** The entity picker: 750-odd entities, so it must be searchable rather than scrolled. */
export async function searchEntities(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return {
		results: searchCatalog(filter).map((entity) => ({
			name: entity.displayName,
			value: entity.id,
			description: entity.id,
		})),
	};
}
