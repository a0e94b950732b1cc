function assertSize(size: number): void {
	if (!Number.isInteger(size) || size < 1) {
		throw new RangeError(`Chunk size must be a whole number of at least 1, got ${size}`);
	}
}

/** Splits `items` into consecutive groups of at most `size`, keeping their order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
	assertSize(size);
	const chunks: T[][] = [];
	for (let start = 0; start < items.length; start += size) {
		chunks.push(items.slice(start, start + size));
	}
	return chunks;
}

/**
 * Splits the indexes 0…count-1 into groups of at most `size`. Nodes batch by index so that every
 * request knows which input items it answers for, without copying the items themselves.
 */
export function chunkIndexes(count: number, size: number): number[][] {
	if (!Number.isInteger(count) || count < 0) {
		throw new RangeError(`Item count must be a whole number, got ${count}`);
	}
	assertSize(size);
	const chunks: number[][] = [];
	for (let start = 0; start < count; start += size) {
		const end = Math.min(start + size, count);
		chunks.push(Array.from({ length: end - start }, (_, offset) => start + offset));
	}
	return chunks;
}
