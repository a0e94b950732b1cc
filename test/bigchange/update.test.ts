import type { RecordedRequest } from '../simulators/base';
import { CONTACT, CUSTOM_FIELD, createBigChangeSimulator, JOB_TYPE, PERSON, type BigChangeSimulator } from '../simulators/bigchange';
import { expectEachItemOnce, jobParam, runJobs, UNPACED } from './bigchange-fixture';

/** The body exactly as it went over the wire: key order, omitted keys and nulls all visible. */
const wire = (req: RecordedRequest | undefined) => (req ? (JSON.parse(req.rawBody) as Record<string, unknown>) : undefined);

describe('BigChange Job Update: Update', () => {
	let sim: BigChangeSimulator;
	let job: number;

	beforeEach(async () => {
		sim = await createBigChangeSimulator();
		job = sim.seedJob({
			typeId: JOB_TYPE.repair,
			contactId: CONTACT.acme,
			description: 'Leaking valve',
			reference: 'R-100',
			orderNumber: 'PO-100',
			plannedDuration: 90,
			personId: PERSON.acmeSiteManager,
			customFields: { [CUSTOM_FIELD.gateCode]: '1234', [CUSTOM_FIELD.parkingNotes]: 'Bay 4' },
		});
	});
	afterEach(() => sim.stop());

	it('sends only touched fields: set values as given, cleared ones as null, the rest left out', async () => {
		const run = await runJobs({
			sim,
			parameters: {
				operation: 'update',
				jobId: jobParam(job),
				updateFields: { description: 'Valve replaced', plannedDuration: 45 },
				clearFields: ['reference', 'personId'],
				customFields: {
					field: [
						{ definitionId: CUSTOM_FIELD.gateCode, change: 'clear' },
						{ definitionId: CUSTOM_FIELD.assetTag, change: 'set', value: 'TAG-7' },
					],
				},
				options: UNPACED,
			},
			items: [{}],
		});
		expect(run.errors).toEqual([]);
		const [patch] = sim.requests('PATCH');
		expect(patch.rawBody).toBe(
			'{"plannedDuration":45,"description":"Valve replaced","reference":null,"personId":null,"customFields":[{"definitionId":7,"value":null},{"definitionId":9,"value":"TAG-7"}]}',
		);
		expect(Object.keys(wire(patch) ?? {})).not.toContain('orderNumber');
		expect(run.success[0].json).toEqual({
			jobId: job,
			updated: true,
			changes: {
				plannedDuration: 45,
				description: 'Valve replaced',
				reference: null,
				personId: null,
				customFields: [
					{ definitionId: CUSTOM_FIELD.gateCode, value: null },
					{ definitionId: CUSTOM_FIELD.assetTag, value: 'TAG-7' },
				],
			},
		});
		// What BigChange now holds: untouched fields kept, cleared person back to the contact's primary.
		expect(sim.job(job)).toMatchObject({
			description: 'Valve replaced',
			plannedDuration: 45,
			reference: null,
			orderNumber: 'PO-100',
			personId: PERSON.acmePrimary,
			customFields: [
				{ definitionId: CUSTOM_FIELD.parkingNotes, value: 'Bay 4' },
				{ definitionId: CUSTOM_FIELD.assetTag, value: 'TAG-7' },
			],
		});
	});

	it('maps values per item from expressions, with each item’s own three states on the wire', async () => {
		const other = sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme, reference: 'R-200' });
		const run = await runJobs({
			sim,
			parameters: {
				operation: 'update',
				jobId: jobParam('={{ $json.job }}'),
				updateFields: { orderNumber: '={{ $json.po }}', plannedDuration: '={{ $json.minutes }}' },
				clearFields: '={{ $json.clear }}',
				options: UNPACED,
			},
			items: [
				{ job, po: 'PO-NEW', minutes: '30', clear: [] },
				{ job: other, po: '', minutes: 120, clear: ['reference'] },
			],
		});
		expectEachItemOnce(run, 2);
		const bodies = sim.requests('PATCH').map((req) => [req.path, wire(req)]);
		expect(bodies).toEqual(
			expect.arrayContaining([
				[`/v1/jobs/${job}`, { plannedDuration: 30, orderNumber: 'PO-NEW' }],
				// An empty mapped value leaves the field untouched by default.
				[`/v1/jobs/${other}`, { plannedDuration: 120, reference: null }],
			]),
		);
		expect(run.success.map((item) => item.json.changes)).toEqual([
			{ plannedDuration: 30, orderNumber: 'PO-NEW' },
			{ plannedDuration: 120, reference: null },
		]);
	});

	it('Empty Values decides what a blank mapped value means: leave, clear, or fail the item', async () => {
		const parameters = (emptyValues: string) => ({
			operation: 'update',
			jobId: jobParam(job),
			updateFields: { reference: '={{ $json.ref }}', description: 'Checked' },
			customFields: { field: [{ definitionId: CUSTOM_FIELD.parkingNotes, change: 'set', value: '={{ $json.ref }}' }] },
			options: { ...UNPACED, emptyValues },
		});
		await runJobs({ sim, parameters: parameters('keep'), items: [{ ref: '  ' }] });
		await runJobs({ sim, parameters: parameters('clear'), items: [{ ref: null }] });
		const failed = await runJobs({ sim, parameters: parameters('fail'), items: [{ ref: '' }] });
		expect(sim.requests('PATCH').map((req) => req.rawBody)).toEqual([
			'{"description":"Checked"}',
			'{"description":"Checked","reference":null,"customFields":[{"definitionId":8,"value":null}]}',
		]);
		expect(failed.errorOf(0)).toBe('Item 0: Reference (reference) is empty');
	});

	it('an item whose values all come out empty is not sent, and says so', async () => {
		const run = await runJobs({
			sim,
			parameters: { operation: 'update', jobId: jobParam(job), updateFields: { orderNumber: '={{ $json.po }}' }, options: UNPACED },
			items: [{ po: '' }],
		});
		expect(run.success[0].json).toEqual({ jobId: job, updated: false, changes: {} });
		expect(sim.requests('PATCH')).toHaveLength(0);
	});

	it('stops values of the wrong type before sending, naming item and field; valid items still go', async () => {
		const run = await runJobs({
			sim,
			parameters: {
				operation: 'update',
				jobId: jobParam('={{ $json.job }}'),
				updateFields: { plannedDuration: '={{ $json.minutes }}', personId: '={{ $json.person }}' },
				customFields: { field: [{ definitionId: '={{ $json.definition }}', change: 'set', value: '={{ $json.value }}' }] },
				options: UNPACED,
			},
			items: [
				{ job, minutes: 30, person: PERSON.acmePrimary, definition: 7, value: 'ok' },
				{ job, minutes: 1.5, person: PERSON.acmePrimary, definition: 7, value: 'ok' },
				{ job, minutes: 'an hour', person: PERSON.acmePrimary, definition: 7, value: 'ok' },
				{ job, minutes: 30, person: 'Bob Smith', definition: 7, value: 'ok' },
				{ job, minutes: 30, person: PERSON.acmePrimary, definition: 'gate', value: 'ok' },
				{ job, minutes: 30, person: PERSON.acmePrimary, definition: 7, value: { nested: true } },
				{ job: 'JOB-1', minutes: 30, person: PERSON.acmePrimary, definition: 7, value: 'ok' },
				{ job: '', minutes: 30, person: PERSON.acmePrimary, definition: 7, value: 'ok' },
			],
		});
		expectEachItemOnce(run, 8);
		expect([1, 2, 3, 4, 5, 6, 7].map((index) => run.errorOf(index))).toEqual([
			'Item 1: Planned Duration (plannedDuration) must be a whole number of minutes (0 or more), got 1.5',
			'Item 2: Planned Duration (plannedDuration) must be a whole number of minutes (0 or more), got "an hour"',
			'Item 3: Person ID (personId) must be a person\'s UUID like 3f1c6b52-8a4e-4d0b-9a57-1b2f6a0c9e11, got "Bob Smith"',
			'Item 4: Custom field #1 (Definition ID) must be a whole number (an ID), got "gate"',
			'Item 5: Custom field 7 value must be text, got an object ({"nested":true})',
			'Item 6: Job ID "JOB-1" is not a job number or a BigChange job link',
			'Item 7: Job ID is empty',
		]);
		expect(sim.requests('PATCH')).toHaveLength(1);
		// The failed item keeps its record, with the message and what a workflow can route on.
		const failed = run.errors[0];
		expect(failed.json).toMatchObject({ job, minutes: 1.5 });
		expect(String(failed.json.error)).toBe(run.errorOf(1));
		expect(failed.json.details).toMatchObject({ sent: false, mayHaveBeenApplied: false, field: 'Planned Duration (plannedDuration)' });
	});

	it('refuses to clear what BigChange cannot clear, and a custom field listed twice', async () => {
		const description = await runJobs({
			sim,
			parameters: { operation: 'update', jobId: jobParam(job), clearFields: '={{ ["description"] }}', options: UNPACED },
			items: [{}],
		});
		expect(description.errorOf(0)).toBe('Item 0: Description (description) cannot be cleared in BigChange, only replaced with a new value');
		const twice = await runJobs({
			sim,
			parameters: {
				operation: 'update',
				jobId: jobParam(job),
				customFields: { field: [{ definitionId: 7, change: 'set', value: 'a' }, { definitionId: 7, change: 'clear' }] },
				options: UNPACED,
			},
			items: [{}],
		});
		expect(twice.errorOf(0)).toBe('Item 0: Custom field 7 is listed twice; keep one entry per custom field');
		expect(sim.requests('PATCH')).toHaveLength(0);
	});

	it('with Stop Workflow, a bad item stops the run before any request', async () => {
		const run = await runJobs({
			sim,
			parameters: { operation: 'update', jobId: jobParam('={{ $json.job }}'), updateFields: { plannedDuration: '={{ $json.minutes }}' }, options: UNPACED },
			items: [{ job, minutes: 10 }, { job, minutes: -5 }],
			settings: { onError: 'stopWorkflow' },
		});
		expect(run.nodeError?.message).toBe(
			'1 of 2 items is invalid (item 1): Planned Duration (plannedDuration) must be a whole number of minutes (0 or more), got -5',
		);
		expect(run.nodeError?.description).toContain('Nothing was sent');
		expect(sim.server.log).toHaveLength(0);
	});

	it('takes the job from an ID, a number, or a BigChange link in either mode', async () => {
		const run = await runJobs({
			sim,
			parameters: { operation: 'update', jobId: '={{ $json.locator }}', updateFields: { description: 'linked' }, options: UNPACED },
			items: [
				{ locator: jobParam(String(job)) },
				{ locator: jobParam(job) },
				{ locator: jobParam(`https://acme.bigchange.com/jobschedule.aspx?jobid=${job}&tab=divInvoice`, 'url') },
				{ locator: jobParam(`https://app.bigchange.com/jobs/${job}/details`, 'url') },
				{ locator: jobParam(`https://acme.bigchange.com/jobschedule.aspx?JobId=${job}`) },
				{ locator: jobParam('https://example.com/jobs/12', 'url') },
			],
		});
		expectEachItemOnce(run, 6);
		expect(sim.requests('PATCH').map((req) => req.path)).toEqual(Array(5).fill(`/v1/jobs/${job}`));
		expect(run.errorOf(5)).toBe('Item 5: Job ID "https://example.com/jobs/12" is not a job number or a BigChange job link');
	});

	it('"Job as It Is Now" reads the job back after the PATCH', async () => {
		const run = await runJobs({
			sim,
			parameters: { operation: 'update', jobId: jobParam(job), clearFields: ['orderNumber'], options: { ...UNPACED, output: 'job' } },
			items: [{}],
		});
		expect(sim.server.log.filter((req) => req.path.startsWith('/v1')).map((req) => req.method)).toEqual(['PATCH', 'GET']);
		expect(run.success[0].json).toMatchObject({ id: job, orderNumber: null, reference: 'R-100', typeName: 'Repair' });
	});

	it('a failed read-back says the update was applied and is safe to repeat', async () => {
		sim.server.faults.failNext(10, { status: 500, body: { title: 'Internal Server Error', status: 500 }, match: (req) => req.method === 'GET' });
		const run = await runJobs({
			sim,
			parameters: { operation: 'update', jobId: jobParam(job), updateFields: { reference: 'R-9' }, options: { ...UNPACED, output: 'job' } },
			items: [{}],
		});
		expect(run.errorOf(0)).toBe(
			`Job ${job} was updated, but reading it back failed: Internal Server Error. The update itself was applied; running the item again is safe`,
		);
		expect(sim.requests('PATCH')).toHaveLength(1);
		expect(sim.job(job)?.reference).toBe('R-9');
	});
});

