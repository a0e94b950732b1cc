import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { ItemRun, itemProblem, toNodeApiError } from '../../../nodes/shared';

/** What the node "wrote", by item id, across every run in the test file: a stand-in for a vendor's store. */
export const writes = new Map<string, number>();
/** Items with `fail: 'once'` fail the first time they are seen, then succeed. */
const seen = new Set<string>();

/**
 * A node on the shared engine (ItemRun) that settles items in reverse order. By `fail`:
 * `input` is invalid (nothing sent), `api` is refused by the "vendor" with a 422, `maybe` is
 * written but its answer is lost (a create, so not repeated), `once` is refused the first time
 * only; any other item is written and succeeds.
 */
export class LedgerNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ledger Node',
		name: 'ledgerNode',
		group: ['transform'],
		version: 1,
		description: 'Exercises the shared run engine in the real n8n engine',
		defaults: { name: 'Ledger Node' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const run = ItemRun.start(this, { succeeded: 'written' });
		const ready = run.check((_itemIndex, item) => (item.json.fail === 'input' ? itemProblem(`id is missing`, 'id') : item.json));
		for (const { itemIndex, value } of ready.reverse()) {
			const id = String(value.id);
			const write = () => writes.set(id, (writes.get(id) ?? 0) + 1);
			if (value.fail === 'api') {
				const response = { status: 422, data: { errors: { reference: ['too long'] } } };
				run.ledger.fail(itemIndex, toNodeApiError(run.node, { response }, { itemIndex }), { id });
			} else if (value.fail === 'maybe') {
				write();
				run.ledger.fail(itemIndex, toNodeApiError(run.node, { code: 'ECONNRESET' }, { itemIndex, write: { idempotent: false, vendor: 'Test' } }));
			} else if (value.fail === 'once' && !seen.has(id)) {
				seen.add(id);
				run.ledger.fail(itemIndex, toNodeApiError(run.node, { response: { status: 409, data: { message: 'locked' } } }, { itemIndex }));
			} else {
				write();
				run.ledger.succeed(itemIndex, { id, done: true });
			}
		}
		return run.finish();
	}
}
