import type { TestCredentialsHelper } from '../harness';
import { createOlConnectSimulator, sampleJobs, type OlConnectSimulator } from '../simulators/olconnect';
import { dataRequests, expectAuthOnEveryRequest, expectEachItemOnce, olcCredentialsHelper, runJobNode as runWith, type AuthMode } from './olconnect-fixture';

const MODES: Array<[AuthMode, { security: boolean }]> = [
	['login', { security: true }],
	['basic', { security: true }],
	['none', { security: false }],
];

describe.each(MODES)('OL Connect Job Entity single-job updates, %s authentication', (mode, serverSettings) => {
	let sim: OlConnectSimulator;
	let credentialsHelper: TestCredentialsHelper;
	const runJobNode = (options: Omit<Parameters<typeof runWith>[0], 'credentialsHelper'>) => runWith({ ...options, credentialsHelper });
	const define = (...pairs: Array<[string, string]>) => ({ property: pairs.map(([name, value]) => ({ name, value })) });

	beforeEach(async () => {
		sim = await createOlConnectSimulator({ jobs: sampleJobs(), ...serverSettings });
		credentialsHelper = olcCredentialsHelper(sim, mode);
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('Update Properties merges by default: reads, changes the named ones, keeps the rest', async () => {
		const run = await runJobNode({
			sim,
			operation: 'updateProperties',
			items: [{ jobId: 1001, state: 'mailed' }],
			parameters: { properties: define(['status', '={{ $json.state }}'], ['channel', 'post']) },
		});
		expect(run.errors).toEqual([]);
		expect(run.success[0].json).toEqual({ jobId: 1001, properties: { status: 'mailed', batch: 'B-7', channel: 'post' } });
		expect(sim.job(1001).properties).toEqual([
			{ name: 'status', value: 'mailed' },
			{ name: 'batch', value: 'B-7' },
			{ name: 'channel', value: 'post' },
		]);
		const [read, write] = dataRequests(sim);
		expect([read.method, read.path]).toEqual(['GET', '/rest/serverengine/entity/jobs/1001/properties']);
		expect([write.method, write.path]).toEqual(['PUT', '/rest/serverengine/entity/jobs/1001/properties']);
		// The body's id is the path's job ID, values travel as text, and the answer `true` (text/plain) is accepted.
		expect(write.body).toEqual({
			id: 1001,
			properties: [
				{ name: 'status', value: 'mailed' },
				{ name: 'batch', value: 'B-7' },
				{ name: 'channel', value: 'post' },
			],
		});
		expect(write.headers['content-type']).toMatch(/^application\/json/);
		expect(write.status).toBe(200);
		expectAuthOnEveryRequest(sim, mode);
	});

	it('Update Properties with Replace: the job keeps only what was sent, without reading first', async () => {
		const run = await runJobNode({
			sim,
			operation: 'updateProperties',
			items: [{ jobId: 1001 }],
			parameters: { updateMode: 'replace', properties: define(['channel', 'email']) },
		});
		expect(run.success[0].json).toEqual({ jobId: 1001, properties: { channel: 'email' } });
		expect(sim.job(1001).properties).toEqual([{ name: 'channel', value: 'email' }]);
		expect(dataRequests(sim).map((req) => req.method)).toEqual(['PUT']);
	});

	it('Update Metadata from one input field, as Get Metadata puts it out; null removes a property', async () => {
		const run = await runJobNode({
			sim,
			operation: 'updateMetadata',
			items: [{ jobId: 1001, metadata: { Pages: 14, Customer: null, Checked: true } }],
			parameters: { propertiesSource: 'field', inputField: 'metadata' },
		});
		expect(run.errors).toEqual([]);
		expect(sim.job(1001).metadata).toEqual([
			{ name: 'Pages', value: '14' },
			{ name: 'Checked', value: 'true' },
		]);
		expect(run.success[0].json).toEqual({ jobId: 1001, metadata: { Pages: '14', Checked: 'true' } });
	});

	it('All Input Fields: every field but the job ID becomes a property, converted plainly to text', async () => {
		const run = await runJobNode({
			sim,
			operation: 'updateProperties',
			items: [
				{
					jobId: 1003,
					count: 3,
					urgent: false,
					due: new Date('2026-03-01T08:00:00.000Z').toISOString(),
					tags: ['a', 'b'],
					address: { city: 'Montréal' },
					note: 'skip me',
				},
			],
			parameters: { propertiesSource: 'fields', fieldsToLeaveOut: 'note', updateMode: 'replace' },
		});
		expect(run.errors).toEqual([]);
		expect(sim.job(1003).properties).toEqual([
			{ name: 'count', value: '3' },
			{ name: 'urgent', value: 'false' },
			{ name: 'due', value: '2026-03-01T08:00:00.000Z' },
			{ name: 'tags', value: '["a","b"]' },
			{ name: 'address', value: '{"city":"Montréal"}' },
		]);
	});

	it('a date made in an expression is written as ISO 8601', async () => {
		await runJobNode({
			sim,
			operation: 'updateProperties',
			items: [{ jobId: 1002 }],
			parameters: { updateMode: 'replace', properties: define(['due', "={{ DateTime.fromISO('2026-05-04T10:00:00', { zone: 'utc' }) }}"]) },
		});
		expect(sim.job(1002).properties).toEqual([{ name: 'due', value: '2026-05-04T10:00:00.000Z' }]);
	});
});

describe('OL Connect Job Entity: bad input is stopped before anything is sent', () => {
	let sim: OlConnectSimulator;

	beforeEach(async () => {
		sim = await createOlConnectSimulator({ jobs: sampleJobs() });
	});
	afterEach(async () => {
		await sim.stop();
	});

	it.each([
		['abc', '"abc"'],
		['12.5', '"12.5"'],
		[-4, '-4'],
		[0, '0'],
		[undefined, 'nothing'],
	])('job ID %p is refused by name', async (jobId, shown) => {
		const run = await runWith({
			sim,
			operation: 'updateProperties',
			items: [{ jobId }],
			parameters: { properties: { property: [{ name: 'status', value: 'x' }] } },
		});
		expect(run.errors.map((item) => item.json.error)).toEqual([`Item 0: "Job ID" must be a positive whole number such as 12345, got ${shown}`]);
		expect(sim.server.log).toHaveLength(0);
	});

	it('valid items still go when others are refused (continue on error output)', async () => {
		const run = await runWith({
			sim,
			operation: 'getProperties',
			items: [{ jobId: 1001 }, { jobId: 'J-7' }, { jobId: ' 1002 ' }],
		});
		expectEachItemOnce(run, 3);
		expect(run.errors.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, 'Item 1: "Job ID" must be a positive whole number such as 12345, got "J-7"'],
		]);
		expect(dataRequests(sim).map((req) => req.path)).toEqual([
			'/rest/serverengine/entity/jobs/1001/properties',
			'/rest/serverengine/entity/jobs/1002/properties',
		]);
	});

	it('with Stop Workflow, one bad job ID stops the run before a single request (not even a login)', async () => {
		const run = await runWith({
			sim,
			operation: 'getProperties',
			items: [{ jobId: 1001 }, { jobId: 'abc' }],
			settings: { onError: 'stopWorkflow' },
		});
		expect(run.nodeError?.message).toBe('1 of 2 items is invalid (item 1): "Job ID" must be a positive whole number such as 12345, got "abc"');
		expect(sim.server.log).toHaveLength(0);
	});

	it('names the item and the property for values that cannot be stored, and for empty property sets', async () => {
		const run = await runWith({
			sim,
			operation: 'updateProperties',
			items: [
				{ jobId: 1001, properties: { ok: 'yes', ratio: Number.NaN } },
				{ jobId: 1001, properties: '{not json' },
				{ jobId: 1001, properties: {} },
				{ jobId: 1001 },
				{ jobId: 1001, properties: [{ name: 'status', value: 'ok' }] },
			],
			parameters: { propertiesSource: 'field' },
		});
		expect(run.errors.map((item) => item.json.error)).toEqual([
			'Item 0: property "ratio" is NaN, which is not a number OL Connect can store',
			'Item 1: the field "properties" holds text that is not valid JSON',
			'Item 2: the field "properties" holds no properties',
			'Item 3: the field "properties" is missing; it should hold the properties as {"name": "value"} or [{"name": …, "value": …}]',
		]);
		expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 4 }]);
		expect(dataRequests(sim).filter((req) => req.method === 'PUT')).toHaveLength(1);
		const nameless = await runWith({
			sim,
			operation: 'updateProperties',
			items: [{ jobId: 1001 }],
			parameters: { properties: { property: [{ name: ' ', value: 'x' }] } },
		});
		expect(nameless.errors[0].json.error).toBe('Item 0: entry 1 of "Properties" has no property name');
	});
});
