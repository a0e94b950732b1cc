import type { IExecuteFunctions } from 'n8n-workflow';

import { expectEachItemOnce, runNode, type NodeSettings } from '../harness';
import { LedgerNode, writes } from './helpers/ledger-node';

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

let run = 0;
/** Items with ids unique to one test, since the "vendor store" is shared by the whole file. */
function itemsOf(...fails: Array<string | undefined>) {
	run++;
	return fails.map((fail, index) => ({ id: `r${run}-${index}`, name: `Record ${index}`, ...(fail ? { fail } : {}) }));
}
const written = (items: Array<{ id: string }>) => items.map((item) => writes.get(item.id) ?? 0);

/** The shared engine's output goes through n8n-core's WorkflowExecute, so routing is n8n's own. */
describe('The run engine (ItemRun) in the real n8n engine', () => {
	it('"Continue (using error output)": a failed item keeps its record, with error and details to route on', async () => {
		const items = itemsOf(undefined, 'api', undefined, 'input', 'maybe');
		const result = await runNode({ type: new LedgerNode(), parameters: {}, items, settings: { onError: 'continueErrorOutput' } });
		expect(result.nodeError).toBeUndefined();
		expectEachItemOnce(result, items.length);
		expect(result.success.map((item) => item.json)).toEqual([
			{ id: items[0].id, done: true },
			{ id: items[2].id, done: true },
		]);
		const [refused, invalid, maybe] = result.errors;
		expect(refused.json).toMatchObject({
			id: items[1].id,
			name: 'Record 1',
			fail: 'api',
			error: 'reference: too long',
			details: { item: 1, sent: true, mayHaveBeenApplied: false, httpCode: 422, vendorMessage: 'reference: too long' },
		});
		expect(invalid.json).toMatchObject({
			id: items[3].id,
			name: 'Record 3',
			error: 'Item 3: id is missing',
			details: { item: 3, sent: false, mayHaveBeenApplied: false, field: 'id', description: 'Nothing was sent for this item.' },
		});
		expect(maybe.json).toMatchObject({ id: items[4].id, details: { item: 4, sent: true, mayHaveBeenApplied: true } });
		expect(String(maybe.json.error)).toMatch(/^Test may have saved this record: the request reached it, but the connection was closed before an answer arrived\. It was not sent again/);
		// n8n's error item carries no `item.error` (n8n would reduce the JSON to the message).
		expect(result.errors.every((item) => item.error === undefined)).toBe(true);
	});

	it('"Continue (regular output)": every item on the main output, in order; failed ones keep their record', async () => {
		const items = itemsOf(undefined, 'api', undefined, 'input');
		const result = await runNode({ type: new LedgerNode(), parameters: {}, items, settings: { onError: 'continueRegularOutput' } });
		expect(result.errors).toEqual([]);
		expect(result.success.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(result.success[1].json).toMatchObject({ id: items[1].id, name: 'Record 1', error: 'reference: too long', details: { httpCode: 422 } });
		expect(result.success[3].json).toMatchObject({ id: items[3].id, name: 'Record 3', error: 'Item 3: id is missing', details: { field: 'id' } });
	});

	it('"Stop Workflow" with an invalid item: nothing is sent, and the error says so', async () => {
		const items = itemsOf(undefined, undefined, undefined, 'input', undefined);
		const result = await runNode({ type: new LedgerNode(), parameters: {}, items });
		expect(result.nodeError?.message).toBe('1 of 5 items is invalid (item 3): id is missing');
		expect(result.nodeError?.description).toContain('Nothing was sent');
		expect(result.nodeError?.context.itemIndex).toBe(3);
		expect(written(items)).toEqual([0, 0, 0, 0, 0]);
	});

	it('"Stop Workflow" after writes: the error names the failures and what was applied', async () => {
		const items = itemsOf(undefined, 'api', undefined, 'maybe', undefined, undefined);
		const result = await runNode({ type: new LedgerNode(), parameters: {}, items });
		expect(result.success).toEqual([]);
		expect(result.nodeError?.message).toBe('2 of 6 items failed (items 1, 3): reference: too long');
		const description = String(result.nodeError?.description);
		expect(description).toContain('The other 4 items were written (items 0, 2, 4, 5); that is not undone.');
		expect(description).toContain('May have been applied although no answer said so: item 3');
		expect(description).toContain('Item 1: reference: too long');
		expect(written(items)).toEqual([1, 0, 1, 1, 1, 1]);
	});

	it('one item under "Stop Workflow": its own error, unchanged', async () => {
		const items = itemsOf('api');
		const result = await runNode({ type: new LedgerNode(), parameters: {}, items });
		expect(result.nodeError?.message).toBe('reference: too long');
		expect(result.nodeError?.context.itemIndex).toBe(0);
	});
});

describe('Retry On Fail never repeats a write (n8n re-runs the whole node)', () => {
	const retry = (onError: NodeSettings['onError']): NodeSettings => ({ onError, retryOnFail: true, maxTries: 3, waitBetweenTries: 0 });

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'%s: only what certainly was not applied is tried again; successes and maybe-applied writes come out as they did',
		async (onError) => {
			const { node, counter } = countingNode();
			// Item 0 fails the first time (json.error on the first item makes n8n re-run the node).
			const items = itemsOf('once', 'maybe', undefined, 'api');
			const result = await runNode({ type: node, parameters: {}, items, settings: retry(onError) });
			expect(counter.runs).toBe(2);
			expect(written(items)).toEqual([1, 1, 1, 0]);
			expectEachItemOnce(result, 4);
			const byIndex = (index: number) => result.byInput.get(index)?.[0]?.json;
			expect(byIndex(0)).toEqual({ id: items[0].id, done: true });
			expect(byIndex(1)).toMatchObject({ details: { mayHaveBeenApplied: true } });
			expect(byIndex(2)).toEqual({ id: items[2].id, done: true });
			expect(byIndex(3)).toMatchObject({ error: 'reference: too long' });
		},
	);

	it('Stop Workflow: every try writes only what earlier tries did not; the last error tells the whole run', async () => {
		const { node, counter } = countingNode();
		const items = itemsOf('once', 'maybe', undefined, 'api');
		const result = await runNode({ type: node, parameters: {}, items, settings: retry('stopWorkflow') });
		expect(counter.runs).toBe(3);
		expect(written(items)).toEqual([1, 1, 1, 0]);
		expect(result.nodeError?.message).toBe('2 of 4 items failed (items 1, 3): Test may have saved this record: the request reached it, but the connection was closed before an answer arrived. It was not sent again, so that nothing is created twice. Check in Test whether it exists before running this item again');
		expect(String(result.nodeError?.description)).toContain('The other 2 items were written (items 0, 2)');
	});

	it.each(['continueRegularOutput', 'continueErrorOutput', 'stopWorkflow'] as const)('%s without Retry On Fail: one run', async (onError) => {
		const { node, counter } = countingNode();
		const items = itemsOf('once', 'maybe', undefined, 'api');
		await runNode({ type: node, parameters: {}, items, settings: { onError } });
		expect(counter.runs).toBe(1);
		expect(written(items)).toEqual([0, 1, 1, 0]);
	});
});
