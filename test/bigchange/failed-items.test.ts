import type { IDataObject } from 'n8n-workflow';

import type { NodeSettings } from '../harness';
import { CONTACT, createBigChangeSimulator, JOB_TYPE, type BigChangeSimulator } from '../simulators/bigchange';
import { expectEachItemOnce, jobParam, pairedIndex, runJobs, UNPACED } from './bigchange-fixture';

const MISSING = 424242;

describe('BigChange Job Update: a failed item keeps its record under every On Error setting', () => {
	let sim: BigChangeSimulator;
	let job: number;

	beforeEach(async () => {
		sim = await createBigChangeSimulator();
		job = sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme, description: 'before' });
	});
	afterEach(() => sim.stop());

	const update = (items: IDataObject[], settings: NodeSettings) =>
		runJobs({
			sim,
			parameters: { operation: 'update', jobId: jobParam('={{ $json.job }}'), updateFields: { description: '={{ $json.text }}' }, options: UNPACED },
			items,
			settings,
		});

	const notFound = `Job ${MISSING} was not found in BigChange`;

	it('Continue (using error output): the input fields, error and details (job ID, HTTP status) on the error output', async () => {
		const run = await update([{ job, text: 'ok', row: 1 }, { job: MISSING, text: 'lost', row: 2 }], { onError: 'continueErrorOutput' });
		expectEachItemOnce(run, 2);
		expect(run.success.map((item) => item.json)).toEqual([{ jobId: job, updated: true, changes: { description: 'ok' } }]);
		const [failed] = run.errors;
		expect(pairedIndex(failed)).toBe(1);
		expect(failed.json).toMatchObject({ job: MISSING, text: 'lost', row: 2 });
		expect(String(failed.json.error)).toContain(notFound);
		expect(failed.json.details).toMatchObject({ jobId: MISSING, httpCode: 404, sent: true, mayHaveBeenApplied: false });
	});

	it('Continue: the failed item comes out in place on the main output, with its input fields, error and details', async () => {
		const run = await update([{ job, text: 'ok', row: 1 }, { job: MISSING, text: 'lost', row: 2 }], { onError: 'continueRegularOutput' });
		expectEachItemOnce(run, 2);
		expect(run.errors).toEqual([]);
		const failed = run.success[1];
		expect(pairedIndex(failed)).toBe(1);
		expect(failed.json).toMatchObject({ job: MISSING, text: 'lost', row: 2 });
		expect(String(failed.json.error)).toContain(notFound);
		expect(failed.json.details).toMatchObject({ jobId: MISSING, httpCode: 404, sent: true });
		expect(sim.job(job)?.description).toBe('ok');
	});

	it('Stop Workflow: a single failed item stops the run with its own error', async () => {
		const run = await update([{ job: MISSING, text: 'lost' }], { onError: 'stopWorkflow' });
		expect(run.success).toEqual([]);
		expect(run.nodeError?.message).toContain(notFound);
		expect(run.nodeError?.description).toContain('HTTP 404');
	});

	it('Stop Workflow on a multi-item create: the summary says which jobs were created, so they are not created twice', async () => {
		const run = await runJobs({
			sim,
			parameters: { operation: 'create', typeId: '={{ $json.type }}', contactId: '={{ $json.contact }}', options: UNPACED },
			items: [
				{ type: JOB_TYPE.repair, contact: CONTACT.acme },
				{ type: JOB_TYPE.repair, contact: 555 },
				{ type: JOB_TYPE.repair, contact: CONTACT.brightside },
			],
			settings: { onError: 'stopWorkflow' },
		});
		expect(sim.jobCount()).toBe(1 + 2);
		expect(run.nodeError?.message).toBe('1 of 3 items failed (item 1): New job: contactId: Contact 555 does not exist.');
		expect(run.nodeError?.description).toContain('The other 2 items were created in BigChange (items 0, 2); that is not undone.');
	});
});
