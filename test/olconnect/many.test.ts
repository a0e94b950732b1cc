import type { TestCredentialsHelper } from '../harness';
import { createOlConnectSimulator, manyJobs, sampleJobs, type OlConnectSimulator, type OlConnectSimulatorOptions } from '../simulators/olconnect';
import { dataRequests, expectAuthOnEveryRequest, expectEachItemOnce, olcCredentialsHelper, runJobNode, descriptionOf, type AuthMode } from './olconnect-fixture';

const MANY = '/entity/jobs/properties';

describe('Update Properties of Many Jobs', () => {
	let sim: OlConnectSimulator;

	async function start(options: OlConnectSimulatorOptions = {}): Promise<void> {
		sim = await createOlConnectSimulator({ jobs: [...sampleJobs(), ...manyJobs(1000)], ...options });
	}
	afterEach(async () => {
		await sim.stop();
	});

	const csvRows = (count: number, first = 100_000) => Array.from({ length: count }, (_, n) => ({ jobId: first + n, status: 'mailed', run: n }));

	describe.each([
		['login', true],
		['basic', true],
		['none', false],
	] as Array<[AuthMode, boolean]>)('%s authentication', (mode, security) => {
		let helper: TestCredentialsHelper;
		beforeEach(async () => {
			await start({ security });
			helper = olcCredentialsHelper(sim, mode);
		});

		it('replaces in ceil(n / chunk) requests and gives one paired item per input item', async () => {
			const run = await runJobNode({
				sim,
				operation: 'updateManyProperties',
				items: csvRows(250),
				credentialsHelper: helper,
				parameters: { propertiesSource: 'fields', updateMode: 'replace', options: { chunkSize: 100 } },
			});
			expectEachItemOnce(run, 250);
			expect(run.errors).toEqual([]);
			expect(run.success[7].json).toEqual({ jobId: 100_007, properties: { status: 'mailed', run: '7' } });
			const puts = sim.requests(MANY, 'PUT');
			expect(puts.map((req) => (req.body as unknown[]).length).sort()).toEqual([100, 100, 50]);
			expect(dataRequests(sim)).toHaveLength(3);
			expect(sim.job(100_249).properties).toEqual([
				{ name: 'status', value: 'mailed' },
				{ name: 'run', value: '249' },
			]);
			expect(sim.job(100_250).properties).toEqual([
				{ name: 'status', value: 'new' },
				{ name: 'batch', value: 'B-0' },
			]);
			expectAuthOnEveryRequest(sim, mode);
		});

		it('merges: reads each job, then writes the merged lists in chunks', async () => {
			const run = await runJobNode({
				sim,
				operation: 'updateManyProperties',
				items: csvRows(30),
				credentialsHelper: helper,
				parameters: { properties: { property: [{ name: 'status', value: '={{ $json.status }}' }] }, options: { chunkSize: 25 } },
			});
			expectEachItemOnce(run, 30);
			expect(sim.job(100_003).properties).toEqual([
				{ name: 'status', value: 'mailed' },
				{ name: 'batch', value: 'B-3' },
			]);
			expect(sim.server.log.filter((req) => req.method === 'GET')).toHaveLength(30);
			expect(sim.requests(MANY, 'PUT')).toHaveLength(2);
			expectAuthOnEveryRequest(sim, mode);
		});
	});

	it.each(['replace', 'merge'] as const)('merge mode gives the same result whether the server replaces or merges (server: %s)', async (manyUpdate) => {
		await start({ manyUpdate });
		await runJobNode({
			sim,
			operation: 'updateManyProperties',
			items: [{ jobId: 1001, properties: { status: 'archived', batch: null } }],
			parameters: { propertiesSource: 'field' },
		});
		// With a merging server the removal of "batch" could not happen; the node sends the full list, so it does.
		expect(sim.job(1001).properties).toEqual(manyUpdate === 'replace' ? [{ name: 'status', value: 'archived' }] : [
			{ name: 'status', value: 'archived' },
			{ name: 'batch', value: 'B-7' },
		]);
	});

	it('combines items naming the same job in input order; each item still comes out', async () => {
		await start();
		const run = await runJobNode({
			sim,
			operation: 'updateManyProperties',
			items: [
				{ jobId: 1001, step: 'one', first: 'x' },
				{ jobId: 1002, step: 'one' },
				{ jobId: 1001, step: 'two' },
			],
			parameters: { propertiesSource: 'fields' },
		});
		expectEachItemOnce(run, 3);
		expect(sim.job(1001).properties).toEqual([
			{ name: 'status', value: 'printed' },
			{ name: 'batch', value: 'B-7' },
			{ name: 'step', value: 'two' },
			{ name: 'first', value: 'x' },
		]);
		expect(run.byInput.get(0)?.[0].json).toEqual(run.byInput.get(2)?.[0].json);
		const [put] = sim.requests(MANY, 'PUT');
		expect((put.body as Array<{ id: number }>).map((job) => job.id)).toEqual([1001, 1002]);
	});

	it('finds a missing job named by a 2023.1+ JSON error with status 500, fails only its items, updates the rest', async () => {
		await start({ errorStyle: 'json', manyMissingStatus: 500 });
		const items = [...csvRows(40), { jobId: 777, status: 'x' }, ...csvRows(9, 100_040)];
		const run = await runJobNode({
			sim,
			operation: 'updateManyProperties',
			items,
			parameters: { propertiesSource: 'fields', updateMode: 'replace', options: { chunkSize: 100 } },
		});
		expectEachItemOnce(run, 50);
		expect(run.errors.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 40 }, 'Job 777: OL Connect could not update the properties of job 777; the most common cause is that job 777 does not exist (any more)'],
		]);
		expect(run.success).toHaveLength(49);
		expect(sim.requests(MANY, 'PUT').map((req) => [(req.body as unknown[]).length, req.status])).toEqual([
			[50, 500],
			[49, 200],
		]);
		expect(sim.job(100_048).properties[0]).toEqual({ name: 'status', value: 'mailed' });
	});

	it('finds two missing jobs by halving when the older server says nothing, even if it applied some', async () => {
		await start({ errorStyle: 'legacy', manyUpdateAtomic: false });
		const items = csvRows(64);
		items[5].jobId = 5;
		items[50].jobId = 50;
		const run = await runJobNode({
			sim,
			operation: 'updateManyProperties',
			items,
			parameters: { propertiesSource: 'fields', updateMode: 'replace', options: { chunkSize: 64 } },
		});
		expectEachItemOnce(run, 64);
		expect(run.errors.map((item) => item.pairedItem)).toEqual([{ item: 5 }, { item: 50 }]);
		expect(run.errors[0].json.error).toBe(
			'Job 5: OL Connect could not update the properties of job 5; the most common cause is that job 5 does not exist (any more)',
		);
		expect(descriptionOf(run.errors[0])).toMatch(/^HTTP 500: .*Found by sending the jobs of a failed request again in smaller parts/);
		expect(descriptionOf(run.errors[0])).not.toMatch(/The server said/);
		for (const n of [0, 4, 6, 49, 51, 63]) expect(sim.job(100_000 + n).properties[0]).toEqual({ name: 'status', value: 'mailed' });
		// 1 + 2 + 4 + … halvings down to the two culprits: far fewer than one request per job.
		const puts = sim.requests(MANY, 'PUT');
		expect(puts.length).toBeLessThanOrEqual(1 + 2 * 2 * Math.log2(64));
	});

	it('"Fail Every Job of the Request" fails the whole chunk and sends nothing more for it', async () => {
		await start({ errorStyle: 'legacy' });
		const items = csvRows(10);
		items[3].jobId = 3;
		const run = await runJobNode({
			sim,
			operation: 'updateManyProperties',
			items,
			parameters: { propertiesSource: 'fields', updateMode: 'replace', options: { chunkSize: 5, onChunkFailure: 'failChunk' } },
		});
		expectEachItemOnce(run, 10);
		expect(run.errors.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(run.errors[0].json.error).toBe(
			"Job 100000: OL Connect refused a request updating 5 jobs (100000 to 100004) with a server error, usually because one of them does not exist; this job may not be the cause and may or may not have been updated ('On a Failed Request' fails the whole request)",
		);
		expect(sim.requests(MANY, 'PUT')).toHaveLength(2);
	});

	it('wrong credentials: one refused request, every item told why, nothing else sent', async () => {
		await start();
		const helper = olcCredentialsHelper(sim, 'basic', { password: 'not-the-password' });
		const run = await runJobNode({
			sim,
			operation: 'updateManyProperties',
			items: csvRows(30),
			credentialsHelper: helper,
			parameters: { propertiesSource: 'fields', options: { chunkSize: 10 } },
		});
		expectEachItemOnce(run, 30);
		expect(run.errors[0].json.error).toBe('Job 100000: OL Connect did not accept the user name or password set in the credential: check both');
		expect(run.errors[29].json.error).toMatch(/^Job 100029: Not sent, because an earlier request of this run failed/);
		expect(dataRequests(sim)).toHaveLength(1);
	});

	it('retries a chunk after a dropped connection (the same lists again are harmless)', async () => {
		await start();
		sim.server.faults.dropNext(1, { match: (req) => req.method === 'PUT' });
		const run = await runJobNode({
			sim,
			operation: 'updateManyProperties',
			items: csvRows(20),
			parameters: { propertiesSource: 'fields', updateMode: 'replace', options: { chunkSize: 10 } },
		});
		expectEachItemOnce(run, 20);
		expect(run.errors).toEqual([]);
		expect(sim.requests(MANY, 'PUT')).toHaveLength(3);
	});
});

