import type { IDataObject } from 'n8n-workflow';

import type { RightslineSimulator } from '../simulators/rightsline';
import { batchPosts, contact, expectEachItemOnce, rightslineCredentialsHelper, runRightsline, startRightslineSimulator } from './rightsline-fixture';

describe('Rightsline Char-Type Batch: relationships, not waiting, Get Batch, Get Limits, validation', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await startRightslineSimulator();
		sim.seedRecords(1, [{ id: 23456 }, { id: 23457 }]);
		sim.seedRecords(4, [{ id: 4958 }]);
	});
	afterEach(() => sim.stop());

	const link = (child: number) => ({ parentCharTypeId: 4, parentRecordId: 4958, childCharTypeId: 1, childRecordId: child });

	it.each(['failures', 'none'] as const)(
		'creates relationships; one to a missing record fails on its own item (reported under records; referenceId echo: %s)',
		async (echo) => {
			sim.settings.referenceIdEcho = echo;
			const run = await runRightsline({ sim, items: [link(23456), link(9999999), link(23457)], parameters: { sendAs: 'relationship' } });
			expectEachItemOnce(run, 3);
			expect(run.success.map((item) => [item.json.code, item.json.message, (item.json.relationship as IDataObject).childRecordId])).toEqual([
				[201, 'Created.', 23456],
				[201, 'Created.', 23457],
			]);
			expect(run.errors[0].pairedItem).toEqual({ item: 1 });
			expect(run.errors[0].json.error).toBe('Rightsline did not create the relationship: its child, catalog item 9999999, does not exist (404 Record Not Found.)');
			expect((batchPosts(sim)[0].body as IDataObject).relationships).toEqual([
				{ ...link(23456), referenceId: 'n8n-item-0' },
				{ ...link(9999999), referenceId: 'n8n-item-1' },
				{ ...link(23457), referenceId: 'n8n-item-2' },
			]);
			expect(sim.relationships()).toHaveLength(2);
		},
	);

	it('gets and deletes relationships by ID', async () => {
		const created = await runRightsline({ sim, items: [link(23456)], parameters: { sendAs: 'relationship' } });
		const id = created.success[0].json.id as number;
		const got = await runRightsline({ sim, items: [{ id }, { id: 1 }], parameters: { sendAs: 'relationship', method: 'GET' } });
		expect(got.success[0].json).toMatchObject({ code: 200, message: 'Found.', id, relationship: { parentRecordId: 4958 } });
		expect(got.errors[0].json.error).toBe('Rightsline has no relationship with ID 1 (404 Record Not Found.)');
		const deleted = await runRightsline({ sim, items: [{ id }], parameters: { sendAs: 'relationship', method: 'DELETE' } });
		expect(deleted.success[0].json).toMatchObject({ code: 200, message: 'Deleted.' });
		expect(sim.relationships()).toHaveLength(0);
	});

	it('records and relationships of one method in one run, the kind chosen per item', async () => {
		const items = [{ kind: 'relationship', ...link(23456) }, { kind: 'record', ...contact(1) }];
		const run = await runRightsline({
			sim,
			items,
			parameters: { sendAs: '={{ $json.kind }}', charType: 2, record: '={{ (({ kind, ...rest }) => rest)($json) }}' },
		});
		expect(run.errors).toEqual([]);
		expect(run.success.map((item) => item.json.code)).toEqual([201, 201]);
		const body = batchPosts(sim)[0].body as IDataObject;
		expect(Object.keys(body).sort()).toEqual(['batchOptions', 'method', 'records', 'relationships']);
	});

	it('without waiting: each item gets the ID of its batch; Get Batch then gives each its own record', async () => {
		const items = Array.from({ length: 150 }, (_, n) => contact(n));
		const helper = rightslineCredentialsHelper(sim);
		const submitted = await runRightsline({ sim, items, parameters: { charType: 2, waitForCompletion: false }, credentialsHelper: helper });
		expectEachItemOnce(submitted, 150);
		const ids = [...new Set(submitted.success.map((item) => item.json.batchId))];
		expect(ids).toHaveLength(2);
		expect(submitted.success[0].json).toEqual({ batchId: ids[0], batchStatus: 'Created', method: 'POST', charTypeId: 2, referenceId: 'n8n-item-0' });
		expect(sim.server.log.filter((req) => req.method === 'GET')).toHaveLength(0);

		sim.finishAll();
		const fetched = await runRightsline({
			sim,
			items: [...submitted.success.map((item) => item.json), { batchId: ids[1] }],
			parameters: { operation: 'get', batchId: '={{ $json.batchId }}' },
			credentialsHelper: helper,
		});
		expectEachItemOnce(fetched, 151);
		expect(fetched.success[0].json).toMatchObject({ batchId: ids[0], batchStatus: 'Complete', final: true, failed: false, record: { title: 'Contact 0' } });
		expect(fetched.success[149].json).toMatchObject({ batchId: ids[1], referenceId: 'n8n-item-149', code: 201, record: { title: 'Contact 149' } });
		// An item without referenceId gets the whole batch.
		const results = (fetched.success[150].json.batchResults as { records: Record<string, IDataObject[]> }).records['2'];
		expect(results).toHaveLength(50);
		// One request per distinct batch, not per item.
		expect(sim.server.log.filter((req) => req.method === 'GET')).toHaveLength(2);
	});

	it('without waiting, more than 10 batches still go in: the 11th waits for a free slot', async () => {
		sim.settings.timing = { queuedMs: 100, processingMs: 300, perRecordMs: 0 };
		const run = await runRightsline({ sim, items: Array.from({ length: 1200 }, (_, n) => contact(n)), parameters: { charType: 2, waitForCompletion: false } });
		expectEachItemOnce(run, 1200);
		expect(run.errors).toEqual([]);
		expect(new Set(run.success.map((item) => item.json.batchId)).size).toBe(12);
		expect(batchPosts(sim).filter((req) => req.status === 429).length).toBeGreaterThan(0);
		expect(batchPosts(sim).filter((req) => req.status === 202)).toHaveLength(12);
	});

	it('Get Batch: a wrong ID fails its item before sending, an unknown one says Rightsline has none', async () => {
		const run = await runRightsline({ sim, items: [{ batchId: 'abc' }, { batchId: 12 }], parameters: { operation: 'get', batchId: '={{ $json.batchId }}' } });
		expect(run.errors.map((item) => item.json.error)).toEqual(['Item 0: Batch ID must be a whole number such as 48865381, got "abc"', 'Batch 12 not found.']);
	});

	it('Get Limits: one request, the answer on every item', async () => {
		const run = await runRightsline({ sim, items: [{}, {}, {}], parameters: { resource: 'limit', operation: 'get' } });
		expect(run.success.map((item) => item.json)).toEqual(
			Array(3).fill({ dailyApiRequests: { max: 500_000, remaining: 499_999 }, concurrentProcessingApiBatches: { max: 10, remaining: 10 }, maxApiRequestsPerSecond: 40 }),
		);
		expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sim.server.log.filter((req) => req.path === '/v4/limits')).toHaveLength(1);
	});

	it('an operation the resource does not have is refused by name, before anything is sent', async () => {
		const run = await runRightsline({ sim, items: [{}], parameters: { resource: 'limit', operation: 'submit' }, settings: {} });
		expect(run.nodeError?.message).toBe('The operation "submit" of "limit" is not supported');
		expect(sim.server.log).toHaveLength(0);
	});

	it('stops bad items before sending, naming the item and the field; good items still go', async () => {
		const items: IDataObject[] = [
			{ kind: 'contact', ...contact(0) },
			{ kind: 'planet', ...contact(1) },
			{ kind: 'contact', title: 'No template' },
			{ kind: 'contact', title: 'Bad template', template: { templateId: 'first' } },
			{ kind: 'contact', ...contact(4) },
		];
		const run = await runRightsline({ sim, items, parameters: { charType: '={{ $json.kind }}' } });
		expectEachItemOnce(run, 5);
		expect(run.errors.map((item) => item.json.error)).toEqual([
			'Item 1: Char Type must be a char type ID (e.g. 4) or name (e.g. deal), got "planet"',
			'Item 2: record.template.templateId is required to create a contact, got no template',
			'Item 3: record.template.templateId must be the template ID as a whole number, got "first"',
		]);
		expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 4 }]);
		const sent = (batchPosts(sim)[0].body as { records: Record<string, IDataObject[]> }).records['2'];
		expect(sent.map((record) => record.referenceId)).toEqual(['n8n-item-0', 'n8n-item-4']);
	});

	it('names the missing field per method, and refuses methods relationships do not have', async () => {
		const update = await runRightsline({ sim, items: [{ title: 'no id' }], parameters: { method: 'PUT' } });
		expect(update.errors[0].json.error).toBe('Item 0: record.id must be the ID of the catalog item as a whole number, got nothing');
		const action = await runRightsline({ sim, items: [{ id: 5 }], parameters: { method: 'EXECUTE-WORKFLOW' } });
		expect(action.errors[0].json.error).toBe('Item 0: record.actionId must be the workflow action ID as a whole number, got nothing');
		const rel = await runRightsline({ sim, items: [{ id: 5 }], parameters: { method: 'PUT', sendAs: 'relationship' } });
		expect(rel.errors[0].json.error).toBe('Item 0: a batch can retrieve (GET), create (POST) or delete (DELETE) relationships, not PUT');
		const link2 = await runRightsline({ sim, items: [{ parentCharTypeId: 4, parentRecordId: 4958, childCharTypeId: 1 }], parameters: { sendAs: 'relationship' } });
		expect(link2.errors[0].json.error).toBe('Item 0: record.childRecordId must be the ID of the child record as a whole number, got nothing');
		const text = await runRightsline({ sim, items: [{ r: 'not json' }], parameters: { record: '={{ $json.r }}' } });
		expect(text.errors[0].json.error).toBe('Item 0: Record must be a JSON object such as {"id": 100}, got "not json"');
		expect(batchPosts(sim)).toHaveLength(0);
	});

	it('with “Stop Workflow”, one bad item stops the run before anything is sent', async () => {
		const run = await runRightsline({ sim, items: [contact(0), { title: 'x' }], parameters: { charType: 2 }, settings: { onError: 'stopWorkflow' } });
		expect(run.nodeError?.message).toBe('1 of 2 items is invalid (item 1): record.template.templateId is required to create a contact, got no template');
		expect(sim.server.log).toHaveLength(0);
	});

	it('never puts the API key, secret key or temporary credentials into any output', async () => {
		sim.settings.fields['2'] = ['first_name'];
		const helper = rightslineCredentialsHelper(sim);
		const run = await runRightsline({ sim, items: [contact(0), contact(1)], parameters: { charType: 2 }, credentialsHelper: helper });
		expect(run.errors).toHaveLength(2);
		const stored = helper.stored('rightsline-1');
		const everything = JSON.stringify([run.success, run.errors, run.result.run.data]);
		for (const secret of [stored.apiKey, stored.secretKey, stored.sessionToken, stored.tempSecretKey]) {
			expect(String(secret).length).toBeGreaterThan(10);
			expect(everything).not.toContain(String(secret));
		}
	});
});
