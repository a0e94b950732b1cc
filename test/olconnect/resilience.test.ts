import { OLC_REQUEST_PROFILE } from '../../nodes/OlConnectJobEntity/helpers/request-profile';
import { holdAndCount } from '../simulators/base';
import { createOlConnectSimulator, manyJobs, sampleJobs, type OlConnectSimulator } from '../simulators/olconnect';
import { dataRequests, expectEachItemOnce, runJobNode, descriptionOf } from './olconnect-fixture';

const isGet = (req: { method: string }) => req.method === 'GET';

describe('OL Connect Job Entity under server faults', () => {
	let sim: OlConnectSimulator;

	beforeEach(async () => {
		sim = await createOlConnectSimulator({ jobs: sampleJobs() });
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('waits out a 429 with Retry-After and a 503 from a proxy, then gets every job', async () => {
		sim.server.faults.failNext(1, { status: 429, headers: { 'Retry-After': '1' }, body: { error: { status: 429, message: 'Too many requests' } }, match: isGet });
		sim.server.faults.nonJsonNext(1, { status: 503, match: isGet });
		const started = Date.now();
		const run = await runJobNode({ sim, operation: 'getProperties', items: [{ jobId: 1001 }, { jobId: 1002 }, { jobId: 1003 }] });
		expectEachItemOnce(run, 3);
		expect(run.errors).toEqual([]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(dataRequests(sim).filter((req) => req.status === 200)).toHaveLength(3);
	});

	it('at its defaults, keeps as many requests in flight as its pace needs on a slow server, and no more than the pace', async () => {
		await sim.stop();
		const jobs = manyJobs(60, 5000);
		sim = await createOlConnectSimulator({ jobs });
		expect(OLC_REQUEST_PROFILE.defaults).toMatchObject({ concurrency: 0, requestsPerSecond: 40 });
		// A server that takes 300 ms: 40 a second needs about 12 in flight, where 4 gave 13 a second.
		const held = holdAndCount(sim.server, isGet, 300);
		const run = await runJobNode({ sim, operation: 'getProperties', items: jobs.map((job) => ({ jobId: job.id })) });
		expectEachItemOnce(run, 60);
		expect(run.errors).toEqual([]);
		expect(held.peak()).toBeGreaterThan(4);
		expect(held.peak()).toBeLessThanOrEqual(20);
		// The pace (40/s, a burst of 8) spaces the 59 requests after the first (which goes alone, and is
		// answered before they leave) over at least (59 - 8) / 40 s; a slow machine only spreads them more.
		const times = dataRequests(sim).map((req) => req.time);
		expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(((59 - 8) / 40) * 1000);
	}, 30_000);

	it('gives up on a proxy that keeps answering 502 with an HTML page, and says so in words', async () => {
		sim.server.faults.nonJsonNext(4, { status: 502, match: isGet });
		const run = await runJobNode({ sim, operation: 'getMetadata', items: [{ jobId: 1001 }] });
		expect(run.errors[0].json.error).toBe('Job 1001: the server answered with an HTML page (status 502)');
		expect(descriptionOf(run.errors[0])).toContain('HTTP 502: a gateway in front of the server got no valid answer');
		expect(dataRequests(sim)).toHaveLength(4);
	}, 20_000);

	it('repeats a read after a dropped connection and after a half-sent answer', async () => {
		sim.server.faults.dropNext(1, { match: isGet });
		sim.server.faults.truncateNext(1, { match: isGet });
		const run = await runJobNode({ sim, operation: 'getContentItems', items: [{ jobId: 1001 }], parameters: { splitIntoItems: true } });
		expect(run.errors).toEqual([]);
		expect(run.success).toHaveLength(3);
		expect(dataRequests(sim)).toHaveLength(3);
	});

	it('a slow answer past the timeout fails that job only, with the timeout named', async () => {
		sim.server.faults.delayNext(4, 2_500, { match: (req) => req.path.endsWith('/1002/properties') });
		const run = await runJobNode({
			sim,
			operation: 'getProperties',
			items: [{ jobId: 1001 }, { jobId: 1002 }, { jobId: 1003 }],
			parameters: { options: { timeoutSeconds: 1 } },
		});
		expectEachItemOnce(run, 3);
		expect(run.errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(run.errors[0].json.error).toBe('Job 1002: no answer arrived within the timeout');
	}, 30_000);

	it('an update whose answer was lost is sent again: replacing a list twice is harmless', async () => {
		sim.server.faults.dropNext(1, { afterHandling: true, match: (req) => req.method === 'PUT' });
		const run = await runJobNode({
			sim,
			operation: 'updateMetadata',
			items: [{ jobId: 1002, metadata: { Pages: 4 } }],
			parameters: { propertiesSource: 'field', inputField: 'metadata', updateMode: 'replace' },
		});
		expect(run.errors).toEqual([]);
		expect(sim.job(1002).metadata).toEqual([{ name: 'Pages', value: '4' }]);
		expect(sim.requests('/entity/jobs/1002/metadata', 'PUT')).toHaveLength(2);
	});
});
