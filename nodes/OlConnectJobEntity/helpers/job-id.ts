import { describeValue, parsePositiveInteger } from '../../shared/item-problem';
import type { Checked } from './checked';

/**
 * OL Connect addresses jobs by a positive whole number. A number or a string of digits is
 * accepted (CSV files and expressions give either); anything else is refused before a request is
 * made, so a stray "abc" or "12.5" never reaches the server's path or body.
 */
export function parseJobId(value: unknown): Checked<number> {
	const id = parsePositiveInteger(value);
	if (id !== undefined) return { ok: id };
	return { problem: `"Job ID" must be a positive whole number such as 12345, got ${describeValue(value)}` };
}
