import { api } from './test-client';
import { CONTACT, CUSTOM_FIELD, createBigChangeSimulator, JOB_TYPE, PERSON, type BigChangeSimulator } from './index';

interface ListBody {
	items: Array<{ id: number }>;
	pageNumber: number;
	pageSize: number;
	totalCount?: number;
}

describe('BigChange simulator: jobs', () => {
	let sim: BigChangeSimulator;
	let jobId: number;

	beforeEach(async () => {
		sim = await createBigChangeSimulator();
		jobId = sim.seedJob({
			typeId: JOB_TYPE.repair,
			contactId: CONTACT.acme,
			description: 'Leaking valve',
			reference: 'R-1',
			orderNumber: 'PO-1',
			personId: PERSON.acmeSiteManager,
			customFields: { [CUSTOM_FIELD.gateCode]: '1234', [CUSTOM_FIELD.parkingNotes]: 'Bay 4' },
		});
	});
	afterEach(() => sim.stop());

	it('GET answers the job with type and contact names', async () => {
		const res = await api(sim, 'GET', `/v1/jobs/${jobId}`);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			id: jobId,
			typeId: JOB_TYPE.repair,
			typeName: 'Repair',
			contactId: CONTACT.acme,
			contactName: 'Acme Facilities Ltd',
			contactLocation: { latitude: 53.7965, longitude: -1.5478 },
			status: 'new',
			plannedDuration: 90,
			customFields: [
				{ definitionId: CUSTOM_FIELD.gateCode, name: 'Gate code', value: '1234' },
				{ definitionId: CUSTOM_FIELD.parkingNotes, name: 'Parking notes', value: 'Bay 4' },
			],
		});
	});

	it('GET answers 404 problem for an unknown job or another customer’s, 400 for a non-numeric ID', async () => {
		const missing = await api(sim, 'GET', '/v1/jobs/999999');
		expect(missing.status).toBe(404);
		expect(missing.headers['content-type']).toBe('application/problem+json; charset=utf-8');
		expect(missing.json).toEqual({
			type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
			title: 'Not Found',
			status: 404,
			detail: 'Job 999999 was not found.',
			instance: '/v1/jobs/999999',
		});
		sim.settings.clients[0].customerIds.push('77');
		expect((await api(sim, 'GET', `/v1/jobs/${jobId}`, undefined, { customerId: '77' })).status).toBe(404);
		expect((await api(sim, 'GET', '/v1/jobs/abc')).status).toBe(400);
	});

	it('PATCH keeps omitted fields, sets given ones, and null clears (person falls back to the primary)', async () => {
		const res = await api(sim, 'PATCH', `/v1/jobs/${jobId}`, {
			description: 'Valve replaced',
			reference: null,
			personId: null,
			customFields: [
				{ definitionId: CUSTOM_FIELD.gateCode, value: null },
				{ definitionId: CUSTOM_FIELD.assetTag, value: 'A-9' },
			],
		});
		expect(res).toMatchObject({ status: 204, text: '' });
		expect(sim.job(jobId)).toMatchObject({
			description: 'Valve replaced',
			reference: null,
			orderNumber: 'PO-1',
			plannedDuration: 90,
			personId: PERSON.acmePrimary,
			customFields: [
				{ definitionId: CUSTOM_FIELD.parkingNotes, value: 'Bay 4' },
				{ definitionId: CUSTOM_FIELD.assetTag, value: 'A-9' },
			],
		});
		// An empty list and an empty body change nothing.
		expect((await api(sim, 'PATCH', `/v1/jobs/${jobId}`, { customFields: [] })).status).toBe(204);
		expect((await api(sim, 'PATCH', `/v1/jobs/${jobId}`, {})).status).toBe(204);
		expect((sim.job(jobId)?.customFields as unknown[]).length).toBe(2);
	});

	it('PATCH answers 400 with JSON paths for values of the wrong type, and changes nothing', async () => {
		const res = await api(sim, 'PATCH', `/v1/jobs/${jobId}`, { plannedDuration: '90', personId: 'not-a-uuid', description: 'x' });
		expect(res.status).toBe(400);
		expect(res.json).toMatchObject({
			title: 'One or more validation errors occurred.',
			errors: {
				'$.plannedDuration': ['The JSON value could not be converted to System.Int32. Path: $.plannedDuration.'],
				'$.personId': ['The JSON value could not be converted to System.Nullable`1[System.Guid]. Path: $.personId.'],
			},
		});
		expect(sim.job(jobId)?.description).toBe('Leaking valve');
		expect((await api(sim, 'PATCH', `/v1/jobs/${jobId}`, { plannedDuration: 1.5 })).status).toBe(400);
		expect((await api(sim, 'PATCH', `/v1/jobs/${jobId}`, { plannedDuration: null })).status).toBe(400);
		expect((await api(sim, 'PATCH', `/v1/jobs/${jobId}`, 'not json')).status).toBe(400);
		expect((await api(sim, 'PATCH', `/v1/jobs/${jobId}`, { description: 'x' }, { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
	});

	it('PATCH refuses description and person of a started or completed job: 422 by default, 400 on the switch', async () => {
		for (const status of ['started', 'suspended', 'completedOk', 'completedWithIssues'] as const) {
			sim.setJobStatus(jobId, status);
			const res = await api(sim, 'PATCH', `/v1/jobs/${jobId}`, { description: 'late change', personId: PERSON.acmePrimary });
			expect(res.status).toBe(422);
			expect((res.json as { errors: unknown }).errors).toEqual({
				description: ['Cannot be updated once the job has been started or completed.'],
				personId: ['Cannot be updated once the job has been started or completed.'],
			});
		}
		// Other fields of a started job can still change.
		expect((await api(sim, 'PATCH', `/v1/jobs/${jobId}`, { reference: 'R-2' })).status).toBe(204);
		sim.settings.lockedFieldStatus = 400;
		const res = await api(sim, 'PATCH', `/v1/jobs/${jobId}`, { description: 'late change' });
		expect(res).toMatchObject({
			status: 400,
			json: { title: 'Bad Request', detail: `The description of job ${jobId} cannot be updated because the job has been started or completed.` },
		});
		sim.setJobStatus(jobId, 'cancelled');
		expect((await api(sim, 'PATCH', `/v1/jobs/${jobId}`, { description: 'late change' })).status).toBe(204);
	});

	it('PATCH enforces the order number of job types that require one, unknown definitions and contact persons (422)', async () => {
		const install = sim.seedJob({ typeId: JOB_TYPE.installation, contactId: CONTACT.acme, orderNumber: 'PO-9' });
		const res = await api(sim, 'PATCH', `/v1/jobs/${install}`, {
			orderNumber: null,
			personId: PERSON.brightsidePrimary,
			customFields: [{ definitionId: CUSTOM_FIELD.gateCode, value: '1' }, { definitionId: 99, value: 'x' }, { value: 'y' }],
		});
		expect(res.status).toBe(422);
		expect((res.json as { errors: unknown }).errors).toEqual({
			orderNumber: ['An order number is required for this job type.'],
			personId: [`Person ${PERSON.brightsidePrimary} is not a contact person of contact ${CONTACT.acme}.`],
			'customFields[1].definitionId': ['Custom field definition 99 does not exist.'],
			'customFields[2].definitionId': ['The definitionId field is required.'],
		});
		expect(sim.job(install)?.orderNumber).toBe('PO-9');
		expect((await api(sim, 'PATCH', `/v1/jobs/${install}`, { orderNumber: '  ' })).status).toBe(422);
		expect((await api(sim, 'PATCH', `/v1/jobs/${install}`, { description: 'fine' })).status).toBe(204);
	});

	it('POST creates with defaults from the job type and answers 201 { id } with a Location', async () => {
		const res = await api(sim, 'POST', '/v1/jobs', { typeId: JOB_TYPE.boilerService, contactId: CONTACT.brightside, description: 'Annual service' });
		expect(res.status).toBe(201);
		const { id } = res.json as { id: number };
		expect(res.headers.location).toBe(`/v1/jobs/${id}`);
		expect(sim.job(id)).toMatchObject({
			typeName: 'Boiler Service',
			plannedDuration: 60,
			reference: `BS-${String(id).padStart(6, '0')}`,
			personId: PERSON.brightsidePrimary,
			status: 'new',
		});
	});

	it('POST requires type and contact, and the order number where the type needs one (422)', async () => {
		const before = sim.jobCount();
		const none = await api(sim, 'POST', '/v1/jobs', { description: 'x' });
		expect(none.status).toBe(422);
		expect((none.json as { errors: unknown }).errors).toEqual({
			typeId: ['The typeId field is required.'],
			contactId: ['The contactId field is required.'],
		});
		const install = await api(sim, 'POST', '/v1/jobs', { typeId: JOB_TYPE.installation, contactId: 555 });
		expect((install.json as { errors: unknown }).errors).toEqual({
			contactId: ['Contact 555 does not exist.'],
			orderNumber: ['An order number is required for this job type.'],
		});
		expect(sim.jobCount()).toBe(before);
	});

	it('lists jobs in pages of up to 1000 with totalCount, filters, and 400 for pages out of range', async () => {
		for (let n = 0; n < 24; n++) sim.seedJob({ typeId: n % 2 ? JOB_TYPE.repair : JOB_TYPE.boilerService, contactId: CONTACT.brightside });
		const first = (await api(sim, 'GET', '/v1/jobs?pageNumber=1&pageSize=10')).json as ListBody;
		expect(first).toMatchObject({ pageNumber: 1, pageSize: 10, totalCount: 25 });
		expect(first.items).toHaveLength(10);
		const third = (await api(sim, 'GET', '/v1/jobs?pageNumber=3&pageSize=10')).json as ListBody;
		expect(third.items).toHaveLength(5);
		const ids = [...first.items, ...third.items].map((job) => job.id);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		const repairs = (await api(sim, 'GET', `/v1/jobs?typeId=${JOB_TYPE.repair}&pageSize=1000`)).json as ListBody;
		expect(repairs.totalCount).toBe(13);
		const defaults = (await api(sim, 'GET', '/v1/jobs')).json as ListBody;
		expect(defaults).toMatchObject({ pageNumber: 1, pageSize: 100 });
		expect((await api(sim, 'GET', '/v1/jobs?pageSize=1001')).status).toBe(400);
		expect((await api(sim, 'GET', '/v1/jobs?pageNumber=0')).status).toBe(400);
		expect((await api(sim, 'GET', '/v1/jobs?status=done')).status).toBe(400);
		sim.settings.listTotalCount = false;
		expect(Object.keys((await api(sim, 'GET', '/v1/jobs')).json as object)).toEqual(['items', 'pageNumber', 'pageSize']);
	});

	it('records the traffic, with omitted and null fields exactly as sent', async () => {
		sim.server.resetLog();
		await api(sim, 'PATCH', `/v1/jobs/${jobId}`, { reference: null, description: 'x' });
		const [patch] = sim.requests('PATCH');
		expect(patch.rawBody).toBe('{"reference":null,"description":"x"}');
		expect(patch.headers['customer-id']).toBe('4321');
	});
});
