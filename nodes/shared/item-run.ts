import { NodeOperationError, type IExecuteFunctions, type INode, type INodeExecutionData } from 'n8n-workflow';

import { isItemProblem, itemProblemError, type ItemProblem } from './item-problem';
import { errorRoutingOf, type ErrorRouting } from './error-routing';
import { Failure, ItemLedger, type ItemError, type OnErrorMode } from './ledger';
import { n8nMaxTries, recall, remember, type RunKey } from './retry-memo';
import { RunStop } from './run-stop';
import { invalidRunError, runSummaryError, type SummaryWords } from './run-summary';

export interface Checked<T> {
	itemIndex: number;
	value: T;
}

export interface ItemRunOptions extends Partial<SummaryWords> {
	/**
	 * Items the node will not write (reads): n8n's Retry On Fail may then simply run them again,
	 * and nothing is remembered between tries.
	 */
	readOnly?: boolean;
}

function onErrorMode(context: IExecuteFunctions, node: INode): OnErrorMode {
	if (node.onError === 'continueErrorOutput') return 'errorOutput';
	return context.continueOnFail() ? 'regularOutput' : 'stop';
}

/**
 * What every operation of every node does with its items, in one place:
 * 1. `start`: the items, the node, the ledger, the run's stop rule, and (under Retry On Fail) what
 *    an earlier try of this same run already applied;
 * 2. `check`: every item not yet settled is read and checked before anything is sent; a bad one
 *    fails alone (or, under Stop Workflow, ends the run before a single request);
 * 3. the operation plans its requests and sends them with `dispatchBatches`, passing `stop`, and
 *    settles each item in `ledger` from the answers;
 * 4. `finish`: one output item per input item, or under Stop Workflow the error that says what
 *    happened to the whole run.
 */
export class ItemRun {
	readonly ledger: ItemLedger;
	/** Shared by every request of the run: one refused credential stops it (see RunStop). */
	readonly stop = new RunStop();
	readonly mode: OnErrorMode;
	private readonly routing: ErrorRouting;
	private readonly memoKey?: RunKey;
	private readonly maxTries: number;

	private constructor(
		context: IExecuteFunctions,
		readonly node: INode,
		readonly items: INodeExecutionData[],
		private readonly words: SummaryWords,
		options: ItemRunOptions,
	) {
		this.ledger = new ItemLedger(items.length, node);
		this.mode = onErrorMode(context, node);
		this.routing = errorRoutingOf(context);
		this.maxTries = n8nMaxTries(node.maxTries);
		if (node.retryOnFail === true && options.readOnly !== true) {
			this.memoKey = {
				executionId: context.getExecutionId(),
				nodeName: node.name,
				runIndex: (context as { runIndex?: number }).runIndex ?? 0,
				itemCount: items.length,
			};
			for (const [index, entry] of recall(this.memoKey)) this.ledger.restore(index, entry);
		}
	}

	static start(context: IExecuteFunctions, options: ItemRunOptions = {}): ItemRun {
		// getNode() deep-copies the node on every call: once per run, not once per item.
		const node = context.getNode();
		const words: SummaryWords = { succeeded: options.succeeded ?? 'done', notes: options.notes };
		return new ItemRun(context, node, context.getInputData(), words, options);
	}

	get continueOnFail(): boolean {
		return this.mode !== 'stop';
	}

	/**
	 * Reads and checks every item not yet settled; returns the good ones in input order. `prepare`
	 * returns the prepared value, or an ItemProblem (or a ready NodeOperationError) for a bad item;
	 * what it throws (an expression that fails) fails that item too.
	 */
	check<T>(prepare: (itemIndex: number, item: INodeExecutionData) => T | ItemProblem | NodeOperationError): Array<Checked<T>> {
		const ready: Array<Checked<T>> = [];
		const invalid: number[] = [];
		for (let itemIndex = 0; itemIndex < this.items.length; itemIndex++) {
			if (this.ledger.isSettled(itemIndex)) continue;
			let prepared: T | ItemProblem | NodeOperationError;
			try {
				prepared = prepare(itemIndex, this.items[itemIndex]);
			} catch (error) {
				prepared = new NodeOperationError(this.node, error as Error, { itemIndex, description: 'Nothing was sent for this item.' });
			}
			if (prepared instanceof NodeOperationError) this.ledger.fail(itemIndex, prepared);
			else if (isItemProblem(prepared)) this.ledger.fail(itemIndex, itemProblemError(this.node, itemIndex, prepared), prepared.details);
			else {
				ready.push({ itemIndex, value: prepared });
				continue;
			}
			invalid.push(itemIndex);
		}
		// Under Stop Workflow a bad item ends the run before anything is sent: nothing half-applied.
		if (this.mode === 'stop' && invalid.length > 0) throw invalidRunError(this.node, this.ledger, invalid);
		return ready;
	}

	/** Run-level facts for the Stop Workflow summary (e.g. "Rightsline batch 123"). */
	note(text: string): void {
		this.words.notes = [...(this.words.notes ?? []), text];
	}

	/** The node's output, or under Stop Workflow the run's summary error when any item failed. */
	finish(): INodeExecutionData[][] {
		const entries = this.ledger.settledEntries();
		const error: ItemError | undefined = this.mode === 'stop' ? runSummaryError(this.node, entries, this.words) : undefined;
		if (this.memoKey) {
			// n8n tries again when the node throws, or when its first output item has json.error.
			const retried = error !== undefined || (this.mode !== 'stop' && entries[0] instanceof Failure);
			remember(this.memoKey, entries, retried, this.maxTries);
		}
		if (error) throw error;
		return this.ledger.toNodeOutput(this.items, this.mode, this.routing);
	}
}
