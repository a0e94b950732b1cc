import { CONTACT, createBigChangeSimulator, JOB_TYPE, type BigChangeSimulator } from '../simulators/bigchange';
import { bigChangeHelper, clientCredentials, expectEachItemOnce, jobParam, pairedIndex, runJobs, UNPACED } from './bigchange-fixture';

describe('BigChange Job Update: Get and Get Many', () => {
	let sim: BigChangeSimulator;

	beforeEach(async () => {
		sim = await createBigChangeSimulator();
	});
	afterEach(() => sim.stop());

	it('Get returns each job as BigChange answers it, paired to its item; a missing one fails alone', async () => {
		const a = sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme, reference: 'A' });
		const b = sim.seedJob({ typeId: JOB_TYPE.boilerService, contactId: CONTACT.brightside, reference: 'B' });
		const run = await runJobs({
			sim,
			parameters: { operation: 'get', jobId: jobParam('={{ $json.link }}', 'url'), options: UNPACED },
			items: [
				{ link: `https://acme.bigchange.com/jobschedule.aspx?jobid=${b}` },
				{ link: `https://acme.bigchange.com/jobschedule.aspx?jobid=999999` },
				{ link: `https://acme.bigchange.com/jobschedule.aspx?jobid=${a}` },
			],
		});
		expectEachItemOnce(run, 3);
		expect(run.success.map((item) => [pairedIndex(item), item.json.reference, item.json.contactName])).toEqual([
			[0, 'B', 'Brightside Housing'],
			[2, 'A', 'Acme Facilities Ltd'],
		]);
		expect(run.errorOf(1)).toMatch(/^Job 999999 was not found in BigChange/);
		expect(sim.requests('GET').every((req) => req.headers['customer-id'] === '4321')).toBe(true);
	});

	it('Get Many with Return All pages through 2,500 jobs in pages of 1000', async () => {
		for (let n = 0; n < 2500; n++) sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme, reference: `R-${n}` });
		const run = await runJobs({ sim, parameters: { operation: 'getAll', returnAll: true }, items: [{}] });
		expect(run.success).toHaveLength(2500);
		expect(new Set(run.success.map((item) => item.json.id)).size).toBe(2500);
		expect(run.success.every((item) => pairedIndex(item) === 0)).toBe(true);
		expect(sim.requests('GET').map((req) => req.query)).toEqual([
			{ pageNumber: '1', pageSize: '1000' },
			{ pageNumber: '2', pageSize: '1000' },
			{ pageNumber: '3', pageSize: '1000' },
		]);
	});

	it('Get Many with a Limit keeps one page size throughout, so no job is repeated or skipped', async () => {
		for (let n = 0; n < 400; n++) sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme });
		const run = await runJobs({ sim, parameters: { operation: 'getAll', returnAll: false, limit: 150, options: { pageSize: 100 } }, items: [{}] });
		const ids = run.success.map((item) => Number(item.json.id));
		expect(ids).toHaveLength(150);
		expect(ids).toEqual([...ids].sort((x, y) => x - y));
		expect(new Set(ids).size).toBe(150);
		expect(sim.requests('GET').map((req) => req.query.pageSize)).toEqual(['100', '100']);
		const small = await runJobs({ sim, parameters: { operation: 'getAll', returnAll: false, limit: 5 }, items: [{}] });
		expect(small.success).toHaveLength(5);
		expect(sim.requests('GET').at(-1)?.query).toEqual({ pageNumber: '1', pageSize: '5' });
	});

	it('Get Many stops on a short page when BigChange sends no totalCount, and on totalCount when it does', async () => {
		for (let n = 0; n < 2000; n++) sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme });
		await runJobs({ sim, parameters: { operation: 'getAll', returnAll: true }, items: [{}] });
		// 2000 jobs, totalCount 2000: two full pages are enough.
		expect(sim.requests('GET')).toHaveLength(2);
		sim.server.resetLog();
		sim.settings.listTotalCount = false;
		const run = await runJobs({ sim, parameters: { operation: 'getAll', returnAll: true }, items: [{}] });
		expect(run.success).toHaveLength(2000);
		// Without it, only an empty third page shows the end.
		expect(sim.requests('GET').map((req) => req.query.pageNumber)).toEqual(['1', '2', '3']);
	});

	it('Get Many filters per input item, and an item whose list fails gets the error', async () => {
		for (let n = 0; n < 6; n++) sim.seedJob({ typeId: n % 2 ? JOB_TYPE.repair : JOB_TYPE.boilerService, contactId: CONTACT.acme, status: n < 2 ? 'started' : 'new' });
		const run = await runJobs({
			sim,
			parameters: { operation: 'getAll', returnAll: true, filters: { typeId: '={{ $json.type }}', status: '={{ $json.status }}' } },
			items: [
				{ type: JOB_TYPE.repair, status: 'new' },
				{ type: JOB_TYPE.boilerService, status: 'started' },
				{ type: JOB_TYPE.repair, status: 'finished' },
			],
		});
		expect(run.success.map((item) => [pairedIndex(item), item.json.typeId, item.json.status])).toEqual([
			[0, JOB_TYPE.repair, 'new'],
			[0, JOB_TYPE.repair, 'new'],
			[1, JOB_TYPE.boilerService, 'started'],
		]);
		expect(run.errors).toHaveLength(1);
		expect(pairedIndex(run.errors[0])).toBe(2);
		expect(run.errorOf(2)).toBe("Job list: status: The value 'finished' is not valid for status.");
	});

	it('Get Many retries a page after a 503 and a dropped connection', async () => {
		for (let n = 0; n < 30; n++) sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme });
		sim.server.faults.failNext(1, { status: 503, headers: { 'retry-after': '0' }, match: (req) => req.query.pageNumber === '2' });
		sim.server.faults.dropNext(1, { match: (req) => req.query.pageNumber === '3' });
		const run = await runJobs({ sim, parameters: { operation: 'getAll', returnAll: true, options: { pageSize: 10 } }, items: [{}] });
		expect(run.success).toHaveLength(30);
		expect(new Set(run.success.map((item) => item.json.id)).size).toBe(30);
	});

	it('Get Many: a list that fails part-way gives one error item for its input, the other inputs keep all their jobs', async () => {
		for (let n = 0; n < 25; n++) sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme });
		// Input 1's second page fails on every try; inputs 0 and 2 list all 25 jobs in pages of 10.
		let lists = 0;
		sim.server.use((req) => {
			if (req.method === 'GET' && req.path === '/v1/jobs' && req.query.pageNumber === '1') lists++;
			return undefined;
		});
		sim.server.faults.failNext(4, { status: 500, body: { title: 'Internal Server Error', status: 500 }, match: (req) => lists === 2 && req.query.pageNumber === '2' });
		const run = await runJobs({
			sim,
			parameters: { operation: 'getAll', returnAll: true, options: { pageSize: 10 } },
			items: [{ n: 0 }, { n: 1 }, { n: 2 }],
		});
		expect(run.success.filter((item) => pairedIndex(item) === 0)).toHaveLength(25);
		expect(run.success.filter((item) => pairedIndex(item) === 1)).toHaveLength(0);
		expect(run.success.filter((item) => pairedIndex(item) === 2)).toHaveLength(25);
		expect(run.errors).toHaveLength(1);
		expect(pairedIndex(run.errors[0])).toBe(1);
		expect(run.errors[0].json.n).toBe(1);
		expect(String(run.errors[0].json.error)).toContain('Internal Server Error');
	});

	it('Get Many with a refused client secret: one token request, one error item per input, the later ones not sent', async () => {
		const run = await runJobs({
			sim,
			parameters: { operation: 'getAll', returnAll: true },
			items: [{}, {}, {}],
			credentialsHelper: bigChangeHelper(clientCredentials(sim, { clientSecret: 'not-the-secret' })),
		});
		expectEachItemOnce(run, 3);
		expect(run.success).toEqual([]);
		expect(sim.server.log.filter((req) => req.path === '/auth/tokens')).toHaveLength(1);
		expect(run.errorOf(0)).toContain('BigChange refused the client ID or client secret');
		expect(run.errorOf(1)).toMatch(/^Not sent, because an earlier request of this run failed: BigChange refused the client ID/);
		expect(run.errorOf(2)).toMatch(/^Not sent, because /);
	});
});