describe('defect 12.3: Update Properties of Many Jobs, one unknown job among good ones, answered 404 naming it', () => {
	let sim: OlConnectSimulator;
	afterEach(async () => {
		await sim.stop();
	});

	const items = [
		{ jobId: 12345, status: 'mailed' },
		{ jobId: '12346', status: 'mailed', copies: 2 },
		{ jobId: 20001, status: 'returned' },
		{ jobId: 99999, status: 'mailed' },
	];
	const before = [{ name: 'status', value: 'printed' }, { name: 'batch', value: 'B-1' }];

	it.each(['replace', 'merge'] as const)('%s: only job 99999 fails, naming it; the others are sent again and updated', async (updateMode) => {
		sim = await createOlConnectSimulator({
			errorStyle: 'json',
			jobs: [12345, 12346, 20001].map((id) => ({ id, properties: before })),
		});
		const run = await runJobNode({ sim, operation: 'updateManyProperties', items, parameters: { propertiesSource: 'fields', updateMode } });

		expectEachItemOnce(run, 4);
		expect(run.errors.map((item) => item.pairedItem)).toEqual([{ item: 3 }]);
		expect(String(run.errors[0].json.error)).toContain('OL Connect has no job 99999');
		expect(run.success.map((item) => item.json.jobId)).toEqual([12345, 12346, 20001]);

		const kept = updateMode === 'merge' ? [{ name: 'batch', value: 'B-1' }] : [];
		const status = (value: string) => ({ name: 'status', value });
		expect(sim.job(12345).properties).toEqual(updateMode === 'merge' ? [status('mailed'), ...kept] : [status('mailed')]);
		expect(sim.job(12346).properties).toEqual([
			status('mailed'),
			...kept,
			{ name: 'copies', value: '2' },
		]);
		expect(sim.job(20001).properties).toEqual(updateMode === 'merge' ? [status('returned'), ...kept] : [status('returned')]);
		expect(sim.jobs.has(99999)).toBe(false);

		const puts = sim.requests(MANY, 'PUT').map((req) => [(req.body as Array<{ id: number }>).map((job) => job.id), req.status]);
		// Merge finds the unknown job when reading it; Replace All when the server names it in the 404.
		expect(puts).toEqual(
			updateMode === 'merge'
				? [[[12345, 12346, 20001], 200]]
				: [
						[[12345, 12346, 20001, 99999], 404],
						[[12345, 12346, 20001], 200],
					],
		);
	});

	it('"Fail Every Job of the Request" fails the request\'s jobs, saying which job OL Connect named', async () => {
		sim = await createOlConnectSimulator({ errorStyle: 'json', jobs: [12345, 12346, 20001].map((id) => ({ id, properties: before })) });
		const run = await runJobNode({
			sim,
			operation: 'updateManyProperties',
			items,
			parameters: { propertiesSource: 'fields', updateMode: 'replace', options: { onChunkFailure: 'failChunk' } },
		});
		expectEachItemOnce(run, 4);
		expect(run.errors).toHaveLength(4);
		expect(String(run.errors[0].json.error)).toContain('refused a request updating 4 jobs (12345 to 99999) because job 99999 does not exist');
		expect(sim.requests(MANY, 'PUT')).toHaveLength(1);
		expect(sim.job(12345).properties).toEqual(before);
	});

	it('a 404 naming no job of the request (e.g. a wrong path) is not narrowed down: the request\'s jobs fail once', async () => {
		sim = await createOlConnectSimulator({ errorStyle: 'json', jobs: [12345, 12346].map((id) => ({ id, properties: before })) });
		sim.server.faults.failNext(1, { status: 404, match: (req) => req.method === 'PUT' });
		const run = await runJobNode({
			sim,
			operation: 'updateManyProperties',
			items: items.slice(0, 2),
			parameters: { propertiesSource: 'fields', updateMode: 'replace' },
		});
		expectEachItemOnce(run, 2);
		expect(run.errors).toHaveLength(2);
		expect(sim.requests(MANY, 'PUT')).toHaveLength(1);
	});
});

