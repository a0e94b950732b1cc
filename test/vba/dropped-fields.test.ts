import type { VbaSimulator } from '../simulators/vba';
import { batchRequests, expectEachItemOnce, runUpsert, startVbaSimulator } from './vba-fixture';

describe('defect 12.11: VBA says which unknown fields it dropped', () => {
	let sim: VbaSimulator;

	beforeEach(async () => {
		sim = await startVbaSimulator();
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('lists the fields not sent on each success item, and only where some were dropped', async () => {
		const run = await runUpsert({
			sim,
			entity: '/jobs-batch',
			items: [{ job_ID: 'J-1', colour: 'red', size: 3 }, { job_ID: 'J-2' }],
		});
		expectEachItemOnce(run, 2);
		expect(batchRequests(sim)[0].body).toEqual([{ job_ID: 'J-1' }, { job_ID: 'J-2' }]);
		expect(run.byInput.get(0)?.[0].json.vbaResult).toMatchObject({ droppedFields: ['colour', 'size'] });
		expect(run.byInput.get(1)?.[0].json.vbaResult).not.toHaveProperty('droppedFields');
	});

	it('also with "Result Only" output', async () => {
		const run = await runUpsert({ sim, entity: '/jobs-batch', items: [{ job_ID: 'J-1', colour: 'red' }], options: { output: 'result' } });
		expect(run.success[0].json).toMatchObject({ status: 201, droppedFields: ['colour'] });
	});

	it('lists them in the details of a failed item', async () => {
		sim.failRecordsWhere((record) => record.job_ID === 'J-BAD');
		const run = await runUpsert({
			sim,
			entity: '/jobs-batch',
			items: [{ job_ID: 'J-BAD', colour: 'red' }, { job_ID: 'J-3', colour: 'blue', description: 'x'.repeat(600) }],
		});
		expectEachItemOnce(run, 2);
		expect(run.errors).toHaveLength(2);
		// Refused by VBAPI: the dropped field may be why, so the message names it.
		expect(String(run.byInput.get(0)?.[0].json.error)).toMatch(/^VBAPI did not save this record \(status 500\): .+/);
		expect(String(run.byInput.get(0)?.[0].json.error)).toContain('Not sent, as Job has no such field: colour.');
		// Stopped before sending for another field: still says what would not have been sent.
		expect(String(run.byInput.get(1)?.[0].json.error)).toContain('Item 1: "description" is 600 characters long');
		expect(String(run.byInput.get(1)?.[0].json.error)).toContain('Not sent, as Job has no such field: colour.');
		// And in details, where a workflow can read them.
		expect(run.byInput.get(0)?.[0].json.details).toMatchObject({ vbaResult: { droppedFields: ['colour'] } });
		expect(run.byInput.get(1)?.[0].json.details).toMatchObject({ droppedFields: ['colour'], field: 'description', sent: false });
	});
});
