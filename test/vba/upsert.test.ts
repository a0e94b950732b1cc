import type { VbaSimulator } from '../simulators/vba';
import { VBA_SIM_DEFAULTS } from '../simulators/vba';
import { batchRequests, expectEachItemOnce, runUpsert, startVbaSimulator, vbaCredentialsHelper } from './vba-fixture';

const DB = VBA_SIM_DEFAULTS.database;

describe('VBA Batch Upsert through the real engine against the VBAPI simulator', () => {
	let sim: VbaSimulator;

	beforeEach(async () => {
		sim = await startVbaSimulator();
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('creates and updates in one run, with per-record status on each paired item', async () => {
		sim.seedRecords(DB, '/jobs-batch', [{ job_ID: 'J-1', description: 'old' }]);
		const run = await runUpsert({
			sim,
			entity: '/jobs-batch',
			items: [
				{ job_ID: 'J-1', description: 'updated' },
				{ job_ID: 'J-2', description: 'new', job_Type: 'NIGHTLY' },
			],
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.errors).toEqual([]);
		expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(run.success.map((item) => item.json.vbaResult)).toEqual([
			{ status: 200, message: 'Updated', key: { Job_ID: 'J-1' }, keyMatchedBy: 'key' },
			{ status: 201, message: 'Created', key: { Job_ID: 'J-2' }, keyMatchedBy: 'key' },
		]);
		expect(run.success[1].json.job_Type).toBe('NIGHTLY');
		const stored = sim.store(DB, '/jobs-batch');
		expect(stored.find((job) => job.job_ID === 'J-1')?.description).toBe('updated');
		expect(stored.find((job) => job.job_ID === 'J-2')?.description).toBe('new');
		// Both records went in one request, with every header VBAPI requires.
		const puts = batchRequests(sim);
		expect(puts).toHaveLength(1);
		expect(puts[0].headers['vbasoftware-database']).toBe(DB);
		expect(puts[0].headers['user-agent']).toMatch(/^n8n-nodes-batch-jobs\//);
		expect(puts[0].headers['x-api-key']).toBe(VBA_SIM_DEFAULTS.apiKey);
		expect(puts[0].headers.authorization).toMatch(/^Bearer /);
	});

	it('"Result Only" replaces the input with the result', async () => {
		const run = await runUpsert({ sim, entity: '/jobs-batch', items: [{ job_ID: 'J-9' }], options: { output: 'result' } });
		expect(run.success.map((item) => item.json)).toEqual([{ status: 201, message: 'Created', key: { Job_ID: 'J-9' }, keyMatchedBy: 'key' }]);
	});

	it('"Map Each Field Below" sends the mapped values, evaluated per item', async () => {
		const run = await runUpsert({
			sim,
			entity: '/jobs-batch',
			items: [
				{ id: 'J-7', text: 'first', extra: 'not sent' },
				{ id: 'J-8', text: 'second', extra: 'not sent' },
			],
			columns: {
				mappingMode: 'defineBelow',
				value: { job_ID: '={{ $json.id }}', description: '={{ $json.text.toUpperCase() }}', job_Type: 'MANUAL' },
				matchingColumns: [],
				schema: [
					{ id: 'job_ID', displayName: 'job_ID (key)', required: true, defaultMatch: true, display: true, type: 'string' },
					{ id: 'description', displayName: 'description', required: false, defaultMatch: false, display: true, type: 'string' },
					{ id: 'job_Type', displayName: 'job_Type', required: false, defaultMatch: false, display: true, type: 'string' },
				],
			},
		});
		expect(run.errors).toEqual([]);
		expect(batchRequests(sim)[0].body).toEqual([
			{ job_ID: 'J-7', description: 'FIRST', job_Type: 'MANUAL' },
			{ job_ID: 'J-8', description: 'SECOND', job_Type: 'MANUAL' },
		]);
		expect(run.success.map((item) => item.json.vbaResult)).toEqual([
			{ status: 201, message: 'Created', key: { Job_ID: 'J-7' }, keyMatchedBy: 'key' },
			{ status: 201, message: 'Created', key: { Job_ID: 'J-8' }, keyMatchedBy: 'key' },
		]);
	});

	it('"Map Each Field Below" with a required field left empty names the field, as an AI agent needs it', async () => {
		// An agent that leaves out a $fromAI key makes that field undefined; n8n's own check says only "Invalid input for 'job_ID'".
		const run = await runUpsert({
			sim,
			entity: '/jobs-batch',
			items: [{ id: 'J-9', text: 'kept' }, { text: 'no id' }],
			columns: {
				mappingMode: 'defineBelow',
				value: { job_ID: '={{ $json.id }}', description: '={{ $json.text }}' },
				matchingColumns: [],
				schema: [
					{ id: 'job_ID', displayName: 'job_ID (key)', required: true, defaultMatch: true, display: true, type: 'string' },
					{ id: 'description', displayName: 'description', required: false, defaultMatch: false, display: true, type: 'string' },
				],
			},
		});
		expectEachItemOnce(run, 2);
		expect(run.errors.map((item) => item.json.error)).toEqual(['Item 1: "job_ID" is required by Job']);
		expect(batchRequests(sim).flatMap((req) => req.body as unknown[])).toEqual([{ job_ID: 'J-9', description: 'kept' }]);
	});

	it('sends a nested entity to its parent path, with parent keys taken per item from expressions', async () => {
		const careCase = (plan: number, caseKey: number) => ({ plan, case_Key: caseKey, do_Not_Contact: false, case_Status: 'OPEN' });
		const run = await runUpsert({
			sim,
			entity: '/care-plans/{carePlanKey}/cases-batch',
			items: [careCase(7, 1), careCase(8, 1), careCase(7, 2)],
			parentKeys: [{ name: 'carePlanKey', value: '={{ $json.plan }}' }],
		});
		expect(run.errors).toEqual([]);
		expectEachItemOnce(run, 3);
		expect(batchRequests(sim).map((req) => req.path).sort()).toEqual([
			'/vbasoftware/care-plans/7/cases-batch',
			'/vbasoftware/care-plans/8/cases-batch',
		]);
		const seven = batchRequests(sim).find((req) => req.path.includes('/7/'));
		expect((seven?.body as Array<Record<string, unknown>>).map((record) => [record.carePlan_Key, record.case_Key])).toEqual([
			[7, 1],
			[7, 2],
		]);
		expect(run.byInput.get(1)?.[0].json.vbaResult).toEqual({
			status: 201,
			message: 'Created',
			key: { CarePlan_Key: '8', Case_Key: '1' },
			keyMatchedBy: 'key',
			// The field the parent key came from is not a Care Case field, so it was not sent.
			droppedFields: ['plan'],
		});
	});

	it('routes a partial 207 failure to the error output of the right item only', async () => {
		sim.failRecordsWhere((record) => record.job_ID === 'J-BAD');
		const run = await runUpsert({
			sim,
			entity: '/jobs-batch',
			items: [{ job_ID: 'J-1' }, { job_ID: 'J-BAD' }, { job_ID: 'J-3' }],
		});
		expectEachItemOnce(run, 3);
		expect(run.success.map((item) => item.json.job_ID)).toEqual(['J-1', 'J-3']);
		expect(run.errors).toHaveLength(1);
		expect(run.errors[0].pairedItem).toEqual({ item: 1 });
		expect(run.errors[0].json.error).toMatch(/^VBAPI did not save this record \(status 500\): .+/);
	});

	it('pairs shuffled results back to their items by key', async () => {
		sim.shuffleResults(42);
		const items = Array.from({ length: 60 }, (_, n) => ({ job_ID: `J-${n}`, description: `job ${n}` }));
		const run = await runUpsert({ sim, entity: '/jobs-batch', items });
		expectEachItemOnce(run, 60);
		for (const item of run.success) {
			const index = (item.pairedItem as { item: number }).item;
			expect(item.json.job_ID).toBe(`J-${index}`);
			expect(item.json.vbaResult).toMatchObject({ status: 201, key: { Job_ID: `J-${index}` } });
		}
		// The shuffle was real: the simulator answered in another order than the records were sent.
		expect(sim.shuffledAnswers).toBe(1);
	});

	it('matches server-assigned keys (0) by position and composite parent keys when results are shuffled', async () => {
		sim.shuffleResults(7);
		const run = await runUpsert({
			sim,
			entity: '/care-plans/{carePlanKey}/cases-batch',
			items: [
				{ carePlan_Key: 5, case_Key: 0, do_Not_Contact: false, case_ID: 'A' },
				{ carePlan_Key: 5, case_Key: 40, do_Not_Contact: false, case_ID: 'B' },
			],
		});
		expectEachItemOnce(run, 2);
		expect(run.byInput.get(1)?.[0].json.vbaResult).toMatchObject({ key: { Case_Key: '40' } });
		const assigned = run.byInput.get(0)?.[0].json.vbaResult as { status: number; key: Record<string, string> };
		expect(assigned.status).toBe(201);
		expect(assigned.key.Case_Key).not.toBe('40');
		expect(sim.store(DB, '/care-plans/{carePlanKey}/cases-batch').find((c) => c.case_ID === 'A')?.case_Key).toBe(
			Number(assigned.key.Case_Key),
		);
	});

	it('stops invalid items before sending, naming item and field; valid items still go', async () => {
		const run = await runUpsert({
			sim,
			entity: '/jobs-batch',
			items: [
				{ job_ID: 'J-1' },
				{ description: 'no id' },
				{ job_ID: 'J-3', description: 'x'.repeat(513) },
				{ job_ID: 'J-4', entry_Date: 'yesterday' },
				{ job_ID: 'J-5' },
				{ job_ID: '', description: 'blank id, as an agent sends a value it does not have' },
			],
		});
		expectEachItemOnce(run, 6);
		expect(run.success.map((item) => item.json.job_ID)).toEqual(['J-1', 'J-5']);
		expect(run.errors.map((item) => item.json.error)).toEqual([
			'Item 1: "job_ID" is required by Job',
			'Item 2: "description" is 513 characters long; VBAPI allows at most 512',
			'Item 3: "entry_Date" must be a date and time like 2026-01-31T09:30:00Z, got "yesterday"',
			'Item 5: "job_ID" is required and cannot be empty',
		]);
		const sent = batchRequests(sim).flatMap((req) => req.body as Array<{ job_ID: string }>);
		expect(sent.map((record) => record.job_ID)).toEqual(['J-1', 'J-5']);
	});

	it('with Stop Workflow, one invalid item stops the run before anything is sent', async () => {
		const run = await runUpsert({
			sim,
			entity: '/jobs-batch',
			items: [{ job_ID: 'J-1' }, { job_ID: { nested: true } }],
			settings: { onError: 'stopWorkflow' },
		});
		expect(run.nodeError?.message).toMatch(/^1 of 2 items is invalid \(item 1\): /);
		expect(run.nodeError?.message).toContain('(item 1): "job_ID" must be text, got an object ({"nested":true})');
		expect(run.nodeError?.description).toContain('Nothing was sent');
		expect(batchRequests(sim)).toHaveLength(0);
	});

	it('fails an unknown field when asked to, and drops it by default', async () => {
		const strict = await runUpsert({
			sim,
			entity: '/jobs-batch',
			items: [{ job_ID: 'J-1', colour: 'red' }],
			options: { unknownFields: 'fail' },
		});
		expect(strict.errors[0]?.json.error).toBe('Item 0: "colour" is not a field of Job');
		const lenient = await runUpsert({ sim, entity: '/jobs-batch', items: [{ job_ID: 'J-1', colour: 'red' }] });
		expect(lenient.success).toHaveLength(1);
		expect(batchRequests(sim).at(-1)?.body).toEqual([{ job_ID: 'J-1' }]);
	});

	it('recovers from an ID token that expires mid-run: one re-login, nothing lost', async () => {
		let puts = 0;
		sim.server.use((req) => {
			if (req.method === 'PUT' && ++puts === 3) sim.server.tokens.expireAll();
			return undefined;
		});
		const items = Array.from({ length: 500 }, (_, n) => ({ job_ID: `J-${n}` }));
		const run = await runUpsert({ sim, entity: '/jobs-batch', items, options: { batchSize: 50, concurrency: 1 } });
		expectEachItemOnce(run, 500);
		expect(run.errors).toEqual([]);
		expect(sim.loginCount).toBe(2);
		expect(batchRequests(sim).filter((req) => req.status === 401)).toHaveLength(1);
	});

	it('survives a 429 storm with Retry-After and loses no item', async () => {
		sim.server.faults.failNext(6, {
			status: 429,
			headers: { 'Retry-After': '1' },
			body: { message: 'Too Many Requests' },
			match: (req) => req.method === 'PUT',
		});
		const items = Array.from({ length: 1000 }, (_, n) => ({ job_ID: `J-${n}` }));
		const run = await runUpsert({ sim, entity: '/jobs-batch', items, options: { requestsPerSecond: 50 } });
		expectEachItemOnce(run, 1000);
		expect([...new Set(run.errors.map((item) => item.json.error))]).toEqual([]);
		expect(batchRequests(sim).filter((req) => req.status === 429)).toHaveLength(6);
		expect(sim.store(DB, '/jobs-batch')).toHaveLength(1000);
	});

	it('keeps under the simulator\'s 25/50 rate limit with the default pacing: no 429 at all', async () => {
		sim.setRateLimit(true);
		const items = Array.from({ length: 3000 }, (_, n) => ({ job_ID: `J-${n}` }));
		const run = await runUpsert({ sim, entity: '/jobs-batch', items, options: { batchSize: 50 } });
		expectEachItemOnce(run, 3000);
		expect(batchRequests(sim).filter((req) => req.status === 429)).toHaveLength(0);
	});

	it('fails every item of a batch the server refuses as a whole, with the reason', async () => {
		sim.server.faults.failNext(10, { status: 400, body: { message: 'Bad batch' }, match: (req) => req.method === 'PUT' });
		const run = await runUpsert({ sim, entity: '/jobs-batch', items: [{ job_ID: 'J-1' }, { job_ID: 'J-2' }] });
		expectEachItemOnce(run, 2);
		expect(run.errors.map((item) => item.json.error)).toEqual(['Bad batch', 'Bad batch']);
		expect(batchRequests(sim)).toHaveLength(1);
	});

	it('does not follow a redirect with the batch, and says where the server pointed', async () => {
		sim.server.faults.failNext(1, {
			status: 308,
			headers: { location: 'https://vbapi.example.com/jobs-batch' },
			match: (req) => req.method === 'PUT',
		});
		const run = await runUpsert({ sim, entity: '/jobs-batch', items: [{ job_ID: 'J-1' }] });
		expectEachItemOnce(run, 1);
		expect(String(run.errors[0].json.error)).toMatch(/redirect/i);
		expect(JSON.stringify(run.errors[0].json)).toContain("https://vbapi.example.com/jobs-batch");
		expect(batchRequests(sim)).toHaveLength(1);
		expect(batchRequests(sim)[0].headers['content-type']).toBe('application/json');
	});

	it('does not repeat a batch that may have created records after a dropped connection', async () => {
		sim.server.faults.dropNext(1, { afterHandling: true, match: (req) => req.method === 'PUT' });
		const run = await runUpsert({
			sim,
			entity: '/case-attachments-batch',
			items: [{ caseAttachment_Key: 0, case_Key: 3, comment: 'scan' }],
		});
		expectEachItemOnce(run, 1);
		expect(run.errors).toHaveLength(1);
		expect(batchRequests(sim)).toHaveLength(1);
		expect(sim.store(DB, '/case-attachments-batch')).toHaveLength(1);
	});

	it('repeats an idempotent batch after a dropped connection', async () => {
		sim.server.faults.dropNext(1, { match: (req) => req.method === 'PUT' });
		const run = await runUpsert({ sim, entity: '/jobs-batch', items: [{ job_ID: 'J-1' }] });
		expect(run.success).toHaveLength(1);
		expect(batchRequests(sim)).toHaveLength(2);
	});

	it('a large first batch sends its first record ahead alone, and the other batches after its answer', async () => {
		const items = Array.from({ length: 250 }, (_, n) => ({ job_ID: `P-${n}`, description: `job ${n}` }));
		const run = await runUpsert({ sim, entity: '/jobs-batch', items, options: { concurrency: 5 } });
		expectEachItemOnce(run, 250);
		expect(run.errors).toEqual([]);
		const sizes = batchRequests(sim).map((req) => (req.body as unknown[]).length);
		// In the order the server received them: the probe first, then the rest of its batch and the others.
		expect(sizes[0]).toBe(1);
		expect([...sizes.slice(1)].sort((a, b) => a - b)).toEqual([50, 99, 100]);
		expect((batchRequests(sim)[0].body as Array<{ job_ID: string }>)[0].job_ID).toBe('P-0');
	});

	it('turns 20,000 items into 201 requests (the first record ahead alone) and puts every item out exactly once', async () => {
		sim.settings.keepRecords = false;
		sim.server.logging = false;
		const items = Array.from({ length: 20_000 }, (_, n) => ({ job_ID: `J-${n}`, description: `job ${n}` }));
		const run = await runUpsert({ sim, entity: '/jobs-batch', items, options: { requestsPerSecond: 50, concurrency: 5 } });
		expectEachItemOnce(run, 20_000);
		expect(run.errors).toEqual([]);
		expect(sim.server.stats().byStatus[207]).toBe(201);
	}, 120_000);

	it('a refused re-login fails every item with a message saying what to check', async () => {
		const helper = vbaCredentialsHelper(sim, { password: 'wrong' });
		const run = await runUpsert({ sim, entity: '/jobs-batch', items: [{ job_ID: 'J-1' }], credentialsHelper: helper });
		expect(run.errors[0]?.json.error).toMatch(/^VBAPI rejected the login: check the username and password/);
	});
});
