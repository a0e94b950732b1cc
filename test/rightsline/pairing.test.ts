import type { IDataObject } from 'n8n-workflow';

import type { RightslineSimulator } from '../simulators/rightsline';
import { contact, expectEachItemOnce, runRightsline, startRightslineSimulator } from './rightsline-fixture';

/** Rightsline promises neither the order of results nor a referenceId on successes: every variant pairs. */
describe('Rightsline Char-Type Batch: pairing shuffled results back to items', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await startRightslineSimulator();
		sim.shuffleResults(11);
	});
	afterEach(() => sim.stop());

	it.each(['failures', 'all', 'none'] as const)('creations, referenceId echoed on %s', async (echo) => {
		sim.settings.referenceIdEcho = echo;
		sim.settings.fields['2'] = ['first_name', 'last_name'];
		const items = Array.from({ length: 150 }, (_, n) => (n % 50 === 7 ? contact(n, { characteristics: { nickname: 'x' } }) : contact(n)));
		const run = await runRightsline({ sim, items, parameters: { charType: 2 } });
		expectEachItemOnce(run, 150);
		for (const item of run.success) {
			const index = (item.pairedItem as { item: number }).item;
			expect((item.json.record as IDataObject).title).toBe(`Contact ${index}`);
		}
		const failed = run.errors.map((item) => (item.pairedItem as { item: number }).item);
		// Without a referenceId a failed creation (id 0) cannot be told apart from another: those items
		// fail as "no result" rather than borrowing someone else's answer.
		expect(failed).toEqual([7, 57, 107]);
		if (echo !== 'none') expect(run.errors.every((item) => /Invalid field found nickname\./.test(String(item.json.error)))).toBe(true);
	});

	it('retrievals without any referenceId are paired by record ID', async () => {
		sim.settings.referenceIdEcho = 'none';
		sim.seedRecords(3, Array.from({ length: 80 }, (_, n) => ({ id: 300 + n, title: `Right ${300 + n}` })));
		const run = await runRightsline({ sim, items: Array.from({ length: 80 }, (_, n) => ({ id: 300 + n })), parameters: { method: 'GET', charType: 'right' } });
		expectEachItemOnce(run, 80);
		for (const item of run.success) expect(item.json.id).toBe(300 + (item.pairedItem as { item: number }).item);
	});
});
