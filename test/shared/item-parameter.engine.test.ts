import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ItemParameter } from '../../nodes/shared/item-parameter';
import { runNode } from '../harness';
import { bareNodeType } from '../harness/bare-node';

const PARAMETERS = ['text', 'picked', 'locator', 'fields', 'pairs.pair', 'computed', 'fixed', 'absent'] as const;

/** Reads every parameter both ways for every item and puts both out, so the test compares them. */
const reader = bareNodeType('Reader', {
	properties: [
			{ displayName: 'Text', name: 'text', type: 'string', default: '' },
			{ displayName: 'Picked', name: 'picked', type: 'string', default: '' },
			{ displayName: 'Locator', name: 'locator', type: 'resourceLocator', default: { mode: 'id', value: '' }, modes: [{ displayName: 'ID', name: 'id', type: 'string' }] },
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'collection',
				default: {},
				options: [
					{ displayName: 'X', name: 'x', type: 'string', default: '' },
					{ displayName: 'Y', name: 'y', type: 'string', default: '' },
					{ displayName: 'Z', name: 'z', type: 'number', default: 0 },
				],
			},
			{
				displayName: 'Pairs',
				name: 'pairs',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Pair',
						name: 'pair',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Computed', name: 'computed', type: 'string', default: '' },
			{ displayName: 'Fixed', name: 'fixed', type: 'string', default: '' },
			{ displayName: 'Absent', name: 'absent', type: 'string', default: 'the default' },
	],
	async execute(this: IExecuteFunctions) {
		const node = this.getNode();
		const items = this.getInputData();
		let engineCalls = 0;
		const counted = Object.create(this, {
			getNodeParameter: { value: (...args: Parameters<IExecuteFunctions['getNodeParameter']>) => (engineCalls++, this.getNodeParameter(...args)) },
		}) as IExecuteFunctions;
		const readers = PARAMETERS.map((name) => new ItemParameter(counted, node, name));
		return [
			items.map((item, itemIndex) => {
				const json: IDataObject = {};
				PARAMETERS.forEach((name, position) => {
					json[name] = { fast: readers[position].value(itemIndex, item), engine: this.getNodeParameter(name, itemIndex) } as IDataObject;
				});
				json.engineCallsSoFar = engineCalls;
				return { json, pairedItem: { item: itemIndex } };
			}),
		];
	},
});

/** Parameters that only pick fields of the item, in every shape a node has. */
const PICKING = {
	text: '={{ $json.a }}',
	picked: '={{ $json["with space"] }}',
	locator: { __rl: true, mode: 'id', value: '={{ $json.a }}' },
	fields: { x: '={{ $json.a }}', y: 'constant', z: 5 },
	fixed: 'plain',
};

describe('ItemParameter gives what getNodeParameter gives, through the real engine', () => {
	it('reads plain field picks without the engine, and constants once', async () => {
		const run = await runNode({
			type: reader,
			parameters: { ...PICKING, pairs: { pair: [{ name: 'first', value: '={{ $json.a }}' }] }, computed: 'no expression here' },
			items: Array.from({ length: 200 }, (_, n) => ({ a: `value ${n}`, 'with space': n })),
		});
		// Three constants (computed, fixed, absent) read once each when the readers are made; nothing per item.
		expect(run.success.map((item) => item.json.engineCallsSoFar)).toEqual(Array.from({ length: 200 }, () => 3));
		expect(run.success[7].json.locator).toEqual({ fast: { __rl: true, mode: 'id', value: 'value 7' }, engine: { __rl: true, mode: 'id', value: 'value 7' } });
	});

	it('for every parameter shape and every kind of value a field may hold', async () => {
		const values: unknown[] = ['text', '', ' padded ', 42, 0, -1.5, true, false, null, undefined, { nested: 1 }, [1, 2], '2026-01-31'];
		const items = values.map((a) => (a === undefined ? { other: 1 } : { a, 'with space': a }));
		const run = await runNode({
			type: reader,
			parameters: {
				...PICKING,
				pairs: { pair: [{ name: 'first', value: '={{ $json.a }}' }, { name: 'second', value: 'kept' }] },
				computed: '={{ $json.a + "!" }}',
			},
			items: items as IDataObject[],
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.success).toHaveLength(values.length);
		for (const item of run.success) {
			for (const name of PARAMETERS) {
				const { fast, engine } = item.json[name] as { fast: unknown; engine: unknown };
				expect({ name, item: item.pairedItem, value: fast }).toEqual({ name, item: item.pairedItem, value: engine });
			}
		}
	});
});
