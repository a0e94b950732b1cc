import { olConnectDemo } from '../../scripts/demo/olconnect';

describe('examples/olconnect-update-job-properties.json through the engine (the demo row)', () => {
	it('merges new properties into three jobs in one request, explains a missing job and stops a bad ID before sending', async () => {
		const table = await olConnectDemo.run();
		expect(table.rows).toEqual([
			[0, '1001', 'success', 'status=mailed, batch=B-7, mailDate=2026-03-02'],
			[1, '1002', 'success', 'status=mailed, mailDate=2026-03-02'],
			[2, '1003', 'success', 'status=on hold, holdReason=address check'],
			[3, '4040', 'error', 'Job 4040: OL Connect has no job 4040'],
			[4, 'J-17', 'error', 'Item 4: "Job ID" must be a positive whole number such as 12345, got "J-17"'],
		]);
		expect(table.summary).toBe('5 items in, 3 on success, 2 on error output; 1 login, 4 reads (merge), 1 many-jobs update request(s)');
	});
});
