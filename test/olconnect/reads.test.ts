import { createOlConnectSimulator, sampleJobs, type OlConnectSimulator } from '../simulators/olconnect';
import type { TestCredentialsHelper } from '../harness';
import { expectAuthOnEveryRequest, expectEachItemOnce, olcCredentialsHelper, runJobNode as runWith, type AuthMode } from './olconnect-fixture';

const MODES: Array<[AuthMode, { security: boolean }]> = [
	['login', { security: true }],
	['basic', { security: true }],
	['none', { security: false }],
];

describe.each(MODES)('OL Connect Job Entity reads, %s authentication', (mode, serverSettings) => {
	let sim: OlConnectSimulator;
	// Shared by the runs of a test, as n8n's credential store keeps the session token between runs.
	let credentialsHelper: TestCredentialsHelper;
	const runJobNode = (options: Omit<Parameters<typeof runWith>[0], 'credentialsHelper'>) => runWith({ ...options, credentialsHelper });

	beforeEach(async () => {
		sim = await createOlConnectSimulator({ jobs: sampleJobs(), ...serverSettings });
		credentialsHelper = olcCredentialsHelper(sim, mode);
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('Get Content Items: one item per job with the identifier list as it comes', async () => {
		const run = await runJobNode({ sim, operation: 'getContentItems', authentication: mode, items: [{ jobId: 1001 }, { jobId: '1003' }] });
		expect(run.errors).toEqual([]);
		expect(run.success.map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{
					jobId: 1001,
					identifiers: [
						{ item: 50001, record: 70001 },
						{ item: 50002, record: 70002 },
						{ item: 50003, record: 70003 },
					],
				},
				{ item: 0 },
			],
			[{ jobId: 1003, identifiers: [] }, { item: 1 }],
		]);
		expect(sim.requests('/entity/jobs/1001/contents', 'GET')).toHaveLength(1);
		expectAuthOnEveryRequest(sim, mode);
	});

	it('Get Content Items split into one item per content item, each paired to its job', async () => {
		const run = await runJobNode({
			sim,
			operation: 'getContentItems',
			authentication: mode,
			items: [{ jobId: 1001 }, { jobId: 1002 }],
			parameters: { splitIntoItems: true },
		});
		expect(run.success.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ jobId: 1001, contentItemId: 50001, dataRecordId: 70001 }, { item: 0 }],
			[{ jobId: 1001, contentItemId: 50002, dataRecordId: 70002 }, { item: 0 }],
			[{ jobId: 1001, contentItemId: 50003, dataRecordId: 70003 }, { item: 0 }],
			[{ jobId: 1002, contentItemId: 50010, dataRecordId: 70010 }, { item: 1 }],
		]);
	});

	it('Get Job Segments, whole and split', async () => {
		const whole = await runJobNode({ sim, operation: 'getJobSegments', authentication: mode, items: [{ jobId: 1001 }] });
		expect(whole.success.map((item) => item.json)).toEqual([{ jobId: 1001, identifiers: [3001, 3002] }]);
		expect(sim.requests('/entity/jobs/1001', 'GET')).toHaveLength(1);
		const split = await runJobNode({ sim, operation: 'getJobSegments', authentication: mode, items: [{ jobId: 1001 }], parameters: { splitIntoItems: true } });
		expect(split.success.map((item) => item.json)).toEqual([
			{ jobId: 1001, jobSegmentId: 3001 },
			{ jobId: 1001, jobSegmentId: 3002 },
		]);
	});

	it('Get Metadata simplified to name: value, and as the name/value list', async () => {
		const simplified = await runJobNode({ sim, operation: 'getMetadata', authentication: mode, items: [{ jobId: 1001 }, { jobId: 1002 }] });
		expect(simplified.success.map((item) => item.json)).toEqual([
			{ jobId: 1001, metadata: { Customer: 'ACME', Pages: '12' } },
			{ jobId: 1002, metadata: {} },
		]);
		const raw = await runJobNode({ sim, operation: 'getMetadata', authentication: mode, items: [{ jobId: 1001 }], parameters: { outputFormat: 'raw' } });
		expect(raw.success[0].json).toEqual({
			jobId: 1001,
			metadata: [
				{ name: 'Customer', value: 'ACME' },
				{ name: 'Pages', value: '12' },
			],
		});
		expectAuthOnEveryRequest(sim, mode);
	});

	it('Get Properties for many items: one request per job, every item out once and in order', async () => {
		const items = Array.from({ length: 30 }, (_, n) => ({ jobId: [1001, 1002, 1003][n % 3] }));
		const run = await runJobNode({ sim, operation: 'getProperties', authentication: mode, items });
		expectEachItemOnce(run, 30);
		expect(run.success.map((item) => item.json.jobId)).toEqual(items.map((item) => item.jobId));
		expect(run.success[0].json).toEqual({ jobId: 1001, properties: { status: 'printed', batch: 'B-7' } });
		expect(sim.server.log.filter((req) => req.path.endsWith('/properties'))).toHaveLength(30);
		expectAuthOnEveryRequest(sim, mode);
	});
});

describe('defect 12.12: One Item per Content Item / Segment, a job with none still comes out once', () => {
	let sim: OlConnectSimulator;
	beforeEach(async () => {
		sim = await createOlConnectSimulator({ jobs: sampleJobs() });
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('Get Content Items: job 1003 has none and comes out once, with its ID and an empty list', async () => {
		const run = await runWith({ sim, operation: 'getContentItems', items: [{ jobId: 1003 }, { jobId: 1002 }], parameters: { splitIntoItems: true } });
		expectEachItemOnce(run, 2);
		expect(run.success.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ jobId: 1003, identifiers: [] }, { item: 0 }],
			[{ jobId: 1002, contentItemId: 50010, dataRecordId: 70010 }, { item: 1 }],
		]);
	});

	it('Get Job Segments: job 1003 has none and comes out once, with its ID and an empty list', async () => {
		const run = await runWith({ sim, operation: 'getJobSegments', items: [{ jobId: 1002 }, { jobId: 1003 }], parameters: { splitIntoItems: true } });
		expectEachItemOnce(run, 2);
		expect(run.success.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ jobId: 1002, jobSegmentId: 3010 }, { item: 0 }],
			[{ jobId: 1003, identifiers: [] }, { item: 1 }],
		]);
	});
});
