import type { IDataObject } from 'n8n-workflow';

import type { RightslineSimulator } from '../simulators/rightsline';
import { batchPosts, contact, expectEachItemOnce, runRightsline, startRightslineSimulator } from './rightsline-fixture';

interface SentBatch {
	method: string;
	batchOptions: { cancelIfRecordFails: boolean };
	records?: Record<string, IDataObject[]>;
	relationships?: IDataObject[];
}

const sent = (sim: RightslineSimulator) => batchPosts(sim).filter((req) => req.status === 202).map((req) => req.body as SentBatch);

describe('Rightsline Char-Type Batch: Submit, through the real engine against the simulator', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await startRightslineSimulator();
		sim.seedRecords(1, [
			{ id: 100, title: 'Feature 100' },
			{ id: 101, title: 'Feature 101' },
			{ id: 102, title: 'Locked feature', locked: true },
			{ id: 103, title: 'Restricted feature', denied: true },
		]);
		sim.seedRecords(4, [{ id: 4958, title: 'Deal 4958' }]);
	});
	afterEach(() => sim.stop());

	it('Create: one batch, one result per item with code, message, id and the created record', async () => {
		const run = await runRightsline({ sim, items: [contact(1), contact(2)], parameters: { method: 'POST', charType: 2 } });
		expect(run.errors).toEqual([]);
		expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const [first, second] = run.success.map((item) => item.json);
		expect(first).toMatchObject({ code: 201, message: 'Created.', charTypeId: 2, record: { title: 'Contact 1', characteristics: { first_name: 'First1' } } });
		expect(second).toMatchObject({ code: 201, record: { title: 'Contact 2' } });
		expect(first.id).toBe((first.record as IDataObject).id);
		expect(sim.records(2).map((record) => record.title)).toEqual(['Contact 1', 'Contact 2']);
		expect(sent(sim)).toEqual([
			{
				method: 'POST',
				batchOptions: { cancelIfRecordFails: false },
				records: { '2': [{ ...contact(1), referenceId: 'n8n-item-0' }, { ...contact(2), referenceId: 'n8n-item-1' }] },
			},
		]);
	});

	it('Get: found and not found, by record ID alone', async () => {
		const run = await runRightsline({ sim, items: [{ id: 100 }, { id: 999 }, { id: '101' }], parameters: { method: 'GET', record: '={{ $json.id }}' } });
		expectEachItemOnce(run, 3);
		expect(run.success.map((item) => [item.json.id, item.json.message, (item.json.record as IDataObject).title])).toEqual([
			[100, 'Found.', 'Feature 100'],
			[101, 'Found.', 'Feature 101'],
		]);
		expect(run.errors).toHaveLength(1);
		expect(run.errors[0].pairedItem).toEqual({ item: 1 });
		expect(run.errors[0].json.error).toBe('Rightsline has no catalog item with ID 999 (404 Record Not Found.)');
		expect(sent(sim)[0].records).toEqual({ '1': [{ id: 100, referenceId: 'n8n-item-0' }, { id: 999, referenceId: 'n8n-item-1' }, { id: 101, referenceId: 'n8n-item-2' }] });
	});

	it('Update: changes the record; a locked one and a forbidden one fail with their own messages', async () => {
		const run = await runRightsline({ sim, items: [{ id: 100, title: 'Renamed' }, { id: 102, title: 'x' }, { id: 103, title: 'y' }], parameters: { method: 'PUT' } });
		expect(run.success.map((item) => item.json)).toEqual([expect.objectContaining({ code: 200, message: 'Updated.', id: 100, record: expect.objectContaining({ title: 'Renamed' }) })]);
		expect(run.errors.map((item) => item.json.error)).toEqual([
			'The catalog item 102 is locked in Rightsline (409 Record Locked.); try again once it is unlocked',
			'The Rightsline API user may not update this catalog item 103 (403 Access Denied.): check the user’s security role in Rightsline',
		]);
		expect(sim.record(1, 100)?.title).toBe('Renamed');
	});

	it('Delete: removes the records', async () => {
		const run = await runRightsline({ sim, items: [{ id: 100 }, { id: 101 }], parameters: { method: 'DELETE' } });
		expect(run.success.map((item) => [item.json.code, item.json.message, item.json.id])).toEqual([
			[200, 'Deleted.', 100],
			[200, 'Deleted.', 101],
		]);
		expect(sim.records(1).map((record) => record.id)).toEqual([102, 103]);
	});

	it('Execute Workflow Action: runs the action, and an action not allowed from the status fails readably', async () => {
		sim.refuseActions([95]);
		const run = await runRightsline({ sim, items: [{ id: 100, actionId: 3 }, { id: 101, actionId: 95 }], parameters: { method: 'EXECUTE-WORKFLOW' } });
		expect(run.success[0].json).toMatchObject({ code: 200, message: 'Action Executed.', id: 100, record: { status: { statusId: 3 } } });
		expect(run.errors[0].json.error).toBe('Rightsline did not run the workflow action on the catalog item 101: Action 95 not available to be taken from status 1 (403)');
	});

	it('Copy: copies within the char type and, with charTypeId, into another one', async () => {
		const run = await runRightsline({
			sim,
			items: [
				{ id: 100, title: 'Feature 100 (copy)' },
				{ id: 101, title: 'Feature 101 as a deal', charTypeId: 'deal', template: { templateId: 12 } },
			],
			parameters: { method: 'COPY' },
		});
		expect(run.errors).toEqual([]);
		const [copy, copyTo] = run.success.map((item) => item.json);
		expect(copy).toMatchObject({ code: 201, message: 'Copied.', record: { title: 'Feature 100 (copy)' } });
		expect(copyTo).toMatchObject({ code: 201, message: 'Copied.', record: { title: 'Feature 101 as a deal', template: { templateId: 12 } } });
		expect(sim.record(4, copyTo.id as number)?.title).toBe('Feature 101 as a deal');
		expect(sent(sim)[0].records?.['1'][1]).toMatchObject({ charTypeId: 4 });
	});

	it('records of several char types in one run: the char type comes per item from an expression', async () => {
		const items = [
			{ kind: 'contact', ...contact(1) },
			{ kind: 'deal', title: 'Deal A', template: { templateId: 3 } },
			{ kind: 1, title: 'Catalog A', template: { templateId: 1 } },
			{ kind: 'contact', ...contact(2) },
		];
		const run = await runRightsline({ sim, items, parameters: { charType: '={{ $json.kind }}', record: '={{ { title: $json.title, template: $json.template } }}' } });
		expectEachItemOnce(run, 4);
		expect(run.errors).toEqual([]);
		expect(run.success.map((item) => [item.json.charTypeId, (item.json.record as IDataObject).title])).toEqual([
			[2, 'Contact 1'],
			[4, 'Deal A'],
			[1, 'Catalog A'],
			[2, 'Contact 2'],
		]);
		const [batch] = sent(sim);
		expect(Object.keys(batch.records ?? {}).sort()).toEqual(['1', '2', '4']);
		expect(batch.records?.['2'].map((record) => record.referenceId)).toEqual(['n8n-item-0', 'n8n-item-3']);
	});

	it('250 records become 3 batches (100, 100, 50) and every record comes back to its own item', async () => {
		const items = Array.from({ length: 250 }, (_, n) => contact(n));
		const run = await runRightsline({ sim, items, parameters: { charType: 2 } });
		expectEachItemOnce(run, 250);
		expect(run.errors).toEqual([]);
		expect(sent(sim).map((batch) => batch.records?.['2'].length)).toEqual([100, 100, 50]);
		for (const item of run.success) {
			const index = (item.pairedItem as { item: number }).item;
			expect((item.json.record as IDataObject).title).toBe(`Contact ${index}`);
		}
		expect(new Set(run.success.map((item) => item.json.batchId)).size).toBe(3);
		expect(sim.records(2)).toHaveLength(250);
	});

	it('a failed record without “cancel”: only that item goes to the error output, the rest is applied', async () => {
		sim.settings.fields['2'] = ['first_name', 'last_name'];
		const items = [contact(0), contact(1, { characteristics: { fake_field: 'x' } }), contact(2)];
		const run = await runRightsline({ sim, items, parameters: { charType: 2 } });
		expectEachItemOnce(run, 3);
		expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(run.errors[0].pairedItem).toEqual({ item: 1 });
		expect(run.errors[0].json.error).toBe('Rightsline did not create the contact: Invalid field found fake_field. (400)');
		expect(sim.records(2)).toHaveLength(2);
	});

	it.each([
		['Cancelled', 'Cancelled'],
		['Errored (as the docs’ sample of this case shows)', 'Errored'],
		['Error', 'Error'],
	] as const)('a failed record with “cancel”, batch status %s: nothing applied, the others say why', async (_label, status) => {
		sim.settings.cancelledStatus = status;
		const items = [contact(0), { title: 'No template yet', template: { templateId: 1 }, characteristics: {} }, contact(2)];
		items[1] = { template: { templateId: 1 } }; // no title: Rightsline answers Invalid Record.
		const run = await runRightsline({ sim, items, parameters: { charType: 2, cancelIfRecordFails: true } });
		expectEachItemOnce(run, 3);
		expect(run.success).toEqual([]);
		expect(run.errors.map((item) => item.json.error)).toEqual([
			expect.stringMatching(/^Not processed: Rightsline cancelled batch \d+ because another record in it failed/),
			'Rightsline rejected the contact as invalid (400 Invalid Record.): check the template ID, title and fields',
			expect.stringMatching(/^Not processed: Rightsline cancelled batch \d+/),
		]);
		expect(sent(sim)[0].batchOptions).toEqual({ cancelIfRecordFails: true });
		expect(sim.records(2)).toHaveLength(0);
	});

	it.each(['Error', 'Errored'] as const)('a batch that ends in status %s fails its items, saying the outcome is unknown', async (status) => {
		sim.errorNextBatches(1, status);
		const run = await runRightsline({ sim, items: [{ id: 100 }, { id: 101 }], parameters: { method: 'GET' } });
		expect(run.success).toEqual([]);
		expect(run.errors.map((item) => item.json.error)).toEqual([
			expect.stringMatching(new RegExp(`^Rightsline ended batch \\d+ with status ${status} and no result for this record; it may or may not have been applied$`)),
			expect.stringMatching(new RegExp(`with status ${status} `)),
		]);
	});
});
