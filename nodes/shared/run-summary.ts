import { NodeOperationError, type INode } from 'n8n-workflow';

import { Failure, type Entry, type ItemError, type ItemLedger } from './ledger';

/** How many failed items the summary names one by one. */
const NAMED = 10;

function list(indexes: readonly number[]): string {
	const shown = indexes.slice(0, NAMED).join(', ');
	return indexes.length > NAMED ? `${shown} and ${indexes.length - NAMED} more` : shown;
}

function items(count: number): string {
	return count === 1 ? '1 item' : `${count} items`;
}

export interface SummaryWords {
	/** What happened to a success, as a past participle: "saved in VBAPI", "updated", "read". */
	succeeded: string;
	/** Run-level facts worth naming, e.g. "Rightsline batch 123". */
	notes?: readonly string[];
}

/**
 * The error a run ends with under "Stop Workflow" when some item failed. With one item, that
 * item's own error. With more, what happened to the whole run: how many failed and which, what was
 * applied, what may have been, and what was not sent, so that a user who fixes the failures does
 * not run the applied items again and create them twice.
 */
export function runSummaryError(node: INode, entries: ReadonlyArray<Entry | undefined>, words: SummaryWords): ItemError | undefined {
	const failed: Array<{ index: number; failure: Failure }> = [];
	const succeeded: number[] = [];
	const maybe: number[] = [];
	const notSent: number[] = [];
	entries.forEach((entry, index) => {
		if (entry === undefined) return;
		if (!(entry instanceof Failure)) {
			succeeded.push(index);
			return;
		}
		failed.push({ index, failure: entry });
		const { sent, mayHaveBeenApplied } = entry.outcome;
		if (mayHaveBeenApplied) maybe.push(index);
		else if (!sent) notSent.push(index);
	});
	if (failed.length === 0) return undefined;
	const first = failed[0];
	if (entries.length === 1) return first.failure.error;

	const failedIndexes = failed.map(({ index }) => index);
	const message = `${failed.length} of ${items(entries.length)} failed (item${failed.length === 1 ? '' : 's'} ${list(failedIndexes)}): ${withoutItemPrefix(first.index, first.failure.error.message)}`;
	const lines: string[] = [];
	lines.push(
		succeeded.length === 0
			? 'No item succeeded.'
			: `The other ${items(succeeded.length)} ${succeeded.length === 1 ? 'was' : 'were'} ${words.succeeded} (item${succeeded.length === 1 ? '' : 's'} ${list(succeeded)}); that is not undone.`,
	);
	if (words.notes && words.notes.length > 0) lines.push(`${words.notes.join('; ')}.`);
	if (maybe.length > 0) lines.push(`May have been applied although no answer said so: item${maybe.length === 1 ? '' : 's'} ${list(maybe)}; check them before running them again.`);
	if (notSent.length > 0) lines.push(`Not sent: item${notSent.length === 1 ? '' : 's'} ${list(notSent)}.`);
	for (const { index, failure } of failed.slice(0, NAMED)) lines.push(itemLine(index, failure));
	lines.push(
		'To get every item with its own result instead of this stop, set the node\'s On Error setting to "Continue (using error output)" and run only the failed items again.',
	);
	return new NodeOperationError(node, message, { itemIndex: first.index, description: lines.join('\n') });
}

/** "Item 3: …" once is enough where the sentence already names the item. */
function withoutItemPrefix(index: number, text: string): string {
	const prefix = `Item ${index}: `;
	return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

function itemLine(index: number, failure: Failure): string {
	const text = failure.error.message;
	return text.startsWith(`Item ${index}:`) ? text : `Item ${index}: ${text}`;
}

/**
 * Under Stop Workflow, invalid items found by the check end the run before the first request.
 * With one input item that item's own error, else how many were invalid and that nothing was sent.
 */
export function invalidRunError(node: INode, ledger: ItemLedger, invalid: readonly number[]): ItemError {
	const entries = ledger.settledEntries();
	const failures = invalid.map((index) => ({ index, failure: entries[index] as Failure }));
	const first = failures[0];
	if (ledger.itemCount === 1) return first.failure.error;
	const message = `${invalid.length} of ${items(ledger.itemCount)} ${invalid.length === 1 ? 'is' : 'are'} invalid (item${invalid.length === 1 ? '' : 's'} ${list(invalid)}): ${withoutItemPrefix(first.index, first.failure.error.message)}`;
	const lines = ['Nothing was sent: every item is checked before any is sent, so the run stopped before the first request.'];
	for (const { index, failure } of failures.slice(0, NAMED)) lines.push(itemLine(index, failure));
	lines.push('Fix these items, or set On Error to "Continue (using error output)" to send the valid items and get the invalid ones on the error output.');
	return new NodeOperationError(node, message, { itemIndex: first.index, description: lines.join('\n') });
}
