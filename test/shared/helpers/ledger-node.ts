import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { ItemLedger, toNodeApiError } from '../../../nodes/shared';

/**
 * A node that settles items through an ItemLedger in reverse order: items with `fail: 'api'` fail
 * with a NodeApiError, `fail: 'input'` with a text (NodeOperationError) failure, the rest succeed.
 */
export class LedgerNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ledger Node',
		name: 'ledgerNode',
		group: ['transform'],
		version: 1,
		description: 'Exercises ItemLedger in the real engine',
		defaults: { name: 'Ledger Node' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const ledger = new ItemLedger(items.length, this.getNode());
		for (let index = items.length - 1; index >= 0; index--) {
			const { id, fail } = items[index].json;
			if (fail === 'api') {
				const response = { status: 422, data: { errors: { reference: ['too long'] } } };
				ledger.fail(index, toNodeApiError(this.getNode(), { response }, { itemIndex: index }), { id });
			} else if (fail === 'input') {
				ledger.fail(index, `Item ${index} has no ID`);
			} else {
				ledger.succeed(index, { id, done: true });
			}
		}
		const firstFailure = ledger.firstFailure();
		if (firstFailure && !this.continueOnFail()) throw firstFailure;
		return ledger.toNodeOutput();
	}
}
