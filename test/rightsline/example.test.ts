import { rightslineDemo } from '../../scripts/demo/rightsline';

describe('examples/rightsline-contacts-batch.json through the engine (the demo row)', () => {
	it('creates four records of three char types and reports the refused contact on its own item', async () => {
		const table = await rightslineDemo.run();
		expect(table.rows.map((row) => [row[0], row[1], row[3]])).toEqual([
			[0, 'contact', 'success'],
			[1, 'contact', 'error'],
			[2, 'deal', 'success'],
			[3, 'catalog-item', 'success'],
			[4, 'contact', 'success'],
		]);
		expect(table.rows[1][4]).toBe('Rightsline did not create the contact: Invalid field found shoe_size. (400)');
		expect(table.summary).toMatch(/^5 items in, 4 on success, 1 on error output; 1 batch\(es\), \d+ status poll\(s\), 1 temporary-credential request\(s\)/);
	});
});
