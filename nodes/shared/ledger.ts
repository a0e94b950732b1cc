import {
	NodeApiError,
	NodeOperationError,
	UnexpectedError,
	type IDataObject,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

import type { ErrorRouting } from './error-routing';
import { failureFactsOf, type FailureFacts } from './failure-facts';

export type ItemError = NodeApiError | NodeOperationError;

/** What a success may carry besides its JSON. */
export type SuccessExtra = Pick<INodeExecutionData, 'binary' | 'metadata'>;

/**
 * How the node's On Error setting shapes a failed item:
 * - `stop` (Stop Workflow): the node throws; no item is output.
 * - `regularOutput` (Continue): the failed item is the input's fields plus `error` and `details`.
 * - `errorOutput` (Continue using error output): the item is `{ error, details }` only, which n8n-core's
 *   `handleNodeErrorOutput` routes to the error output, merging the paired input's fields into it
 *   there; on an n8n that moves only `{ error }` or `{ error, message }`, the details are under
 *   `message` instead (see ErrorRouting).
 */
export type OnErrorMode = 'stop' | 'regularOutput' | 'errorOutput';

/** A failed item, until the output is built. */
export class Failure {
	constructor(
		readonly error: ItemError,
		readonly details?: IDataObject,
	) {}

	/**
	 * Whether anything was sent and may have been applied, as `details` says it (node facts passed
	 * to `fail` win): what the run summary and the Retry On Fail memo go by.
	 */
	get outcome(): Pick<FailureFacts, 'sent' | 'mayHaveBeenApplied'> {
		const given = failureFactsOf(this.error);
		const sent = this.details?.sent ?? given.sent ?? this.error instanceof NodeApiError;
		const mayHaveBeenApplied = this.details?.mayHaveBeenApplied ?? given.mayHaveBeenApplied ?? false;
		return { sent: sent === true, mayHaveBeenApplied: mayHaveBeenApplied === true };
	}

	/** Everything a workflow can route on, in the failed item's `details`. */
	facts(itemIndex: number): IDataObject {
		const { error } = this;
		const given = failureFactsOf(error);
		const details: IDataObject = { item: itemIndex, ...this.outcome };
		if (given.field !== undefined) details.field = given.field;
		const status = error instanceof NodeApiError ? Number(error.httpCode) : NaN;
		if (Number.isInteger(status) && status >= 100) details.httpCode = status;
		if (given.vendorMessage !== undefined) details.vendorMessage = given.vendorMessage;
		if (error.description) details.description = error.description;
		return this.details ? Object.assign(details, this.details) : details;
	}
}

/**
 * A success that is several output items (a list operation's results, one item per content item):
 * each paired to the one input item; an empty list gives none, as n8n's own list operations do.
 */
class Many {
	constructor(readonly jsons: IDataObject[]) {}
}

/** A success that carries more than its JSON (binary data, metadata). */
class Extended {
	constructor(
		readonly json: IDataObject,
		readonly extra: SuccessExtra,
	) {}
}

/**
 * A plain success is kept as its JSON alone; the output item around it is made when the output is
 * built. A 100,000-item run then keeps one object per item while requests are still going, not
 * three, and the collector has that much less to copy while it is busy with the requests' garbage.
 */
export type Entry = IDataObject | Extended | Many | Failure;
/** An entry that is exactly one output item. */
type Single = Exclude<Entry, Many>;

/**
 * Guarantees that every input item leaves the node exactly once, paired with its input, whatever
 * order the API answers in and however batches split. Settling twice or leaving an item unsettled
 * is a bug in the node, so both throw instead of producing a plausible-looking wrong output.
 *
 * A failed item is output without `item.error` on purpose: n8n-core (1.x and 2.x) replaces the JSON of
 * every item that has one by `{ error: message }`, which would drop the record and the details a
 * workflow routes on. See `OnErrorMode` and `ErrorRouting` for the shapes, and `RetryMemo` for why
 * `json.error` on the first item (which makes n8n re-run the node under Retry On Fail) repeats no
 * write.
 */
export class ItemLedger {
	private readonly entries: Array<Entry | undefined>;
	private settled = 0;
	/** Whether any entry is a Many, so the usual one-to-one output is built without flattening. */
	private many = false;

	/** `node` is needed only to turn text failures into NodeOperationErrors. */
	constructor(
		readonly itemCount: number,
		private readonly node?: INode,
	) {
		if (!Number.isInteger(itemCount) || itemCount < 0) {
			throw new UnexpectedError(`ItemLedger needs a whole item count, got ${itemCount}`);
		}
		this.entries = new Array<Entry | undefined>(itemCount).fill(undefined);
	}

	succeed(index: number, json: IDataObject, extra?: SuccessExtra): void {
		this.settle(index, extra ? new Extended(json, extra) : json);
	}

	/** One input item that succeeded as several output items (see Many). */
	succeedMany(index: number, jsons: IDataObject[]): void {
		this.settle(index, new Many(jsons));
	}

	/** `details` adds node-specific facts (a batch ID, the vendor's status) to the item's `details`. */
	fail(index: number, error: ItemError | string, details?: IDataObject): void {
		this.settle(index, new Failure(this.toItemError(index, error), details));
	}

	isSettled(index: number): boolean {
		this.assertIndex(index);
		return this.entries[index] !== undefined;
	}

	/** Indexes not yet settled, ascending. */
	pending(): number[] {
		const open: number[] = [];
		this.entries.forEach((entry, index) => {
			if (entry === undefined) open.push(index);
		});
		return open;
	}

	/** The failure of the lowest item index, so the thrown error does not depend on answer order. */
	firstFailure(): ItemError | undefined {
		for (const entry of this.entries) {
			if (entry instanceof Failure) return entry.error;
		}
		return undefined;
	}

	/** Settled entries by index, for the run summary and the Retry On Fail memo. */
	settledEntries(): ReadonlyArray<Entry | undefined> {
		return this.entries;
	}

	/** Puts back an outcome an earlier try of the same run produced (see RetryMemo). */
	restore(index: number, entry: Entry): void {
		this.settle(index, entry);
	}

	toNodeOutput(items?: readonly INodeExecutionData[], mode: OnErrorMode = 'errorOutput', routing: ErrorRouting = 'details'): INodeExecutionData[][] {
		if (this.settled !== this.itemCount) {
			const open = this.pending();
			const shown = open.slice(0, 10).join(', ');
			throw new UnexpectedError(
				`${open.length} item(s) were never settled (indexes ${shown}${open.length > 10 ? ', …' : ''})`,
			);
		}
		const inputOf = (index: number) => (mode === 'regularOutput' ? items?.[index] : undefined);
		const factsKey = mode === 'errorOutput' ? routing : 'details';
		const item = (entry: Single, index: number) => toItem(entry, index, inputOf(index), factsKey);
		if (!this.many) return [this.entries.map((entry, index) => item(entry as Single, index))];
		return [
			this.entries.flatMap((entry, index) =>
				entry instanceof Many ? entry.jsons.map((json) => ({ json, pairedItem: { item: index } })) : [item(entry as Single, index)],
			),
		];
	}

	private settle(index: number, entry: Entry): void {
		this.assertIndex(index);
		if (entry instanceof Many) this.many = true;
		if (this.entries[index] !== undefined) {
			throw new UnexpectedError(`Item ${index} was settled twice (now as ${entry instanceof Failure ? 'failure' : 'success'})`);
		}
		this.entries[index] = entry;
		this.settled++;
	}

	private assertIndex(index: number): void {
		if (!Number.isInteger(index) || index < 0 || index >= this.itemCount) {
			throw new UnexpectedError(`Item index ${index} is outside 0…${this.itemCount - 1}`);
		}
	}

	private toItemError(index: number, error: ItemError | string): ItemError {
		if (typeof error !== 'string') {
			// n8n shows "item N" in the UI from context.itemIndex; a batch-level error may lack it.
			error.context.itemIndex ??= index;
			return error;
		}
		if (this.node === undefined) {
			throw new UnexpectedError('ItemLedger needs the node to record a text failure');
		}
		return new NodeOperationError(this.node, error, { itemIndex: index });
	}
}

function toItem(entry: Single, index: number, input: INodeExecutionData | undefined, factsKey: ErrorRouting): INodeExecutionData {
	const pairedItem = { item: index };
	if (entry instanceof Extended) return { ...entry.extra, json: entry.json, pairedItem };
	if (!(entry instanceof Failure)) return { json: entry, pairedItem };
	const failed = { error: entry.error.message, [factsKey]: entry.facts(index) };
	// Object.assign, not spread: a large record is copied several times faster this way on V8.
	return { json: input ? Object.assign({}, input.json, failed) : failed, pairedItem };
}
