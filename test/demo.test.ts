import { scenarios } from '../scripts/demo/scenarios';

// `npm run demo` is the quick start a new user tries first; each node's table must come out whole.
describe('npm run demo', () => {
	it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s prints a table with a row per item', async (_, scenario) => {
		const table = await scenario.run();
		expect(table.rows.length).toBeGreaterThan(0);
		expect(table.rows.every((row) => row.length === table.columns.length)).toBe(true);
		const items = table.rows.map((row) => row[0]);
		expect(new Set(items).size).toBe(items.length);
		expect(table.summary).toMatch(/\d+ items in/);
	});
});
