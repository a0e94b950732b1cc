import type { VbaSimulator } from '../simulators/vba';
import { VBA_SIM_DEFAULTS } from '../simulators/vba';
import { batchRequests, expectEachItemOnce, runUpsert, startVbaSimulator } from './vba-fixture';

const DB = VBA_SIM_DEFAULTS.database;
const BY_ITEM = '={{ $json.__entity }}';

describe('defect 12.1: VBA entity set by expression is read per item', () => {
	let sim: VbaSimulator;

	beforeEach(async () => {
		sim = await startVbaSimulator();
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('sends a Job, a Job Execution and a Case Attachment each to its own entity', async () => {
		sim.seedRecords(DB, '/jobs-batch', [{ job_ID: 'PROBE-J1', description: 'probe job', job_Type: 'PROBE' }]);
		const run = await runUpsert({
			sim,
			entity: BY_ITEM,
			items: [
				{ __entity: '/jobs-batch', job_ID: 'PROBE-J1', description: 'probe job', job_Type: 'PROBE' },
				{ __entity: '/jobs/{jobID}/executions-batch', job_ID: 'PROBE-J1', jobExecution_Key: 0, vbA_Execute_Result: 'OK' },
				{ __entity: '/case-attachments-batch', caseAttachment_Key: 0, case_Key: 3, comment: 'probe' },
			],
		});
		expectEachItemOnce(run, 3);
		expect(run.errors.map((item) => item.json.error)).toEqual([]);
		const paths = batchRequests(sim).map((req) => req.path).sort();
		expect(paths).toEqual([
			'/vbasoftware/case-attachments-batch',
			'/vbasoftware/jobs-batch',
			'/vbasoftware/jobs/PROBE-J1/executions-batch',
		]);
		const jobs = batchRequests(sim).find((req) => req.path.endsWith('/jobs-batch'));
		expect(jobs?.body).toEqual([{ job_ID: 'PROBE-J1', description: 'probe job', job_Type: 'PROBE' }]);
		// The Job kept its description and type: nothing else was written to it.
		expect(sim.store(DB, '/jobs-batch')).toEqual([{ job_ID: 'PROBE-J1', description: 'probe job', job_Type: 'PROBE' }]);
		expect(sim.store(DB, '/jobs/{jobID}/executions-batch')).toHaveLength(1);
		expect(sim.store(DB, '/jobs/{jobID}/executions-batch')[0]).toMatchObject({ job_ID: 'PROBE-J1', vbA_Execute_Result: 'OK' });
		expect(sim.store(DB, '/case-attachments-batch')[0]).toMatchObject({ case_Key: 3, comment: 'probe' });
		expect(run.byInput.get(1)?.[0].json.vbaResult).toMatchObject({ status: 201, key: { Job_ID: 'PROBE-J1' } });
		expect(run.byInput.get(2)?.[0].json.vbaResult).toMatchObject({ status: 201 });
	});

	it('groups batches per entity and parent path', async () => {
		const job = (n: number) => ({ __entity: '/jobs-batch', job_ID: `J-${n}` });
		const execution = (jobId: string) => ({ __entity: '/jobs/{jobID}/executions-batch', job_ID: jobId, jobExecution_Key: 0 });
		const run = await runUpsert({
			sim,
			entity: BY_ITEM,
			items: [job(1), execution('J-1'), job(2), execution('J-2'), execution('J-1'), job(3)],
		});
		expectEachItemOnce(run, 6);
		expect(run.errors).toEqual([]);
		const sizes = Object.fromEntries(batchRequests(sim).map((req) => [req.path, (req.body as unknown[]).length]));
		expect(sizes).toEqual({
			'/vbasoftware/jobs-batch': 3,
			'/vbasoftware/jobs/J-1/executions-batch': 2,
			'/vbasoftware/jobs/J-2/executions-batch': 1,
		});
	});

	it('fails only the item whose entity is unknown or empty, naming the item and the value', async () => {
		const run = await runUpsert({
			sim,
			entity: BY_ITEM,
			items: [
				{ __entity: '/jobs-batch', job_ID: 'J-1' },
				{ __entity: '/no-such-thing-batch', job_ID: 'J-2' },
				{ job_ID: 'J-3' },
			],
		});
		expectEachItemOnce(run, 3);
		expect(run.success.map((item) => item.json.job_ID)).toEqual(['J-1']);
		expect(String(run.byInput.get(1)?.[0].json.error)).toContain('Item 1');
		expect(String(run.byInput.get(1)?.[0].json.error)).toContain('"/no-such-thing-batch"');
		expect(String(run.byInput.get(2)?.[0].json.error)).toContain('Item 2');
		expect(String(run.byInput.get(2)?.[0].json.error)).toMatch(/no entity/i);
		expect(batchRequests(sim).flatMap((req) => req.body as unknown[])).toEqual([{ job_ID: 'J-1' }]);
	});

	it('reads an entity expression that is more than a field per item, through n8n\'s expression engine', async () => {
		const run = await runUpsert({
			sim,
			entity: "={{ $json.kind === 'job' ? '/jobs-batch' : '/case-attachments-batch' }}",
			items: [
				{ kind: 'attachment', caseAttachment_Key: 0, case_Key: 3 },
				{ kind: 'job', job_ID: 'J-1' },
			],
		});
		expectEachItemOnce(run, 2);
		expect(run.errors).toEqual([]);
		expect(batchRequests(sim).map((req) => req.path).sort()).toEqual(['/vbasoftware/case-attachments-batch', '/vbasoftware/jobs-batch']);
		expect(run.byInput.get(1)?.[0].json.vbaResult).toMatchObject({ status: 201, key: { Job_ID: 'J-1' }, droppedFields: ['kind'] });
	});

	it('refuses "Map Each Field Below" with an entity set by expression, sending nothing', async () => {
		const run = await runUpsert({
			sim,
			entity: BY_ITEM,
			items: [{ __entity: '/jobs-batch', id: 'J-1' }],
			columns: {
				mappingMode: 'defineBelow',
				value: { job_ID: '={{ $json.id }}' },
				matchingColumns: [],
				schema: [{ id: 'job_ID', displayName: 'job_ID (key)', required: true, defaultMatch: true, display: true, type: 'string' }],
			},
			settings: { onError: 'stopWorkflow' },
		});
		expect(run.nodeError?.message).toMatch(/Map Each Field Below/);
		expect(batchRequests(sim)).toHaveLength(0);
	});

	it('reads "Unknown Fields" and "Output" per item when they are expressions', async () => {
		const run = await runUpsert({
			sim,
			entity: '/jobs-batch',
			items: [
				{ job_ID: 'J-1', colour: 'red', strict: false, brief: true },
				{ job_ID: 'J-2', colour: 'red', strict: true, brief: false },
			],
			options: {
				unknownFields: "={{ $json.strict ? 'fail' : 'drop' }}",
				output: "={{ $json.brief ? 'result' : 'merge' }}",
			},
		});
		expectEachItemOnce(run, 2);
		expect(run.success).toHaveLength(1);
		expect(run.success[0].json).toMatchObject({ status: 201, key: { Job_ID: 'J-1' } });
		expect(run.success[0].json.job_ID).toBeUndefined();
		expect(String(run.errors[0].json.error)).toBe('Item 1: "colour" is not a field of Job');
	});
});
