import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ItemLedger } from '../../shared/ledger';

/**
 * "One Item per Content Item / Segment": one input item becomes several output items. The ledger
 * settles one entry per input item (so pairing, Stop Workflow's summary and Retry On Fail stay
 * right), and the split is made once, on the engine's finished output.
 */
export class SplitOutput {
	private readonly lists = new Map<number, IDataObject[]>();

	/** Settles the item; a list (never empty, see PerJobSpec.perform) is kept for `expand`. */
	succeed(ledger: ItemLedger, itemIndex: number, value: IDataObject | IDataObject[]): void {
		if (!Array.isArray(value)) {
			ledger.succeed(itemIndex, value);
			return;
		}
		this.lists.set(itemIndex, value);
		ledger.succeed(itemIndex, value[0] ?? {});
	}

	/** The ledger's output holds one item per input item, at the input's position: each split one is replaced by its list. */
	expand(output: INodeExecutionData[][]): INodeExecutionData[][] {
		if (this.lists.size === 0) return output;
		return output.map((items) =>
			items.flatMap((item, index) => this.lists.get(index)?.map((json) => ({ json, pairedItem: { item: index } })) ?? [item]),
		);
	}
}
