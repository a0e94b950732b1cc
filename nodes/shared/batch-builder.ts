/** Records of one request, with the input items they came from, in the same order. */
export interface GroupedBatch<R> {
	/** What the records share: the request path, the char type, … */
	group: string;
	itemIndexes: number[];
	records: R[];
}

/**
 * Packs records into requests of at most `size` as items are read, per group (records for
 * different paths or types cannot share a request). Built in one pass, so a large run never holds
 * a second, regrouped copy of its records.
 */
export class BatchBuilder<R> {
	private readonly open = new Map<string, GroupedBatch<R>>();

	private readonly full: Array<GroupedBatch<R>> = [];

	constructor(private readonly size: number) {
		if (!Number.isInteger(size) || size < 1) throw new RangeError(`Batch size must be a whole number of at least 1, got ${size}`);
	}

	add(group: string, itemIndex: number, record: R): void {
		let batch = this.open.get(group);
		if (batch === undefined) {
			batch = { group, itemIndexes: [], records: [] };
			this.open.set(group, batch);
		}
		batch.itemIndexes.push(itemIndex);
		batch.records.push(record);
		if (batch.records.length === this.size) {
			this.full.push(batch);
			this.open.delete(group);
		}
	}

	/** Every batch: the full ones in the order they filled, then each group's remainder. */
	finish(): Array<GroupedBatch<R>> {
		const batches = [...this.full, ...this.open.values()];
		this.full.length = 0;
		this.open.clear();
		return batches;
	}
}
