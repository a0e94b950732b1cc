import { bigChangeDemo } from '../../scripts/demo/bigchange';

describe('examples/bigchange-update-jobs.json through the engine (the demo row)', () => {
	it('updates two jobs, explains two BigChange refusals and stops one bad value before sending', async () => {
		const table = await bigChangeDemo.run();
		expect(table.rows).toEqual([
			[0, '1001', 'success', 'plannedDuration = 90, description = "Replace pump seal; bring 22mm fittings"'],
			[1, '1002', 'error', 'Job 1002: orderNumber: An order number is required for this job type.'],
			[
				2,
				'1003',
				'error',
				'Job 1003 has already started or been completed, so BigChange no longer lets its description change; leave description out for jobs that are under way',
			],
			[3, '…dule.aspx?jobid=1004', 'success', 'plannedDuration = 45, reference = "R-1004", personId cleared'],
			[4, '1005', 'error', 'Item 4: Planned Duration (plannedDuration) must be a whole number of minutes (0 or more), got "an hour"'],
		]);
		expect(table.summary).toBe('5 items in, 2 on success, 3 on error output; 4 PATCH request(s), 1 token request(s)');
	});
});
