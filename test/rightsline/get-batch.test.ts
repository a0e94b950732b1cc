import type { IDataObject } from 'n8n-workflow';

import { pairedIndex } from '../harness';
import type { RightslineSimulator } from '../simulators/rightsline';
import { batchPolls, contact, expectEachItemOnce, rightslineCredentialsHelper, runRightsline, startRightslineSimulator } from './rightsline-fixture';

const GET = { operation: 'get', batchId: '={{ $json.batchId }}' };

/** The output item of input `index`, from whichever output it went to. */
function outputOf(run: Awaited<ReturnType<typeof runRightsline>>, index: number) {
	return [...run.success, ...run.errors].find((item) => pairedIndex(item) === index);
}

describe('defect 12.9: Get Batch reads Batch ID inside the per-item error handling', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await startRightslineSimulator();
	});
	afterEach(() => sim.stop());

	it('under "Continue (using error output)", an item whose Batch ID expression fails, or is not an ID, fails alone', async () => {
		const submitted = await runRightsline({ sim, items: [contact(1)], parameters: { charType: 2 } });
		const batchId = submitted.success[0].json.batchId as number;
		const run = await runRightsline({
			sim,
			items: [{ batchId }, { batchId, fromOtherNode: true }, { batchId: 'abc' }, { batchId }],
			// Fails for item 1 only: it refers to a node the workflow does not have.
			parameters: { operation: 'get', batchId: '={{ $json.fromOtherNode ? $("Nowhere").first().json.batchId : $json.batchId }}' },
		});
		expect(run.nodeError).toBeUndefined();
		expectEachItemOnce(run, 4);
		expect(run.success.map((item) => [pairedIndex(item), item.json.batchStatus])).toEqual([
			[0, 'Complete'],
			[3, 'Complete'],
		]);
		expect(String(outputOf(run, 1)?.json.error)).toMatch(/^Item 1: Batch ID could not be read: .*Referenced node doesn't exist/);
		expect(String(outputOf(run, 2)?.json.error)).toBe('Item 2: Batch ID must be a whole number such as 48865381, got "abc"');
		expect(batchPolls(sim).filter((req) => req.path === `/v4/batch/${batchId}`).length).toBeGreaterThan(0);
	});
});

describe('defect 12.10: Get Batch gives an item submitted without waiting its own record’s result', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await startRightslineSimulator();
		// The middle contact carries a field Rightsline does not know, so its creation fails.
		sim.settings.fields = { '2': ['first_name', 'last_name'] };
	});
	afterEach(() => sim.stop());

	const items = [contact(0), contact(1, { characteristics: { fake_field: 1 } }), contact(2)];

	async function submitWithoutWaiting() {
		const helper = rightslineCredentialsHelper(sim);
		const submitted = await runRightsline({ sim, items, parameters: { charType: 2, waitForCompletion: false }, credentialsHelper: helper });
		expectEachItemOnce(submitted, 3);
		return { helper, submitted: submitted.success.map((item) => item.json) };
	}

	it.each([
		['only failures carry referenceId (documented), results in order', 'failures' as const, null],
		['every result carries referenceId, results shuffled', 'all' as const, 7],
	])('%s: each item gets its record; an item without referenceId keeps the whole batch', async (_, echo, shuffle) => {
		sim.settings.referenceIdEcho = echo;
		sim.shuffleResults(shuffle);
		const { helper, submitted } = await submitWithoutWaiting();
		sim.finishAll();
		const batchId = submitted[0].batchId as number;
		const fetched = await runRightsline({
			sim,
			items: [...submitted, { batchId }],
			parameters: GET,
			credentialsHelper: helper,
		});
		expectEachItemOnce(fetched, 4);
		for (const [index, title] of [
			[0, 'Contact 0'],
			[2, 'Contact 2'],
		] as const) {
			expect(outputOf(fetched, index)?.json).toMatchObject({
				batchId,
				batchStatus: 'Complete',
				final: true,
				referenceId: `n8n-item-${index}`,
				code: 201,
				message: 'Created.',
				charTypeId: 2,
				record: { title },
			});
			expect(outputOf(fetched, index)?.json.batchResults).toBeUndefined();
		}
		const failed = fetched.errors.find((item) => pairedIndex(item) === 1);
		expect(String(failed?.json.error)).toContain('Invalid field found fake_field.');
		const whole = outputOf(fetched, 3)?.json;
		expect(whole).toMatchObject({ batchId, batchStatus: 'Complete', final: true, failed: false });
		expect(((whole?.batchResults as IDataObject).records as Record<string, unknown[]>)['2']).toHaveLength(3);
		// Still one request for the batch, whatever the items want from it.
		expect(batchPolls(sim)).toHaveLength(1);
	});

	it('while the batch runs, the item says so without a result; once final it gets its record', async () => {
		sim.settings.timing = { queuedMs: 600_000, processingMs: 600_000, perRecordMs: 0 };
		const { helper, submitted } = await submitWithoutWaiting();
		const running = await runRightsline({ sim, items: submitted, parameters: GET, credentialsHelper: helper });
		expectEachItemOnce(running, 3);
		expect(running.success.map((item) => item.json)).toEqual(
			[0, 1, 2].map((n) =>
				expect.objectContaining({ batchStatus: 'Created', final: false, failed: false, referenceId: `n8n-item-${n}`, code: null, record: null }),
			),
		);
		sim.finishAll();
		const done = await runRightsline({ sim, items: submitted, parameters: GET, credentialsHelper: helper });
		expect(done.success.map((item) => [pairedIndex(item), (item.json.record as IDataObject).title])).toEqual([
			[0, 'Contact 0'],
			[2, 'Contact 2'],
		]);
		expect(done.errors.map(pairedIndex)).toEqual([1]);
	});
});

describe('defect 12.10: Get Batch does not guess which result is an item’s', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await startRightslineSimulator();
	});
	afterEach(() => sim.stop());

	it('an item fetched without the rest of its batch, whose success carries no referenceId, is told so rather than given another record', async () => {
		const helper = rightslineCredentialsHelper(sim);
		const submitted = await runRightsline({ sim, items: [contact(0), contact(1)], parameters: { charType: 2, waitForCompletion: false }, credentialsHelper: helper });
		sim.finishAll();
		const fetched = await runRightsline({ sim, items: [submitted.success[1].json], parameters: GET, credentialsHelper: helper });
		expectEachItemOnce(fetched, 1);
		expect(String(fetched.errors[0]?.json.error)).toBe(
			`Batch ${submitted.success[1].json.batchId as number} (status Complete) has no result that is clearly this item's record (referenceId n8n-item-1)`,
		);
	});
});
