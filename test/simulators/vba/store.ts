/**
 * The simulated database: records per database per entity (the batch path template), keyed by the
 * values of the entity's key fields plus any path values that are not body fields. Integer keys sent
 * as 0 draw from a per-field sequence, like an identity column.
 */
export class VbaStore {
	private readonly tables = new Map<string, Map<string, Record<string, unknown>>>();
	private readonly sequences = new Map<string, number>();

	/** Records in insertion order, as copies so a test cannot change the store by accident. */
	records(database: string, entityPath: string): Array<Record<string, unknown>> {
		const table = this.tables.get(tableId(database, entityPath));
		return table ? [...table.values()].map((r) => ({ ...r })) : [];
	}

	has(database: string, entityPath: string, key: string): boolean {
		return this.tables.get(tableId(database, entityPath))?.has(key) ?? false;
	}

	/** Inserts or replaces; true when the key was new. */
	put(database: string, entityPath: string, key: string, record: Record<string, unknown>): boolean {
		const id = tableId(database, entityPath);
		let table = this.tables.get(id);
		if (!table) {
			table = new Map();
			this.tables.set(id, table);
		}
		const created = !table.has(key);
		table.set(key, record);
		return created;
	}

	nextKey(database: string, entityPath: string, field: string): number {
		const id = `${tableId(database, entityPath)}\u0000${field}`;
		const next = (this.sequences.get(id) ?? 0) + 1;
		this.sequences.set(id, next);
		return next;
	}

	/** Keeps the sequence ahead of keys a test seeded by hand. */
	noteKey(database: string, entityPath: string, field: string, value: number): void {
		const id = `${tableId(database, entityPath)}\u0000${field}`;
		if (value > (this.sequences.get(id) ?? 0)) this.sequences.set(id, value);
	}

	clear(): void {
		this.tables.clear();
		this.sequences.clear();
	}
}

function tableId(database: string, entityPath: string): string {
	return `${database}\u0000${entityPath}`;
}

export function keyString(values: readonly unknown[]): string {
	return JSON.stringify(values);
}
