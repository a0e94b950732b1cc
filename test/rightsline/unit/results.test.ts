import { isItemProblem } from '../../../nodes/shared/item-problem';
import type { IDataObject } from 'n8n-workflow';

import { buildEntry, type Entry } from '../../../nodes/RightslineCharTypeBatch/helpers/entries';
import { matchBatchResults, type ResultEntry } from '../../../nodes/RightslineCharTypeBatch/helpers/results';

function entries(method: string, records: IDataObject[], kind: 'record' | 'relationship' = 'record', charType: unknown = 2): Entry[] {
	return records.map((record, itemIndex) => {
		const built = buildEntry({ itemIndex, method, kind, charType, record });
		if (isItemProblem(built)) throw new Error(built.reason);
		return built;
	});
}

function pairs(list: Entry[], records: Record<string, ResultEntry[]>, relationships: ResultEntry[] = []): Array<[number, number | undefined]> {
	const matches = matchBatchResults(list, { batchStatus: 'Complete', batchResults: { records, relationships } });
	return list.map((entry) => [entry.itemIndex, matches.get(entry)?.result.id]);
}

describe('matchBatchResults', () => {
	const created = (id: number, title: string, referenceId?: string): ResultEntry => ({ code: 201, message: 'Created.', id, record: { id, title }, ...(referenceId ? { referenceId } : {}) });

	it('pairs by referenceId whatever the order', () => {
		const list = entries('POST', [{ title: 'A', template: { templateId: 1 } }, { title: 'A', template: { templateId: 1 } }]);
		expect(pairs(list, { '2': [created(11, 'A', 'n8n-item-1'), created(10, 'A', 'n8n-item-0')] })).toEqual([
			[0, 10],
			[1, 11],
		]);
	});

	it('pairs by record ID for methods that name one, repeated IDs in order', () => {
		const list = entries('GET', [{ id: 5 }, { id: 6 }, { id: 5 }]);
		const found = (id: number, title: string): ResultEntry => ({ code: 200, message: 'Found.', id, record: { id, title } });
		const matches = matchBatchResults(list, { batchResults: { records: { '2': [found(6, 'six'), found(5, 'first five'), found(5, 'second five')] } } });
		expect(list.map((entry) => matches.get(entry)?.result.record?.title)).toEqual(['first five', 'six', 'second five']);
	});

	it('pairs creations without referenceId by title, then by position only when the counts agree', () => {
		const list = entries('POST', [
			{ title: 'B', template: { templateId: 1 } },
			{ title: 'A', template: { templateId: 1 } },
		]);
		expect(pairs(list, { '2': [created(20, 'A'), created(21, 'B')] })).toEqual([
			[0, 21],
			[1, 20],
		]);
		const twins = entries('POST', [{ title: 'T', template: { templateId: 1 } }, { title: 'T', template: { templateId: 1 } }]);
		expect(pairs(twins, { '2': [created(30, 'T'), created(31, 'T')] })).toEqual([
			[0, 30],
			[1, 31],
		]);
		// One result for two records: no guessing.
		expect(pairs(twins, { '2': [created(30, 'T')] })).toEqual([
			[0, undefined],
			[1, undefined],
		]);
	});

	it('ignores results for char types or references that are not ours', () => {
		const list = entries('POST', [{ title: 'A', template: { templateId: 1 } }]);
		expect(pairs(list, { '3': [created(40, 'A')], '2': [created(41, 'A', 'someone-else')] })).toEqual([[0, undefined]]);
	});

	it('pairs relationships by their ends, and a missing end reported under records', () => {
		const link = (child: number) => ({ parentCharTypeId: 4, parentRecordId: 7, childCharTypeId: 1, childRecordId: child });
		const list = entries('POST', [link(100), link(999)], 'relationship');
		const matches = matchBatchResults(list, {
			batchResults: {
				records: { '1': [{ code: 404, message: 'Record Not Found.', id: 999 }] },
				relationships: [{ code: 201, message: 'Created.', id: 77, relationship: { id: 77, parentRecordId: 7, childRecordId: 100 } }],
			},
		});
		expect(matches.get(list[0])).toMatchObject({ kind: 'result', result: { id: 77 } });
		expect(matches.get(list[1])).toMatchObject({ kind: 'missing-link', side: 'child', charTypeId: 1, recordId: 999 });
	});

	it('tolerates missing or null batchResults', () => {
		const list = entries('GET', [{ id: 5 }]);
		expect(matchBatchResults(list, { batchStatus: 'Errored', batchResults: null }).size).toBe(0);
		expect(matchBatchResults(list, { batchStatus: 'Errored' }).size).toBe(0);
	});
});
