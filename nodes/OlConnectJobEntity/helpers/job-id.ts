export type Checked<T> = { ok: T } | { problem: string };

/** How a value that is not a job ID reads in a message, without dumping a whole object. */
export function shown(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'nothing (the value is empty or the field is missing)';
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return Array.isArray(value) ? 'a list' : 'an object';
}

/**
 * OL Connect addresses jobs by a positive whole number. A number or a string of digits is
 * accepted (CSV files and expressions give either); anything else is refused before a request is
 * made, so a stray "abc" or "12.5" never reaches the server's path or body.
 */
export function parseJobId(value: unknown): Checked<number> {
	let id: number | undefined;
	if (typeof value === 'number') id = value;
	else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) id = Number(value.trim());
	else if (typeof value === 'bigint') id = Number(value);
	if (id !== undefined && Number.isSafeInteger(id) && id > 0) return { ok: id };
	return { problem: `"Job ID" must be a positive whole number such as 12345, got ${shown(value)}` };
}
