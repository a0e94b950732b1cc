import { CARE_CASES, CARE_PLAN_RULE_DETAILS, CASE_ATTACHMENTS, CRITERIA_DETAIL_MODEL, CRITERIAS, JOB_EXECUTIONS, JOBS, TEST_ENTITIES } from './fixtures';
import { createVbaSimulator, simCatalogFrom, VBA_SIM_DEFAULTS, type VbaSimulator } from './index';
import { call, multiStatus, putBatch } from './test-client';

const DB = VBA_SIM_DEFAULTS.database;

describe('VBAPI simulator: PUT …-batch', () => {
	let sim: VbaSimulator;

	beforeEach(async () => {
		sim = await createVbaSimulator({
			catalog: simCatalogFrom(TEST_ENTITIES),
			models: new Map([['CriteriaDetail', CRITERIA_DETAIL_MODEL]]),
		});
	});

	afterEach(() => sim.stop());

	it('creates new records (201) and updates existing ones (200) in the documented 207 envelope, labelled text/plain', async () => {
		const first = await putBatch(sim, '/jobs-batch', [
			{ job_ID: 'NIGHTLY', description: 'Nightly run', job_Type: 'EXPORT' },
			{ job_ID: 'WEEKLY' },
		]);
		expect(first.status).toBe(207);
		expect(first.headers['content-type']).toBe('text/plain; charset=utf-8');
		const body = multiStatus(first);
		expect(Object.keys(body)).toEqual(['data', 'error', 'debug']);
		expect(body.data).toEqual([
			{ id: [{ key: 'Job_ID', value: 'NIGHTLY' }], status: 201, body: 'Created' },
			{ id: [{ key: 'Job_ID', value: 'WEEKLY' }], status: 201, body: 'Created' },
		]);
		expect(body.error).toEqual({ type: null, title: null, status: 0, detail: null, instance: null });
		expect(body.debug.activityID).toMatch(/^[0-9a-f-]{36}$/);

		const second = multiStatus(await putBatch(sim, '/jobs-batch', [{ job_ID: 'NIGHTLY', description: 'Changed' }, { job_ID: 'MONTHLY' }]));
		expect(second.data.map((r) => [r.id[0].value, r.status, r.body])).toEqual([
			['NIGHTLY', 200, 'Updated'],
			['MONTHLY', 201, 'Created'],
		]);
		// PUT replaces the record: job_Type, sent only the first time, is gone.
		expect(sim.store(DB, '/jobs-batch')).toEqual([
			{ job_ID: 'NIGHTLY', description: 'Changed' },
			{ job_ID: 'WEEKLY' },
			{ job_ID: 'MONTHLY' },
		]);
	});

	it('keeps each database apart', async () => {
		await putBatch(sim, '/jobs-batch', [{ job_ID: 'A' }], { database: 'TEST' });
		await putBatch(sim, '/jobs-batch', [{ job_ID: 'B' }], { database: 'PROD' });
		expect(sim.store('TEST', '/jobs-batch')).toEqual([{ job_ID: 'A' }]);
		expect(sim.store('PROD', '/jobs-batch')).toEqual([{ job_ID: 'B' }]);
		expect(sim.store(DB, '/jobs-batch')).toEqual([]);
	});

	it('assigns integer keys sent as 0, and keeps the sequence ahead of keys sent explicitly', async () => {
		const res = multiStatus(
			await putBatch(sim, '/case-attachments-batch', [
				{ caseAttachment_Key: 0, case_Key: 10, comment: 'a' },
				{ caseAttachment_Key: 0, case_Key: 10, comment: 'b' },
				{ caseAttachment_Key: 7, case_Key: 11 },
				{ caseAttachment_Key: 0, case_Key: 12 },
			]),
		);
		expect(res.data).toEqual([
			{ id: [{ key: 'CaseAttachment_Key', value: '1' }], status: 201, body: 'Created' },
			{ id: [{ key: 'CaseAttachment_Key', value: '2' }], status: 201, body: 'Created' },
			{ id: [{ key: 'CaseAttachment_Key', value: '7' }], status: 201, body: 'Created' },
			{ id: [{ key: 'CaseAttachment_Key', value: '8' }], status: 201, body: 'Created' },
		]);
		const update = multiStatus(await putBatch(sim, '/case-attachments-batch', [{ caseAttachment_Key: 2, case_Key: 10, comment: 'b2' }]));
		expect(update.data[0]).toMatchObject({ status: 200, body: 'Updated' });
		expect(sim.store(DB, '/case-attachments-batch').map((r) => [r.caseAttachment_Key, r.comment])).toEqual([
			[1, 'a'],
			[2, 'b2'],
			[7, undefined],
			[8, undefined],
		]);
	});

	it('takes a nested parent key from the path when the record leaves it out, and keys by parent and child', async () => {
		const res = multiStatus(
			await putBatch(sim, '/care-plans/5/cases-batch', [
				{ case_Key: 0, do_Not_Contact: false },
				{ case_Key: 0, carePlan_Key: 5, do_Not_Contact: true },
				{ case_Key: 0, carePlan_Key: null, do_Not_Contact: true },
			]),
		);
		expect(res.data.map((r) => [r.status, r.id])).toEqual([
			[201, [{ key: 'CarePlan_Key', value: '5' }, { key: 'Case_Key', value: '1' }]],
			[201, [{ key: 'CarePlan_Key', value: '5' }, { key: 'Case_Key', value: '2' }]],
			[201, [{ key: 'CarePlan_Key', value: '5' }, { key: 'Case_Key', value: '3' }]],
		]);
		multiStatus(await putBatch(sim, '/care-plans/6/cases-batch', [{ case_Key: 1, do_Not_Contact: false }]));
		const stored = sim.store(DB, '/care-plans/{carePlanKey}/cases-batch');
		expect(stored.map((r) => [r.carePlan_Key, r.case_Key])).toEqual([
			[5, 1],
			[5, 2],
			[5, 3],
			[6, 1],
		]);
	});

	it('refuses a record whose parent key contradicts the path, per record', async () => {
		const res = multiStatus(
			await putBatch(sim, '/care-plans/5/cases-batch', [
				{ case_Key: 1, carePlan_Key: 9, do_Not_Contact: false },
				{ case_Key: 2, do_Not_Contact: false },
			]),
		);
		expect(res.data[0].status).toBe(400);
		expect(res.data[0].body).toBe('The carePlan_Key field (9) does not match the carePlanKey path parameter (5).');
		expect(res.data[1].status).toBe(201);
		expect(sim.store(DB, '/care-plans/{carePlanKey}/cases-batch')).toHaveLength(1);
	});

	it('rejects a path parameter that is not of its type, before looking at the body', async () => {
		const res = await putBatch(sim, '/care-plans/abc/cases-batch', [{ case_Key: 1, do_Not_Contact: false }]);
		expect(res.status).toBe(400);
		expect(res.json).toMatchObject({ data: null, error: { status: 400, detail: "The value 'abc' is not valid for carePlanKey." } });
	});

	it('uses string path params as they are, decoded', async () => {
		const res = multiStatus(await putBatch(sim, '/jobs/NIGHTLY%20RUN/executions-batch', [{ jobExecution_Key: 0 }, { jobExecution_Key: 0, job_ID: 'NIGHTLY RUN' }]));
		expect(res.data.map((r) => r.status)).toEqual([201, 201]);
		expect(res.data[0].id).toEqual([{ key: 'Job_ID', value: 'NIGHTLY RUN' }, { key: 'JobExecution_Key', value: '1' }]);
		expect(sim.store(DB, JOB_EXECUTIONS.id).map((r) => r.job_ID)).toEqual(['NIGHTLY RUN', 'NIGHTLY RUN']);
	});

	it('keys records by path params that are not body fields too', async () => {
		const path = (plan: number) => `/care-plans/${plan}/rules/3/details-batch`;
		const record = { carePlanRuleDetail_Key: 1, item_Type: 'X' };
		expect(multiStatus(await putBatch(sim, path(1), [record])).data[0].status).toBe(201);
		expect(multiStatus(await putBatch(sim, path(2), [record])).data[0].status).toBe(201);
		expect(multiStatus(await putBatch(sim, path(1), [record])).data[0].status).toBe(200);
		const stored = sim.store(DB, CARE_PLAN_RULE_DETAILS.id);
		expect(stored).toEqual([
			{ carePlanRuleDetail_Key: 1, carePlanRule_Key: 3, item_Type: 'X' },
			{ carePlanRuleDetail_Key: 1, carePlanRule_Key: 3, item_Type: 'X' },
		]);
	});

	it('validates each record against the catalog: required, null, type, maxLength, minLength, all named', async () => {
		const res = multiStatus(
			await putBatch(sim, '/jobs-batch', [
				{ description: 'no key' },
				{ job_ID: 'X'.repeat(33) },
				{ job_ID: '' },
				{ job_ID: 42 },
				{ job_ID: 'OK1', entry_Date: null },
				{ job_ID: 'OK2', entry_Date: 'yesterday', description: 'd'.repeat(513) },
				{ job_ID: 'OK3', entry_Date: '2024-05-01T10:00:00Z', update_Date: '2024-05-01' },
			]),
		);
		expect(res.data.map((r) => [r.status, r.body])).toEqual([
			[400, 'The job_ID field is required.'],
			[400, 'The field job_ID must be a string with a maximum length of 32.'],
			[400, 'The field job_ID must be a string with a minimum length of 1.'],
			[400, 'The job_ID field must be a string, not number 42.'],
			[400, 'The entry_Date field does not accept null.'],
			// One message per problem, in the catalog's field order.
			[400, 'The field description must be a string with a maximum length of 512. The entry_Date field must be an ISO 8601 date-time, not the string "yesterday".'],
			[201, 'Created'],
		]);
		expect(res.data[0].id).toEqual([{ key: 'Job_ID', value: null }]);
		expect(sim.store(DB, '/jobs-batch').map((r) => r.job_ID)).toEqual(['OK3']);
	});

	it('binds property names case-insensitively, ignores unknown ones and reads numbers from numeric strings', async () => {
		const res = multiStatus(
			await putBatch(sim, '/case-attachments-batch', [
				{ CaseAttachment_Key: '0', CASE_KEY: '12', Comment: 'hi', notAField: true },
				{ caseAttachment_Key: 0, case_Key: 'twelve' },
				{ caseAttachment_Key: 0, case_Key: 1.5 },
			]),
		);
		expect(res.data.map((r) => r.status)).toEqual([201, 400, 400]);
		expect(res.data[1].body).toBe('The case_Key field must be an integer, not the string "twelve".');
		expect(res.data[2].body).toBe('The case_Key field must be an integer, not number 1.5.');
		expect(sim.store(DB, CASE_ATTACHMENTS.id)).toEqual([{ caseAttachment_Key: 1, case_Key: 12, comment: 'hi' }]);
	});

	it('reports a record that is not an object with an empty id', async () => {
		const res = multiStatus(await putBatch(sim, '/jobs-batch', [['J1'], 'J2', null, { job_ID: 'J3' }]));
		expect(res.data).toEqual([
			{ id: [], status: 400, body: 'The record at index 0 must be a JSON object, not an array.' },
			{ id: [], status: 400, body: 'The record at index 1 must be a JSON object, not J2.' },
			{ id: [], status: 400, body: 'The record at index 2 must be a JSON object, not null.' },
			{ id: [{ key: 'Job_ID', value: 'J3' }], status: 201, body: 'Created' },
		]);
	});

	it('validates nested models, naming the path to the field', async () => {
		const res = multiStatus(
			await putBatch(sim, '/criterias-batch', [
				{ criteria_Key: 0, criteriaDetails: [{ criteria_Seq: 1, criteria_AndOr: 'AND' }] },
				{ criteria_Key: 0, criteriaDetails: [{ criteria_Seq: 1 }, { criteria_AndOr: 'TOOLONG' }] },
				{ criteriaDetails: 'nope' },
			]),
		);
		expect(res.data.map((r) => [r.status, r.body])).toEqual([
			[201, 'Created'],
			[400, 'The criteriaDetails[1].criteria_Seq field is required. The field criteriaDetails[1].criteria_AndOr must be a string with a maximum length of 3.'],
			[400, 'The criteriaDetails field must be an array, not the string "nope".'],
		]);
		expect(sim.store(DB, CRITERIAS.id)).toEqual([{ criteria_Key: 1, criteriaDetails: [{ criteria_Seq: 1, criteria_AndOr: 'AND' }] }]);
	});

	it('answers an empty array with an empty 207', async () => {
		const res = multiStatus(await putBatch(sim, '/jobs-batch', []));
		expect(res.data).toEqual([]);
	});

	it('refuses a body that is not a JSON array with a 400 envelope', async () => {
		const cases: Array<[string, string]> = [
			['{"job_ID":"J1"}', 'The request body must be a JSON array of Job records.'],
			['[{"job_ID":', 'The request body is not valid JSON.'],
			['', 'A request body is required: a JSON array of Job records.'],
		];
		for (const [body, detail] of cases) {
			const res = await putBatch(sim, '/jobs-batch', body);
			expect(res.status).toBe(400);
			expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
			expect(res.json).toMatchObject({ data: null, error: { title: 'Bad Request', status: 400, detail, instance: '/vbasoftware/jobs-batch' } });
		}
		expect(sim.store(DB, '/jobs-batch')).toEqual([]);
	});

	it('accepts the JSON content types the spec lists and refuses others with problem+json 415', async () => {
		for (const type of ['application/json', 'text/json; charset=utf-8', 'application/vnd.vba+json']) {
			expect((await putBatch(sim, '/jobs-batch', [{ job_ID: 'J' }], { headers: { 'content-type': type } })).status).toBe(207);
		}
		const res = await putBatch(sim, '/jobs-batch', [{ job_ID: 'J' }], { headers: { 'content-type': 'text/plain' } });
		expect(res.status).toBe(415);
		expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
		expect(res.json).toMatchObject({ title: 'Unsupported Media Type', status: 415 });
	});

	it('enforces a maximum batch size only when set, with 400 or 413', async () => {
		const records = Array.from({ length: 11 }, (_, i) => ({ job_ID: `J${i}` }));
		expect(multiStatus(await putBatch(sim, '/jobs-batch', records)).data).toHaveLength(11);
		sim.clearStore();
		sim.settings.maxBatchSize = 10;
		const tooMany = await putBatch(sim, '/jobs-batch', records);
		expect(tooMany.status).toBe(400);
		expect(tooMany.json).toMatchObject({ error: { detail: 'A batch may hold at most 10 records; this one has 11.' } });
		expect(sim.store(DB, '/jobs-batch')).toEqual([]);
		expect(multiStatus(await putBatch(sim, '/jobs-batch', records.slice(0, 10))).data).toHaveLength(10);
		sim.settings.maxBatchSizeStatus = 413;
		expect((await putBatch(sim, '/jobs-batch', records)).status).toBe(413);
	});

	it('refuses a body over the gateway payload limit with 413', async () => {
		sim.settings.maxBodyBytes = 1_000;
		const res = await putBatch(sim, '/jobs-batch', [{ job_ID: 'J', description: 'x'.repeat(1_000) }]);
		expect(res).toMatchObject({ status: 413, json: { message: 'Request Too Long' } });
	});

	it('shuffles results with a seed, the same way for the same seed', async () => {
		const records = Array.from({ length: 12 }, (_, i) => ({ job_ID: `J${i}` }));
		const order = async (seed: number) => {
			sim.clearStore();
			sim.shuffleResults(seed);
			return multiStatus(await putBatch(sim, '/jobs-batch', records)).data.map((r) => String(r.id[0].value));
		};
		const first = await order(7);
		expect(await order(7)).toEqual(first);
		expect(first).not.toEqual(records.map((r) => r.job_ID));
		expect([...first].sort()).toEqual(records.map((r) => r.job_ID).sort());
		sim.shuffleResults(null);
		sim.clearStore();
		expect(multiStatus(await putBatch(sim, '/jobs-batch', records)).data.map((r) => r.id[0].value)).toEqual(records.map((r) => r.job_ID));
	});

	it('fails a seeded fraction of valid records with 500 and does not store them', async () => {
		const records = Array.from({ length: 50 }, (_, i) => ({ job_ID: `J${i}` }));
		sim.failRecords(0.2, 3);
		const first = multiStatus(await putBatch(sim, '/jobs-batch', records)).data;
		const failed = first.filter((r) => r.status === 500);
		// mulberry32(3) draws 10 values below 0.2 in its first 50.
		expect(failed).toHaveLength(10);
		expect(failed[0].body).toBe('An error occurred while saving the entity changes. See the inner exception for details.');
		expect(sim.store(DB, '/jobs-batch')).toHaveLength(50 - failed.length);

		sim.clearStore();
		sim.failRecords(0.2, 3);
		const again = multiStatus(await putBatch(sim, '/jobs-batch', records)).data;
		expect(again.map((r) => r.status)).toEqual(first.map((r) => r.status));
		sim.failRecords(0);
		sim.clearStore();
		expect(multiStatus(await putBatch(sim, '/jobs-batch', records)).data.every((r) => r.status === 201)).toBe(true);
	});

	it('fails the records a predicate picks, after validation', async () => {
		sim.failRecordsWhere((record, index) => record.job_ID === 'BAD' || index === 3);
		const res = multiStatus(await putBatch(sim, '/jobs-batch', [{ job_ID: 'A' }, { job_ID: 'BAD' }, { job_ID: 'X'.repeat(40) }, { job_ID: 'D' }, { job_ID: 'E' }]));
		expect(res.data.map((r) => r.status)).toEqual([201, 500, 400, 500, 201]);
		expect(sim.store(DB, '/jobs-batch').map((r) => r.job_ID)).toEqual(['A', 'E']);
		sim.failRecordsWhere(null);
		expect(multiStatus(await putBatch(sim, '/jobs-batch', [{ job_ID: 'BAD' }])).data[0].status).toBe(201);
	});

	it('can report id keys as sent and id values raw', async () => {
		sim.settings.idKeyCase = 'as-sent';
		sim.settings.idValue = 'raw';
		const res = multiStatus(await putBatch(sim, '/case-attachments-batch', [{ caseAttachment_Key: 0, case_Key: 1 }]));
		expect(res.data[0].id).toEqual([{ key: 'caseAttachment_Key', value: 1 }]);
	});

	it('can keep only keys, still telling created from updated', async () => {
		sim.settings.keepRecords = false;
		const first = multiStatus(await putBatch(sim, '/jobs-batch', [{ job_ID: 'A', description: 'big' }]));
		const second = multiStatus(await putBatch(sim, '/jobs-batch', [{ job_ID: 'A' }, { job_ID: 'B' }]));
		expect([...first.data, ...second.data].map((r) => r.status)).toEqual([201, 200, 201]);
		expect(sim.store(DB, '/jobs-batch')).toEqual([{}, {}]);
	});

	it('can label the 207 application/json instead', async () => {
		sim.settings.multiStatusContentType = 'application/json; charset=utf-8';
		const res = await putBatch(sim, '/jobs-batch', [{ job_ID: 'J' }]);
		expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
	});

	it('seeds records so a batch updates them', async () => {
		sim.seedRecords(DB, CASE_ATTACHMENTS.id, [{ caseAttachment_Key: 40, case_Key: 1, comment: 'old' }]);
		const res = multiStatus(
			await putBatch(sim, '/case-attachments-batch', [
				{ caseAttachment_Key: 40, case_Key: 1, comment: 'new' },
				{ caseAttachment_Key: 0, case_Key: 1 },
			]),
		);
		expect(res.data.map((r) => [r.status, r.id[0].value])).toEqual([
			[200, '40'],
			[201, '41'],
		]);
		expect(() => sim.seedRecords(DB, '/nope-batch', [])).toThrow('no catalog entry /nope-batch');
	});

	it('answers 404 for a path not in the catalog and 405 for another method on a batch path', async () => {
		const token = sim.issueIdToken();
		const missing = await putBatch(sim, '/widgets-batch', [], { token });
		expect(missing.status).toBe(404);
		const get = await call(`${sim.baseUrl}/jobs-batch`, { headers: sim.dataHeaders(token) });
		expect(get.status).toBe(405);
		expect(get.headers.allow).toBe('PUT');
	});

	it('records the traffic in the base log', async () => {
		sim.server.resetLog();
		await putBatch(sim, '/jobs-batch', [{ job_ID: 'J' }]);
		expect(sim.server.log).toHaveLength(1);
		expect(sim.server.log[0]).toMatchObject({ method: 'PUT', path: '/vbasoftware/jobs-batch', status: 207, body: [{ job_ID: 'J' }] });
	});
});

describe('VBAPI simulator: catalog and options', () => {
	it('serves only the entries it is given, under a custom base path', async () => {
		const sim = await createVbaSimulator({ catalog: simCatalogFrom([JOBS, CARE_CASES]), basePath: '/api/' });
		try {
			expect(sim.baseUrl).toMatch(/\/api$/);
			expect([...sim.catalog.keys()]).toEqual(['/jobs-batch', '/care-plans/{carePlanKey}/cases-batch']);
			expect((await putBatch(sim, '/jobs-batch', [{ job_ID: 'J' }])).status).toBe(207);
			expect((await putBatch(sim, '/case-attachments-batch', [])).status).toBe(404);
		} finally {
			await sim.stop();
		}
	});
});
