import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ItemLedger, toNodeApiError } from '../../nodes/shared';
import { TEST_NODE } from './helpers/n8n-request';

const apiError = (status: number, message: string) =>
	toNodeApiError(TEST_NODE, { response: { status, data: { message } } });

describe('ItemLedger', () => {
	it('emits one item per input, in input order, paired, whatever order items settle in', () => {
		const ledger = new ItemLedger(5, TEST_NODE);
		for (const index of [3, 0, 4, 1, 2]) ledger.succeed(index, { n: index });
		const [main, ...rest] = ledger.toNodeOutput();
		expect(rest).toEqual([]);
		expect(main.map((item) => item.json.n)).toEqual([0, 1, 2, 3, 4]);
		expect(main.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	it('settling an index twice is a bug and throws, whichever way it was settled', () => {
		const ledger = new ItemLedger(2, TEST_NODE);
		ledger.succeed(0, {});
		expect(() => ledger.succeed(0, {})).toThrow(/settled twice/);
		expect(() => ledger.fail(0, 'again')).toThrow(/settled twice/);
		ledger.fail(1, 'bad');
		expect(() => ledger.succeed(1, {})).toThrow(/settled twice/);
	});

	it('refuses to produce output while any item is unsettled, and says which', () => {
		const ledger = new ItemLedger(4, TEST_NODE);
		ledger.succeed(1, {});
		expect(ledger.pending()).toEqual([0, 2, 3]);
		expect(() => ledger.toNodeOutput()).toThrow(/3 item\(s\) were never settled \(indexes 0, 2, 3\)/);
		[0, 2, 3].forEach((index) => ledger.succeed(index, {}));
		expect(ledger.pending()).toEqual([]);
		expect(ledger.toNodeOutput()[0]).toHaveLength(4);
	});

	it('rejects indexes outside the input', () => {
		const ledger = new ItemLedger(2, TEST_NODE);
		expect(() => ledger.succeed(2, {})).toThrow(/outside/);
		expect(() => ledger.fail(-1, 'x')).toThrow(/outside/);
		expect(() => ledger.isSettled(1.5)).toThrow(/outside/);
		expect(() => new ItemLedger(-1)).toThrow();
	});

	it('tracks what is settled', () => {
		const ledger = new ItemLedger(3, TEST_NODE);
		ledger.fail(2, 'nope');
		expect([0, 1, 2].map((index) => ledger.isSettled(index))).toEqual([false, false, true]);
		expect(ledger.firstFailure()?.message).toBe("nope");
	});

	it('a failed item is { error, details } with its pairing, and no item.error (n8n would drop the JSON)', () => {
		const ledger = new ItemLedger(2, TEST_NODE);
		const error = apiError(422, 'orderNumber: required');
		ledger.fail(0, error, { jobId: 7 });
		ledger.succeed(1, { id: 8 });
		const [[failed, ok]] = ledger.toNodeOutput();
		expect(failed.error).toBeUndefined();
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(failed.json).toEqual({
			error: 'orderNumber: required',
			details: {
				item: 0,
				sent: true,
				mayHaveBeenApplied: false,
				httpCode: 422,
				vendorMessage: 'orderNumber: required',
				description: error.description,
				jobId: 7,
			},
		});
		expect(ok).toEqual({ json: { id: 8 }, pairedItem: { item: 1 } });
	});

	it('on an n8n that moves only { error } or { error, message } (1.x, 2.0 to 2.35) the error output item carries its details under message', () => {
		const ledger = new ItemLedger(2, TEST_NODE);
		ledger.fail(0, apiError(422, 'orderNumber: required'), { jobId: 7 });
		ledger.succeed(1, { id: 8 });
		const [[current]] = ledger.toNodeOutput(undefined, 'errorOutput', 'details');
		const [[failed, ok]] = ledger.toNodeOutput(undefined, 'errorOutput', 'message');
		expect(failed).toEqual({ json: { error: 'orderNumber: required', message: current.json.details }, pairedItem: { item: 0 } });
		expect(ok).toEqual({ json: { id: 8 }, pairedItem: { item: 1 } });
		// Under Continue (regular output) n8n moves nothing: details stay details on every n8n.
		const [[regular]] = ledger.toNodeOutput([{ json: { id: 1 } }, { json: {} }], 'regularOutput', 'message');
		expect(Object.keys(regular.json)).toEqual(['id', 'error', 'details']);
	});

	it('under "Continue (regular output)" a failed item keeps the input record beside error and details', () => {
		const ledger = new ItemLedger(1, TEST_NODE);
		ledger.fail(0, 'Field "reference" is longer than 50 characters');
		const [[failed]] = ledger.toNodeOutput([{ json: { reference: 'x'.repeat(51), id: 3 } }], 'regularOutput');
		expect(failed.json).toMatchObject({ id: 3, reference: 'x'.repeat(51), error: 'Field "reference" is longer than 50 characters', details: { item: 0, sent: false } });
	});

	it('a text failure becomes a NodeOperationError naming the item', () => {
		const ledger = new ItemLedger(3, TEST_NODE);
		ledger.fail(2, 'Field "reference" is longer than 50 characters');
		expect(ledger.firstFailure()).toBeInstanceOf(NodeOperationError);
		expect(ledger.firstFailure()?.context.itemIndex).toBe(2);
	});

	it('a text failure without the node is refused (it could not become a proper n8n error)', () => {
		expect(() => new ItemLedger(1).fail(0, 'x')).toThrow(/needs the node/);
	});

	it('fills in the item index of a shared batch error without overwriting an existing one', () => {
		const ledger = new ItemLedger(3, TEST_NODE);
		const batchError = apiError(500, 'batch failed');
		ledger.fail(1, batchError);
		ledger.fail(2, batchError);
		expect(batchError.context.itemIndex).toBe(1);
		const own = new NodeOperationError(TEST_NODE, 'own', { itemIndex: 9 });
		ledger.fail(0, own);
		expect(own.context.itemIndex).toBe(9);
	});

	it('firstFailure is the lowest failed index, not the first one settled', () => {
		const ledger = new ItemLedger(5, TEST_NODE);
		expect(ledger.firstFailure()).toBeUndefined();
		const late = apiError(404, 'late');
		const early = apiError(400, 'early');
		ledger.fail(4, late);
		ledger.succeed(0, {});
		ledger.fail(2, early);
		expect(ledger.firstFailure()).toBe(early);
		expect(ledger.firstFailure()).toBeInstanceOf(NodeApiError);
	});

	it('keeps binary data of a success', () => {
		const ledger = new ItemLedger(1, TEST_NODE);
		const binary = { data: { data: 'aGk=', mimeType: 'text/plain' } };
		ledger.succeed(0, { ok: true }, { binary });
		expect(ledger.toNodeOutput()[0][0]).toEqual({ json: { ok: true }, binary, pairedItem: { item: 0 } });
	});

	it('one input can succeed as several output items, each paired to it; an empty list gives none', () => {
		const ledger = new ItemLedger(3, TEST_NODE);
		ledger.succeedMany(0, [{ n: 'a' }, { n: 'b' }]);
		ledger.succeedMany(1, []);
		ledger.fail(2, 'nope');
		const [main] = ledger.toNodeOutput();
		expect(main.map((item) => [item.json.n ?? item.json.error, item.pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 0 }],
			['nope', { item: 2 }],
		]);
	});

	it('an empty input gives an empty main output', () => {
		expect(new ItemLedger(0).toNodeOutput()).toEqual([[]]);
	});
});
