import { vbaDemo } from '../../scripts/demo/vba';

describe('examples/vba-upsert-jobs.json through the engine (the demo row)', () => {
	it('creates two jobs, updates the existing one in the same request and stops an over-long ID before sending', async () => {
		const table = await vbaDemo.run();
		expect(table.rows).toEqual([
			[0, 'NIGHTLY-EXPORT', 'success', '201 Created'],
			[1, 'WEEKLY-RECON', 'success', '201 Created'],
			[2, 'ELIG-LOAD', 'success', '200 Updated'],
			[3, 'THIS-JOB-ID-IS-FAR-TOO-LONG-FOR-VBAPI-32', 'error', 'Item 3: "job_ID" is 40 characters long; VBAPI allows at most 32'],
		]);
		expect(table.summary).toBe('4 items in, 3 on success, 1 on error output; 1 batch request(s), 1 login(s)');
	});
});
