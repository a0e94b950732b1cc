import { isItemProblem } from '../../../nodes/shared/item-problem';
import { buildEntry, type Entry } from '../../../nodes/RightslineCharTypeBatch/helpers/entries';
import { packBatches } from '../../../nodes/RightslineCharTypeBatch/helpers/packing';

function entry(itemIndex: number, method: string, charType: number | 'relationship'): Entry {
	const built = buildEntry(
		charType === 'relationship'
			? { itemIndex, method, kind: 'relationship', charType: 1, record: { id: itemIndex + 1 } }
			: { itemIndex, method, kind: 'record', charType, record: { id: itemIndex + 1, template: { templateId: 1 }, title: 't' } },
	);
	if (isItemProblem(built)) throw new Error(built.reason);
	return built;
}

describe('packBatches', () => {
	it('fills batches of up to 100 in input order, mixing char types and relationships, one method each', () => {
		const entries = [
			...Array.from({ length: 130 }, (_, n) => entry(n, 'GET', n % 2 === 0 ? 1 : 4)),
			entry(130, 'DELETE', 2),
			entry(131, 'GET', 'relationship'),
		];
		const batches = packBatches(entries, 500, true);
		expect(batches.map((batch) => [batch.number, batch.method, batch.entries.length])).toEqual([
			[1, 'GET', 100],
			[2, 'GET', 31],
			[3, 'DELETE', 1],
		]);
		expect(Object.keys(batches[0].body.records as object)).toEqual(['1', '4']);
		expect(batches[1].body.relationships).toEqual([{ id: 132, referenceId: 'n8n-item-131' }]);
		expect(batches[2].body).toEqual({ method: 'DELETE', batchOptions: { cancelIfRecordFails: true }, records: { '2': [{ id: 131, template: { templateId: 1 }, title: 't', referenceId: 'n8n-item-130' }] } });
	});

	it('honours a smaller batch size', () => {
		expect(packBatches(Array.from({ length: 25 }, (_, n) => entry(n, 'GET', 1)), 10, false).map((batch) => batch.entries.length)).toEqual([10, 10, 5]);
	});
});