describe('defect 12.8: a field listed under Clear Fields for an item is cleared, even when Update Fields maps it', () => {
	let sim: BigChangeSimulator;
	afterEach(() => sim.stop());

	it('one node sets reference for one row, clears it for another and leaves it for the third', async () => {
		sim = await createBigChangeSimulator();
		const seed = (reference: string) => sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme, reference, orderNumber: 'PO-1' });
		const [setJob, clearJob, keepJob] = [seed('R-1'), seed('R-2'), seed('R-3')];
		const run = await runJobs({
			sim,
			parameters: {
				operation: 'update',
				jobId: jobParam('={{ $json.job }}'),
				updateFields: { reference: '={{ $json.reference }}', orderNumber: '={{ $json.po }}' },
				clearFields: '={{ $json.clear }}',
				options: UNPACED,
			},
			items: [
				{ job: setJob, reference: 'R-1-NEW', po: 'PO-A', clear: [] },
				{ job: clearJob, reference: 'R-2-IGNORED', po: 'PO-B', clear: ['reference'] },
				{ job: keepJob, reference: '', po: 'PO-C', clear: [] },
			],
		});
		expectEachItemOnce(run, 3);
		expect(run.errors).toEqual([]);
		const bodies = new Map(sim.requests('PATCH').map((req) => [req.path, wire(req)]));
		expect(bodies).toEqual(
			new Map([
				[`/v1/jobs/${setJob}`, { reference: 'R-1-NEW', orderNumber: 'PO-A' }],
				[`/v1/jobs/${clearJob}`, { reference: null, orderNumber: 'PO-B' }],
				[`/v1/jobs/${keepJob}`, { orderNumber: 'PO-C' }],
			]),
		);
		expect(sim.job(setJob)).toMatchObject({ reference: 'R-1-NEW', orderNumber: 'PO-A' });
		expect(sim.job(clearJob)).toMatchObject({ reference: null, orderNumber: 'PO-B' });
		expect(sim.job(keepJob)).toMatchObject({ reference: 'R-3', orderNumber: 'PO-C' });
	});
});
