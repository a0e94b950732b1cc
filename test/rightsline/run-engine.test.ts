import type { IDataObject } from 'n8n-workflow';

import { pairedIndex } from '../harness';
import { TEMP_CREDENTIALS_PATH, type RightslineSimulator } from '../simulators/rightsline';
import { batchPosts, contact, CREDENTIAL_ID, expectEachItemOnce, rightslineCredentialsHelper, runRightsline, startRightslineSimulator } from './rightsline-fixture';

const isCreate = (req: { method: string; path: string }) => req.method === 'POST' && req.path === '/v4/batch';
const tokenRequests = (sim: RightslineSimulator) => sim.server.log.filter((req) => req.path === TEMP_CREDENTIALS_PATH);
const details = (json: IDataObject) => json.details as IDataObject;

describe('defect 12.5: a refused temporary-credential exchange is tried once for the whole run', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await startRightslineSimulator();
	});
	afterEach(() => sim.stop());

	it.each([
		['secret key', { secretKey: 'wrong-secret-value' }, /^Rightsline rejected the access key or secret key/],
		['API key', { apiKey: 'not-our-key' }, /^Rightsline refused the request for temporary credentials: check the API key/],
	])('a wrong %s: one request for temporary credentials, the first batch fails with its message, the rest is not sent', async (_label, wrong, message) => {
		const helper = rightslineCredentialsHelper(sim, wrong);
		const items = Array.from({ length: 60 }, (_, n) => contact(n));
		const run = await runRightsline({ sim, items, parameters: { charType: 2 }, options: { batchSize: 5, maxBatchesInFlight: 4 }, credentialsHelper: helper });
		expectEachItemOnce(run, 60);
		expect(run.success).toEqual([]);
		expect(tokenRequests(sim)).toHaveLength(1);
		expect(batchPosts(sim)).toHaveLength(0);
		const errors = run.errors.map((item) => String(item.json.error));
		expect(errors.slice(0, 5).every((text) => message.test(text))).toBe(true);
		expect(errors.slice(5).every((text) => text.startsWith('Not sent, because an earlier request of this run failed: '))).toBe(true);
		expect(errors[5]).toMatch(message.source.replace('^', ''));
		expect(run.errors.every((item) => details(item.json).sent === false)).toBe(true);
	});
});

describe('defect 12.6: temporary credentials that expire mid-run are renewed at most once per lane', () => {
	let sim: RightslineSimulator;
	afterEach(() => sim.stop());

	it('two expiries with 3 batches in flight: at most 1 + 3 requests for temporary credentials per expiry, nothing lost or doubled', async () => {
		sim = await startRightslineSimulator({ timing: { queuedMs: 20, processingMs: 150, perRecordMs: 0 } });
		let polls = 0;
		sim.server.use((req) => {
			if (req.method === 'GET') polls++;
			if (req.method === 'GET' && (polls === 4 || polls === 14)) sim.credentials.expireAll();
			return undefined;
		});
		const lanes = 3;
		const run = await runRightsline({ sim, items: Array.from({ length: 300 }, (_, n) => contact(n)), parameters: { charType: 2 }, options: { batchSize: 20, maxBatchesInFlight: lanes } });
		expectEachItemOnce(run, 300);
		expect(run.errors).toEqual([]);
		expect(sim.server.log.filter((req) => req.status === 403).length).toBeGreaterThanOrEqual(2);
		// The first set, then at most one renewal per lane for each of the two expiries.
		expect(tokenRequests(sim).length).toBeGreaterThanOrEqual(3);
		expect(tokenRequests(sim).length).toBeLessThanOrEqual(1 + 2 * lanes);
		expect(sim.batchList()).toHaveLength(15);
		expect(sim.records(2)).toHaveLength(300);
		expect(new Set(sim.records(2).map((record) => record.title)).size).toBe(300);
	});
	it('Get Batch over 6 batches with no temporary credentials yet: one request for them, not one per lane', async () => {
		sim = await startRightslineSimulator();
		const submitted = await runRightsline({ sim, items: Array.from({ length: 6 }, (_, n) => contact(n)), parameters: { charType: 2, waitForCompletion: false }, options: { batchSize: 1 } });
		sim.finishAll();
		const ids = submitted.success.map((item) => item.json.batchId);
		expect(new Set(ids).size).toBe(6);
		const before = tokenRequests(sim).length;
		// A new credential helper: n8n holds no temporary credentials for it yet.
		const fetched = await runRightsline({ sim, items: ids.map((batchId) => ({ batchId })), parameters: { operation: 'get' }, credentialsHelper: rightslineCredentialsHelper(sim) });
		expectEachItemOnce(fetched, 6);
		expect(fetched.errors).toEqual([]);
		expect(tokenRequests(sim).length - before).toBe(1);
	});
});

describe('defect 12.4: a batch that may have created records is not sent again, and says so', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await startRightslineSimulator();
	});
	afterEach(() => sim.stop());

	it('the connection drops after Rightsline accepted the batch: each item says Rightsline may have saved it; stored once', async () => {
		sim.server.faults.dropNext(1, { afterHandling: true, match: isCreate });
		const run = await runRightsline({ sim, items: [contact(1), contact(2)], parameters: { charType: 2 } });
		expectEachItemOnce(run, 2);
		for (const item of run.errors) {
			expect(String(item.json.error)).toMatch(/^Rightsline may have saved this record: the request reached it, but .+\. It was not sent again, so that nothing is created twice\. Check in Rightsline whether it exists before running this item again$/);
			expect(details(item.json)).toMatchObject({ sent: true, mayHaveBeenApplied: true });
		}
		expect(batchPosts(sim)).toHaveLength(1);
		sim.finishAll();
		expect(sim.batchList()).toHaveLength(1);
		expect(sim.records(2).map((record) => record.title)).toEqual(['Contact 1', 'Contact 2']);
	});
});

