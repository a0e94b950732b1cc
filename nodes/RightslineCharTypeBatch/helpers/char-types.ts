import type { INodePropertyOptions } from 'n8n-workflow';

/** Rightsline's char types (entities/char-types.md); the ID is the key records are grouped by. */
export const CHAR_TYPES: ReadonlyArray<{ id: number; name: string; label: string }> = [
	{ id: 1, name: 'catalog-item', label: 'Catalog Item' },
	{ id: 2, name: 'contact', label: 'Contact' },
	{ id: 3, name: 'right', label: 'Right' },
	{ id: 4, name: 'deal', label: 'Deal' },
	{ id: 5, name: 'table', label: 'Table' },
	{ id: 7, name: 'financial-document', label: 'Financial Document' },
	{ id: 10, name: 'amount', label: 'Amount' },
	{ id: 13, name: 'royalty', label: 'Royalty' },
	{ id: 14, name: 'file', label: 'File' },
	{ id: 15, name: 'job', label: 'Job' },
	{ id: 16, name: 'project', label: 'Project' },
	{ id: 17, name: 'inventory', label: 'Inventory' },
];

export const CHAR_TYPE_OPTIONS: INodePropertyOptions[] = CHAR_TYPES.map((type) => ({
	name: `${type.label} (${type.id})`,
	value: type.id,
}));

function normalise(text: string): string {
	return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * A char type ID from what an expression gave: 4, "4", "deal", "Deal" or "financial document".
 * Any whole number is accepted, as a Rightsline instance may have char types beyond the documented
 * list. Undefined means the value names no char type.
 */
export function parseCharType(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
	if (typeof value !== 'string') return undefined;
	if (/^\s*\d+\s*$/.test(value)) return parseCharType(Number(value));
	const wanted = normalise(value);
	return CHAR_TYPES.find((type) => type.name === wanted || normalise(type.label) === wanted)?.id;
}

/** "catalog item", "deal", or "char type 42" for one not in the documented list. */
export function charTypeName(id: number | string): string {
	const known = CHAR_TYPES.find((type) => type.id === Number(id));
	return known ? known.label.toLowerCase() : `char type ${id} record`;
}
