import { signedCall, type TempKeys } from './test-client';
import { createRightslineSimulator, type BatchResults, type RightslineSimulator, type RightslineSimulatorOptions } from './index';

interface BatchAnswer {
	batchId: number;
	batchStatus: string;
	batchResults: BatchResults;
}

describe('Rightsline simulator: batches', () => {
	let sim: RightslineSimulator;
	let now: number;
	let keys: TempKeys;

	async function start(options: RightslineSimulatorOptions = {}): Promise<void> {
		now = Date.now();
		sim = await createRightslineSimulator({ clock: () => now, timing: { queuedMs: 1000, processingMs: 2000, perRecordMs: 10 }, ...options });
		keys = sim.issueTemporaryCredentials();
		sim.seedRecords(1, [{ id: 5, title: 'Feature A' }, { id: 6, title: 'Locked one', locked: true }, { id: 7, title: 'Secret', denied: true }]);
		sim.seedRecords(4, [{ id: 4958, title: 'Deal' }]);
	}

	afterEach(() => sim.stop());

	const create = async (body: unknown) => await signedCall(sim, '/v4/batch', { method: 'POST', keys, body });
	const retrieve = async (id: number) => (await signedCall(sim, `/v4/batch/${id}`, { keys })).json as BatchAnswer;
	/** Creates a batch and moves the clock past its processing time. */
	async function run(body: unknown): Promise<BatchAnswer> {
		const created = await create(body);
		expect(created.status).toBe(202);
		now += 10_000;
		return await retrieve((created.json as { batchId: number }).batchId);
	}

	it('answers 202 Created, then moves Created → InProgress → Complete on its own clock', async () => {
		await start();
		const created = await create({ method: 'GET', records: { '1': [{ id: 5 }, { id: 999 }] } });
		expect(created.status).toBe(202);
		const { batchId, batchStatus } = created.json as { batchId: number; batchStatus: string };
		expect(batchStatus).toBe('Created');
		expect((await retrieve(batchId)).batchStatus).toBe('Created');
		now += 1000;
		expect((await retrieve(batchId)).batchStatus).toBe('InProgress');
		now += 2019;
		expect((await retrieve(batchId)).batchStatus).toBe('InProgress');
		now += 1;
		const done = await retrieve(batchId);
		expect(done.batchStatus).toBe('Complete');
		expect(done.batchResults.records['1']).toEqual([
			expect.objectContaining({ code: 200, message: 'Found.', id: 5, record: expect.objectContaining({ id: 5, title: 'Feature A' }) }),
			{ code: 404, message: 'Record Not Found.', id: 999 },
		]);
		expect(sim.batchList()[0].polls).toBe(4);
	});

	it('creates, updates, deletes, runs workflow actions and copies with the documented messages', async () => {
		await start();
		sim.refuseActions([95]);
		const post = await run({
			method: 'POST',
			records: { '2': [{ title: 'Person 1', template: { templateId: 1 }, characteristics: { first_name: 'John' }, referenceId: 'r0' }, { title: 'No template', referenceId: 'r1' }] },
		});
		expect(post.batchResults.records['2']).toEqual([
			expect.objectContaining({ code: 201, message: 'Created.', record: expect.objectContaining({ title: 'Person 1' }) }),
			{ code: 400, message: 'Invalid Record.', id: 0, referenceId: 'r1' },
		]);
		expect(post.batchResults.records['2'][0].referenceId).toBeUndefined();
		expect(sim.records(2)).toHaveLength(1);

		const put = await run({ method: 'PUT', records: { '1': [{ id: 5, title: 'Feature A (restored)' }, { id: 6, title: 'x' }, { id: 7, title: 'y' }] } });
		expect(put.batchResults.records['1'].map((entry) => [entry.code, entry.message])).toEqual([
			[200, 'Updated.'],
			[409, 'Record Locked.'],
			[403, 'Access Denied.'],
		]);
		expect(sim.record(1, 5)?.title).toBe('Feature A (restored)');

		const workflow = await run({ method: 'EXECUTE-WORKFLOW', records: { '1': [{ id: 5, actionId: 3 }, { id: 5, actionId: 95 }] } });
		expect(workflow.batchResults.records['1'].map((entry) => entry.message)).toEqual(['Action Executed.', 'Action 95 not available to be taken from status 1']);

		const copy = await run({ method: 'COPY', records: { '1': [{ id: 5, title: 'Copied to a deal', charTypeId: 4, template: { templateId: 12 } }] } });
		const copied = copy.batchResults.records['1'][0];
		expect([copied.code, copied.message]).toEqual([201, 'Copied.']);
		expect(sim.record(4, copied.id)?.title).toBe('Copied to a deal');

		const del = await run({ method: 'DELETE', records: { '1': [{ id: 5 }, { id: 6 }] } });
		expect(del.batchResults.records['1'].map((entry) => entry.message)).toEqual(['Deleted.', 'Record Locked.']);
		expect(sim.record(1, 5)).toBeUndefined();
	});

	it('answers unknown characteristics with the JSON validation string of the docs', async () => {
		await start({ fields: { '2': ['first_name', 'last_name'] } });
		const answer = await run({ method: 'POST', records: { '2': [{ title: 'P', template: { templateId: 1 }, characteristics: { fake_field: 1 }, referenceId: 'contact1' }] } });
		const [entry] = answer.batchResults.records['2'];
		expect(entry).toMatchObject({ code: 400, id: 0, referenceId: 'contact1' });
		expect(JSON.parse(entry.message)).toMatchObject({ IsValid: false, Errors: [{ Key: 'CharDataValidation', Value: ['Invalid field found fake_field.'] }] });
	});

	it('cancelIfRecordFails: nothing applied, only the failures listed, status Cancelled (or Errored, as the sample shows)', async () => {
		await start();
		const body = { method: 'POST', batchOptions: { cancelIfRecordFails: true }, records: { '2': [{ title: 'Ok', template: { templateId: 1 } }, { title: 'Bad', referenceId: 'b' }] } };
		const cancelled = await run(body);
		expect(cancelled.batchStatus).toBe('Cancelled');
		expect(cancelled.batchResults.records['2']).toEqual([{ code: 400, message: 'Invalid Record.', id: 0, referenceId: 'b' }]);
		expect(sim.records(2)).toHaveLength(0);
		sim.settings.cancelledStatus = 'Errored';
		expect((await run(body)).batchStatus).toBe('Errored');
	});

	it('can end batches in the error status, spelt Errored or Error', async () => {
		await start();
		sim.errorNextBatches(1);
		expect((await run({ method: 'GET', records: { '1': [{ id: 5 }] } })).batchStatus).toBe('Errored');
		sim.errorNextBatches(1, 'Error');
		const errored = await run({ method: 'GET', records: { '1': [{ id: 5 }] } });
		expect(errored).toMatchObject({ batchStatus: 'Error', batchResults: { records: {}, relationships: [] } });
	});

	it('reports a relationship to a missing record under that record’s char type, as error-handling.md shows', async () => {
		await start();
		const answer = await run({
			method: 'POST',
			relationships: [
				{ parentCharTypeId: 4, parentRecordId: 4958, childCharTypeId: 1, childRecordId: 9999999 },
				{ parentCharTypeId: 4, parentRecordId: 4958, childCharTypeId: 1, childRecordId: 5 },
			],
		});
		expect(answer.batchResults.records).toEqual({ '1': [{ code: 404, message: 'Record Not Found.', id: 9999999 }] });
		expect(answer.batchResults.relationships).toEqual([expect.objectContaining({ code: 201, message: 'Created.', relationship: expect.objectContaining({ childRecordId: 5 }) })]);
		const id = answer.batchResults.relationships[0].id;
		const deleted = await run({ method: 'DELETE', relationships: [{ id }, { id: 1 }] });
		expect(deleted.batchResults.relationships.map((entry) => entry.message)).toEqual(['Deleted.', 'Record Not Found.']);
	});

	it('echoes referenceId on successes too when switched to, and shuffles results when asked', async () => {
		await start({ referenceIdEcho: 'all' });
		sim.seedRecords(3, Array.from({ length: 30 }, (_, n) => ({ id: 200 + n })));
		sim.shuffleResults(3);
		const answer = await run({ method: 'GET', records: { '3': Array.from({ length: 30 }, (_, n) => ({ id: 200 + n, referenceId: `r${n}` })) } });
		const entries = answer.batchResults.records['3'];
		expect(entries.every((entry) => entry.referenceId === `r${entry.id - 200}`)).toBe(true);
		expect(entries.map((entry) => entry.id)).not.toEqual(entries.map((entry) => entry.id).sort((a, b) => a - b));
	});

	it('allows 10 unfinished batches per client; the 11th gets the documented 429 until one finishes', async () => {
		await start();
		const body = { method: 'GET', records: { '1': [{ id: 5 }] } };
		for (let n = 0; n < 10; n++) expect((await create(body)).status).toBe(202);
		const limits = await signedCall(sim, '/v4/limits', { keys });
		expect((limits.json as { concurrentProcessingApiBatches: unknown }).concurrentProcessingApiBatches).toEqual({ max: 10, remaining: 0 });
		const refused = await create(body);
		expect(refused.status).toBe(429);
		expect(refused.json).toEqual({ message: 'Too many batches in queued status. Please wait and try again.' });
		now += 3010;
		expect((await create(body)).status).toBe(202);
	});

	it('refuses a batch over 100 records, an empty one and an unknown method with 400', async () => {
		await start();
		const tooMany = await create({ method: 'GET', records: { '1': Array.from({ length: 60 }, () => ({ id: 5 })) }, relationships: Array.from({ length: 41 }, () => ({ id: 1 })) });
		expect(tooMany.status).toBe(400);
		expect(tooMany.json).toEqual({ message: 'Batch requests are limited to 100 records.' });
		expect((await create({ method: 'GET', records: {} })).status).toBe(400);
		expect((await create({ method: 'PATCH', records: { '1': [{ id: 5 }] } })).json).toEqual({ message: 'Invalid batch method "PATCH".' });
	});

	it('answers 404 for a batch that does not exist or belongs to another client', async () => {
		await start();
		expect((await signedCall(sim, '/v4/batch/1', { keys })).status).toBe(404);
		const created = (await create({ method: 'GET', records: { '1': [{ id: 5 }] } })).json as { batchId: number };
		sim.settings.apiKeys.push('other-company');
		const other = sim.issueTemporaryCredentials('other-company');
		expect((await signedCall(sim, `/v4/batch/${created.batchId}`, { keys: other, apiKey: 'other-company' })).status).toBe(404);
	});

	it('can leave some results out of a batch’s answer while still processing those records', async () => {
		await start();
		sim.omitResultsWhere((record) => record.title === 'Hidden');
		const answer = await run({ method: 'POST', records: { '2': [{ title: 'Shown', template: { templateId: 1 } }, { title: 'Hidden', template: { templateId: 1 } }] } });
		expect(answer.batchResults.records['2'].map((entry) => entry.record?.title)).toEqual(['Shown']);
		expect(sim.records(2).map((record) => record.title)).toEqual(['Shown', 'Hidden']);
	});
});
