import type { IDataObject } from 'n8n-workflow';

import { CONTACT, CUSTOM_FIELD, createBigChangeSimulator, JOB_TYPE, PERSON, type BigChangeSimulator } from '../simulators/bigchange';
import { expectEachItemOnce, runJobs, UNPACED } from './bigchange-fixture';

describe('BigChange Job Update: Create', () => {
	let sim: BigChangeSimulator;

	beforeEach(async () => {
		sim = await createBigChangeSimulator();
	});
	afterEach(() => sim.stop());

	const create = (items: IDataObject[], options: IDataObject = {}) =>
		runJobs({
			sim,
			parameters: {
				operation: 'create',
				typeId: '={{ $json.type }}',
				contactId: '={{ $json.contact }}',
				additionalFields: { description: '={{ $json.description }}', orderNumber: '={{ $json.po }}', personId: '={{ $json.person }}' },
				customFields: { field: [{ definitionId: CUSTOM_FIELD.gateCode, value: '={{ $json.gate }}' }] },
				options: { ...UNPACED, ...options },
			},
			items,
		});

	it('creates one job per item with type and contact, empty optional values left out', async () => {
		const run = await create([
			{ type: JOB_TYPE.boilerService, contact: CONTACT.brightside, description: 'Annual service', gate: '0000' },
			{ type: JOB_TYPE.installation, contact: CONTACT.acme, po: 'PO-77', person: PERSON.acmeSiteManager, description: '' },
		]);
		expectEachItemOnce(run, 2);
		expect(sim.requests('POST').map((req) => req.rawBody)).toEqual([
			'{"typeId":1,"contactId":101,"description":"Annual service","customFields":[{"definitionId":7,"value":"0000"}]}',
			'{"typeId":2,"contactId":100,"personId":"9b2d7e40-51c3-4f6a-8e21-6c4a0b3d7f22","orderNumber":"PO-77"}',
		]);
		const [first, second] = run.success.map((item) => item.json);
		expect(first).toEqual({
			jobId: expect.any(Number),
			created: true,
			values: { typeId: 1, contactId: 101, description: 'Annual service', customFields: [{ definitionId: 7, value: '0000' }] },
		});
		expect(sim.job(Number(first.jobId))).toMatchObject({ typeName: 'Boiler Service', plannedDuration: 60, description: 'Annual service' });
		expect(sim.job(Number(second.jobId))).toMatchObject({ orderNumber: 'PO-77', personId: PERSON.acmeSiteManager });
	});

	it('requires type and contact and checks types before sending', async () => {
		const run = await create([
			{ contact: CONTACT.acme },
			{ type: 'boiler', contact: CONTACT.acme },
			{ type: JOB_TYPE.repair, contact: CONTACT.acme, person: 'someone' },
			{ type: JOB_TYPE.repair, contact: CONTACT.acme },
		]);
		expectEachItemOnce(run, 4);
		expect([0, 1, 2].map((index) => run.errorOf(index))).toEqual([
			'Item 0: Job Type ID (typeId) is required',
			'Item 1: Job Type ID (typeId) must be a whole number (an ID), got "boiler"',
			'Item 2: Person ID (personId) must be a person\'s UUID like 3f1c6b52-8a4e-4d0b-9a57-1b2f6a0c9e11, got "someone"',
		]);
		expect(sim.requests('POST')).toHaveLength(1);
	});

	it('BigChange’s 422 for a job type that needs an order number lands on that item', async () => {
		const run = await create([
			{ type: JOB_TYPE.installation, contact: CONTACT.acme },
			{ type: JOB_TYPE.repair, contact: 555 },
		]);
		expect(run.errorOf(0)).toBe('New job: orderNumber: An order number is required for this job type.');
		expect(run.errorOf(1)).toBe('New job: contactId: Contact 555 does not exist.');
		expect(sim.jobCount()).toBe(0);
	});

	it('never repeats a create after the connection dropped once the request was handled, and says to check', async () => {
		sim.server.faults.dropNext(1, { afterHandling: true, match: (req) => req.method === 'POST' && req.path === '/v1/jobs' });
		const run = await create([{ type: JOB_TYPE.repair, contact: CONTACT.acme, description: 'Once only' }]);
		expect(sim.requests('POST')).toHaveLength(1);
		expect(sim.jobCount()).toBe(1);
		expect(run.errorOf(0)).toBe(
			'BigChange may have saved this job: the request reached it, but the connection was closed before an answer arrived. It was not sent again, so that nothing is created twice. Check in BigChange whether it exists before running this item again',
		);
	});

	it('never repeats a create after a timeout, nor after a 500', async () => {
		sim.server.faults.delayNext(1, 2500, { match: (req) => req.method === 'POST' && req.path === '/v1/jobs' });
		const timedOut = await create([{ type: JOB_TYPE.repair, contact: CONTACT.acme }], { timeoutSeconds: 1 });
		expect(timedOut.errorOf(0)).toMatch(/^BigChange may have saved this job: the request reached it, but no answer arrived within the timeout\. It was not sent again/);
		sim.server.faults.failNext(1, { status: 500, body: { title: 'Internal Server Error', status: 500 }, match: (req) => req.method === 'POST' && req.path === '/v1/jobs' });
		const failed = await create([{ type: JOB_TYPE.repair, contact: CONTACT.acme }]);
		expect(failed.errorOf(0)).toMatch(/^BigChange may have saved this job: the request reached it, but it answered with status 500 \(Internal Server Error\)\. It was not sent again/);
		expect(sim.requests('POST')).toHaveLength(2);
	});

	it('repeats a create that BigChange did not act on (429, 503) and creates the job once', async () => {
		sim.server.faults.failNext(1, { status: 429, headers: { 'retry-after': '0' }, match: (req) => req.method === 'POST' && req.path === '/v1/jobs' });
		sim.server.faults.failNext(1, { status: 503, headers: { 'retry-after': '0' }, match: (req) => req.method === 'POST' && req.path === '/v1/jobs' });
		const run = await create([{ type: JOB_TYPE.repair, contact: CONTACT.acme }]);
		expect(run.errors).toEqual([]);
		expect(sim.requests('POST').map((req) => req.status)).toEqual([429, 503, 201]);
		expect(sim.jobCount()).toBe(1);
	});

	it('"Job as It Is Now" reads the new job back, with the defaults BigChange filled in', async () => {
		const run = await create([{ type: JOB_TYPE.boilerService, contact: CONTACT.acme }], { output: 'job' });
		expect(run.success[0].json).toMatchObject({ typeName: 'Boiler Service', plannedDuration: 60, personId: PERSON.acmePrimary, reference: expect.stringMatching(/^BS-\d{6}$/) });
	});
});
