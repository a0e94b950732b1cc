import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { setFailureFacts } from './failure-facts';

/** What is wrong with one input item, found before anything is sent. */
export interface ItemProblem {
	/** The input field (or parameter) at fault, for the failed item's `details.field`. */
	field?: string;
	/** A full phrase a person can act on; it names the field itself where that reads better. */
	reason: string;
	/** More to say than "nothing was sent" (what a valid value looks like, where to set it). */
	description?: string;
	/** Node facts for the failed item's `details` (e.g. the fields that would not have been sent). */
	details?: IDataObject;
}

export function isItemProblem(value: unknown): value is ItemProblem {
	return value instanceof ProblemMark;
}

/**
 * Made through `itemProblem()` so that `isItemProblem` can tell a problem from a prepared value of
 * any shape (a record may well have a `reason` field).
 */
class ProblemMark implements ItemProblem {
	constructor(
		readonly reason: string,
		readonly field?: string,
		readonly description?: string,
		readonly details?: IDataObject,
	) {}
}

export function itemProblem(reason: string, field?: string, description?: string, details?: IDataObject): ItemProblem {
	return new ProblemMark(reason, field, description, details);
}

/** The error an invalid item carries: item and reason in the message, nothing sent. */
export function itemProblemError(node: INode, itemIndex: number, problem: ItemProblem): NodeOperationError {
	const error = new NodeOperationError(node, `Item ${itemIndex}: ${problem.reason}`, {
		itemIndex,
		description: ['Nothing was sent for this item.', problem.description].filter(Boolean).join(' '),
	});
	setFailureFacts(error, { sent: false, mayHaveBeenApplied: false, field: problem.field });
	return error;
}

/** One way to show a bad value in a message: text in quotes, the rest as JSON, long ones cut. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') return value.trim() === '' ? 'an empty text' : `"${cut(value)}"`;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) return `a list (${cut(JSON.stringify(value))})`;
	if (typeof value === 'object') return `an object (${cut(JSON.stringify(value))})`;
	return cut(String(value));
}

function cut(text: string): string {
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * A whole number of at least 1 from a number or numeric text (what CSV and spreadsheets give), or
 * undefined. Text such as "12abc", "1e3", "1.0" or " 7 " with inner spaces is refused, not guessed.
 */
export function parsePositiveInteger(value: unknown): number | undefined {
	const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}
