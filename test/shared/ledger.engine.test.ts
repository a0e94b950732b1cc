import type { IExecuteFunctions } from 'n8n-workflow';

import { runNode } from '../harness';
import { LedgerNode } from './helpers/ledger-node';

const items = [
	{ id: 'a' },
	{ id: 'b', fail: 'api' },
	{ id: 'c' },
	{ id: 'd', fail: 'input' },
	{ id: 'e' },
];

/** A LedgerNode that counts how often the engine executes it. */
function countingNode() {
	const node = new LedgerNode();
	const counter = { runs: 0 };
	const execute = LedgerNode.prototype.execute;
	node.execute = async function (this: IExecuteFunctions) {
		counter.runs++;
		return await execute.call(this);
	};
	return { node, counter };
}

/** The ledger's output goes through n8n-core's WorkflowExecute, so routing is n8n's own. */
describe('ItemLedger output in the real n8n engine', () => {
	it('"Continue (using error output)": failures go to the error output, successes stay, all paired', async () => {
		const run = await runNode({
			type: new LedgerNode(),
			parameters: {},
			items,
			settings: { onError: 'continueErrorOutput' },
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.success.map((item) => item.json)).toEqual([
			{ id: 'a', done: true },
			{ id: 'c', done: true },
			{ id: 'e', done: true },
		]);
		expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }, { item: 4 }]);
		expect(run.errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 3 }]);
		// n8n-core's normalizeNodeErrors reduces an error item's JSON to its message.
		expect(run.errors.map((item) => item.json)).toEqual([
			{ error: 'reference: too long' },
			{ error: 'Item 3 has no ID' },
		]);
		expect(run.errors[0].error).toMatchObject({ name: 'NodeApiError', context: { itemIndex: 1 } });
		expect(run.errors[1].error).toMatchObject({ name: 'NodeOperationError', context: { itemIndex: 3 } });
	});

	it('"Continue (regular output)": every item stays on the main output, in order', async () => {
		const run = await runNode({
			type: new LedgerNode(),
			parameters: {},
			items,
			settings: { onError: 'continueRegularOutput' },
		});
		expect(run.success.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(run.success.map((item) => item.json.error ?? item.json.id)).toEqual([
			'a',
			'reference: too long',
			'c',
			'Item 3 has no ID',
			'e',
		]);
		expect(run.errors).toEqual([]);
	});

	it('"Stop workflow": the node fails with the first failed item\'s error', async () => {
		const run = await runNode({ type: new LedgerNode(), parameters: {}, items });
		expect(run.nodeError?.message).toBe('reference: too long');
		expect(run.nodeError?.context.itemIndex).toBe(1);
		expect(run.success).toEqual([]);
	});

	it('a failed first item does not make n8n re-run the whole node under Retry On Fail', async () => {
		const { node, counter } = countingNode();
		const run = await runNode({
			type: node,
			parameters: {},
			items: [{ id: 'x', fail: 'api' }, { id: 'y' }],
			settings: { onError: 'continueRegularOutput', retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		});
		expect(counter.runs).toBe(1);
		expect(run.success.map((item) => item.json)).toEqual([{ error: 'reference: too long' }, { id: 'y', done: true }]);
	});
});
