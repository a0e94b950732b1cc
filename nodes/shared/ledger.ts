import {
	NodeApiError,
	NodeOperationError,
	UnexpectedError,
	type IDataObject,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

export type ItemError = NodeApiError | NodeOperationError;

/** What a success may carry besides its JSON. */
export type SuccessExtra = Pick<INodeExecutionData, 'binary' | 'metadata'>;

/** A failed item, until the output is built. */
class Failure {
	constructor(
		readonly error: ItemError,
		readonly json?: IDataObject,
	) {}
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
type Entry = IDataObject | Extended | Failure;

/**
 * Guarantees that every input item leaves the node exactly once, paired with its input, whatever
 * order the API answers in and however batches split. Settling twice or leaving an item unsettled
 * is a bug in the node, so both throw instead of producing a plausible-looking wrong output.
 *
 * Output is one main output in input order. A failed item carries `error` (a NodeApiError or
 * NodeOperationError): n8n-core's `handleNodeErrorOutput` routes it to the error output under
 * "Continue (using error output)" and leaves it in place under "Continue (regular output)"; then
 * `normalizeNodeErrors` replaces the JSON of every item with an `error` by `{ error: message }`.
 * When `continueOnFail()` is false the node throws `firstFailure()` instead.
 *
 * The failed item's own JSON deliberately has no `error` key: with "Retry On Fail" on, n8n-core
 * re-runs the whole node whenever the first output item's `json.error` is set, which would repeat
 * every create that already succeeded. Our own retries (withRetry) are the safe place for that.
 */
export class ItemLedger {
	private readonly entries: Array<Entry | undefined>;
	private settled = 0;

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

	fail(index: number, error: ItemError | string, json?: IDataObject): void {
		this.settle(index, new Failure(this.toItemError(index, error), json));
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

	failureCount(): number {
		return this.entries.filter((entry) => entry instanceof Failure).length;
	}

	toNodeOutput(): INodeExecutionData[][] {
		if (this.settled !== this.itemCount) {
			const open = this.pending();
			const shown = open.slice(0, 10).join(', ');
			throw new UnexpectedError(
				`${open.length} item(s) were never settled (indexes ${shown}${open.length > 10 ? ', …' : ''})`,
			);
		}
		return [this.entries.map((entry, index) => toItem(entry as Entry, index))];
	}

	private settle(index: number, entry: Entry): void {
		this.assertIndex(index);
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

function toItem(entry: Entry, index: number): INodeExecutionData {
	if (entry instanceof Extended) return { ...entry.extra, json: entry.json, pairedItem: { item: index } };
	if (!(entry instanceof Failure)) return { json: entry, pairedItem: { item: index } };
	const pairedItem = { item: index };
	const { error } = entry;
	const json: IDataObject = { ...entry.json, message: error.message };
	// See the class comment: a json.error on the first item makes n8n re-run the whole node.
	delete json.error;
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return { json, error, pairedItem };
}