describe('Rightsline: a failed item keeps its record under each On Error setting', () => {
	let sim: RightslineSimulator;
	beforeEach(async () => {
		sim = await startRightslineSimulator();
		sim.settings.fields['2'] = ['first_name', 'last_name'];
	});
	afterEach(() => sim.stop());

	const items = [contact(0), contact(1, { characteristics: { fake_field: 'x' } }), contact(2)];

	it('"Continue (using error output)": input fields, error, and details with the batch ID and Rightsline’s code', async () => {
		const run = await runRightsline({ sim, items, parameters: { charType: 2 }, settings: { onError: 'continueErrorOutput' } });
		expectEachItemOnce(run, 3);
		expect(run.errors.map(pairedIndex)).toEqual([1]);
		const failed = run.errors[0].json;
		expect(failed).toMatchObject({ title: 'Contact 1', template: { templateId: 1 }, characteristics: { fake_field: 'x' } });
		expect(String(failed.error)).toBe('Rightsline did not create the contact: Invalid field found fake_field. (400)');
		expect(details(failed)).toMatchObject({ item: 1, sent: true, mayHaveBeenApplied: false, httpCode: 400, batchId: run.success[0].json.batchId, referenceId: 'n8n-item-1' });
	});

	it('"Continue (regular output)": every item on the main output in order; the failed one keeps its record', async () => {
		const run = await runRightsline({ sim, items, parameters: { charType: 2 }, settings: { onError: 'continueRegularOutput' } });
		expect(run.errors).toEqual([]);
		expect(run.success.map(pairedIndex)).toEqual([0, 1, 2]);
		expect(run.success[1].json).toMatchObject({ title: 'Contact 1', characteristics: { fake_field: 'x' }, details: { httpCode: 400, batchId: run.success[0].json.batchId } });
		expect(String(run.success[1].json.error)).toContain('Invalid field found fake_field.');
	});

	it('"Stop Workflow" with one item: that item’s own error', async () => {
		const run = await runRightsline({ sim, items: [items[1]], parameters: { charType: 2 }, settings: { onError: 'stopWorkflow' } });
		expect(run.nodeError?.message).toBe('Rightsline did not create the contact: Invalid field found fake_field. (400)');
	});
});

describe('Stop Workflow on a batch node says what was applied', () => {
	let sim: RightslineSimulator;
	afterEach(() => sim.stop());

	it('6 contacts, 2 refused, On Error at its default: the error names the failed items, the 4 created and the batch', async () => {
		sim = await startRightslineSimulator();
		sim.settings.fields['2'] = ['first_name', 'last_name'];
		const items = Array.from({ length: 6 }, (_, n) => (n === 1 || n === 4 ? contact(n, { characteristics: { fake_field: n } }) : contact(n)));
		const run = await runRightsline({ sim, items, parameters: { charType: 2 }, settings: {} });
		const [batch] = sim.batchList();
		expect(run.nodeError?.message).toBe('2 of 6 items failed (items 1, 4): Rightsline did not create the contact: Invalid field found fake_field. (400)');
		const description = String(run.nodeError?.description);
		expect(description).toContain('The other 4 items were created in Rightsline (items 0, 2, 3, 5); that is not undone.');
		expect(description).toContain(`Rightsline batch ${batch.id}`);
		expect(sim.records(2)).toHaveLength(4);
	});
});

describe('a batch still running at the time limit can be fetched later with Get Batch', () => {
	let sim: RightslineSimulator;
	afterEach(() => sim.stop());

	it('the failed item carries details.batchId, which Get Batch’s default Batch ID reads; it then gets its own record', async () => {
		sim = await startRightslineSimulator({ timing: { queuedMs: 0, processingMs: 600_000, perRecordMs: 0 } });
		const helper = rightslineCredentialsHelper(sim);
		const run = await runRightsline({ sim, items: [contact(0), contact(1)], parameters: { charType: 2 }, options: { timeLimitMinutes: 0.01, pollIntervalSeconds: 0.2 }, credentialsHelper: helper });
		expectEachItemOnce(run, 2);
		const [batch] = sim.batchList();
		expect(run.errors.map((item) => details(item.json).batchId)).toEqual([batch.id, batch.id]);
		sim.finishAll();
		const fetched = await runRightsline({ sim, items: run.errors.map((item) => item.json), parameters: { operation: 'get' }, credentialsHelper: helper });
		expectEachItemOnce(fetched, 2);
		expect(fetched.success.map((item) => [item.json.batchId, item.json.referenceId, (item.json.record as IDataObject).title])).toEqual([
			[batch.id, 'n8n-item-0', 'Contact 0'],
			[batch.id, 'n8n-item-1', 'Contact 1'],
		]);
		expect(helper.activityOf(CREDENTIAL_ID).preAuthentications).toBe(1);
	});
});
