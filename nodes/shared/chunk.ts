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
