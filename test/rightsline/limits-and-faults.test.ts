import { signedCall } from '../simulators/rightsline/test-client';
import type { RightslineSimulator } from '../simulators/rightsline';
import {
	batchPolls,
	batchPosts,
	contact,
	CREDENTIAL_ID,
	expectEachItemOnce,
	maxConcurrentBatches,
	rightslineCredentialsHelper,
	runRightsline,
	startRightslineSimulator,
} from './rightsline-fixture';

const isCreate = (req: { method: string; path: string }) => req.method === 'POST' && req.path === '/v4/batch';

describe('Rightsline Char-Type Batch: limits, throttling and faults', () => {
	let sim: RightslineSimulator;
	afterEach(() => sim.stop());

	it('never has more than 10 batches unfinished, survives the 429 “too many batches” of a busy client, loses nothing', async () => {
		sim = await startRightslineSimulator({ timing: { queuedMs: 50, processingMs: 250, perRecordMs: 0 } });
		// Another workflow with the same API key already has 4 long batches queued.
		sim.settings.timing = { queuedMs: 1500, processingMs: 1500, perRecordMs: 0 };
		const keys = sim.issueTemporaryCredentials();
		for (let n = 0; n < 4; n++) {
			expect((await signedCall(sim, '/v4/batch', { method: 'POST', keys, body: { method: 'POST', records: { '2': [contact(90_000 + n)] } } })).status).toBe(202);
		}
		sim.settings.timing = { queuedMs: 50, processingMs: 250, perRecordMs: 0 };
		const items = Array.from({ length: 1500 }, (_, n) => contact(n));
		const run = await runRightsline({ sim, items, parameters: { charType: 2 } });
		expectEachItemOnce(run, 1500);
		expect(run.errors).toEqual([]);
		const refused = batchPosts(sim).filter((req) => req.status === 429);
		expect(refused.length).toBeGreaterThan(0);
		expect(refused[0].headers['x-amz-security-token']).toBeDefined();
		// The other client's 4 and the node's 15.
		expect(batchPosts(sim).filter((req) => req.status === 202)).toHaveLength(19);
		expect(maxConcurrentBatches(sim)).toBe(10);
		// Every record created once: 1500 from the node plus the other client's 4.
		sim.finishAll();
		expect(sim.records(2)).toHaveLength(1504);
		expect(new Set(sim.records(2).map((record) => record.title)).size).toBe(1504);
	});

	it('two executions at once with one credential share its 10 batch slots: none meets “too many batches”', async () => {
		sim = await startRightslineSimulator({ timing: { queuedMs: 20, processingMs: 150, perRecordMs: 0 } });
		const credentialsHelper = rightslineCredentialsHelper(sim);
		const items = (from: number) => Array.from({ length: 800 }, (_, n) => contact(from + n));
		const [first, second] = await Promise.all([
			runRightsline({ sim, items: items(0), parameters: { charType: 2 }, credentialsHelper }),
			runRightsline({ sim, items: items(10_000), parameters: { charType: 2 }, credentialsHelper }),
		]);
		expectEachItemOnce(first, 800);
		expectEachItemOnce(second, 800);
		expect([...first.errors, ...second.errors]).toEqual([]);
		// 16 batches of 100 between them, never more than Rightsline's 10 unfinished, and no 429 to learn it.
		expect(batchPosts(sim).filter((req) => req.status === 202)).toHaveLength(16);
		expect(batchPosts(sim).filter((req) => req.status === 429)).toHaveLength(0);
		// At most 10; fewer when an earlier test's busy client taught this process's pool to share the key.
		expect(maxConcurrentBatches(sim)).toBeLessThanOrEqual(10);
	});

	it('keeps to “Batches in Flight” when set lower than 10', async () => {
		sim = await startRightslineSimulator();
		const run = await runRightsline({ sim, items: Array.from({ length: 600 }, (_, n) => contact(n)), parameters: { charType: 2 }, options: { maxBatchesInFlight: 3 } });
		expect(run.errors).toEqual([]);
		expect(maxConcurrentBatches(sim)).toBe(3);
		expect(batchPosts(sim).filter((req) => req.status === 429)).toHaveLength(0);
	});

	it('paces under 40 requests a second and rides out API Gateway’s bare 429s', async () => {
		sim = await startRightslineSimulator({ timing: { queuedMs: 0, processingMs: 30, perRecordMs: 0 } });
		sim.server.faults.failNext(3, { status: 429, body: { message: 'Too Many Requests' }, match: (req) => req.method === 'GET' });
		const run = await runRightsline({ sim, items: Array.from({ length: 2000 }, (_, n) => contact(n)), parameters: { charType: 2 }, options: { pollIntervalSeconds: 0.05 } });
		expectEachItemOnce(run, 2000);
		expect(run.errors).toEqual([]);
		expect(sim.server.stats().rateLimited).toBe(0);
		expect(sim.server.log.filter((req) => req.status === 429)).toHaveLength(3);
	});

	it('renews temporary credentials that expire mid-run, and no batch is created twice', async () => {
		sim = await startRightslineSimulator({ timing: { queuedMs: 20, processingMs: 150, perRecordMs: 0 } });
		let polls = 0;
		sim.server.use((req) => {
			if (req.method === 'GET' && ++polls === 4) sim.credentials.expireAll();
			return undefined;
		});
		const helper = rightslineCredentialsHelper(sim);
		const run = await runRightsline({ sim, items: Array.from({ length: 1200 }, (_, n) => contact(n)), parameters: { charType: 2 }, credentialsHelper: helper });
		expectEachItemOnce(run, 1200);
		expect(run.errors).toEqual([]);
		expect(sim.server.log.filter((req) => req.status === 403).length).toBeGreaterThan(0);
		expect(sim.credentials.issuedCount).toBeGreaterThanOrEqual(2);
		expect(helper.activityOf(CREDENTIAL_ID).forcedRefreshes).toBeGreaterThanOrEqual(1);
		expect(sim.batchList()).toHaveLength(12);
		expect(sim.records(2)).toHaveLength(1200);
	});

	it('a tampered request is rejected by the simulator’s signature check; the resend goes through, once', async () => {
		sim = await startRightslineSimulator();
		sim.tamperNext(1, isCreate);
		const run = await runRightsline({ sim, items: [contact(1), contact(2)], parameters: { charType: 2 } });
		expect(run.errors).toEqual([]);
		const creates = batchPosts(sim);
		expect(creates.map((req) => req.status)).toEqual([403, 202]);
		expect(sim.batchList()).toHaveLength(1);
		expect(sim.records(2)).toHaveLength(2);
	});

	it('a request tampered with every time fails its items with what to check, and creates nothing', async () => {
		sim = await startRightslineSimulator();
		sim.tamperNext(10, isCreate);
		const run = await runRightsline({ sim, items: [contact(1), contact(2)], parameters: { charType: 2 } });
		expect(run.success).toEqual([]);
		expect(run.errors.map((item) => item.json.error)).toEqual([
			'Rightsline rejected the request signature: what arrived is not what was signed. A proxy between n8n and Rightsline may be changing requests; otherwise run the credential test',
			'Rightsline rejected the request signature: what arrived is not what was signed. A proxy between n8n and Rightsline may be changing requests; otherwise run the credential test',
		]);
		expect(sim.batchList()).toHaveLength(0);
		// The message never carries the canonical request the gateway echoed (it holds the API key and token).
		const everything = JSON.stringify(run.errors);
		expect(everything).not.toContain('x-api-key');
		expect(everything).not.toContain(String(rightslineCredentialsHelper(sim).stored(CREDENTIAL_ID).apiKey));
	});

	it('a clock more than 5 minutes off is named as the cause', async () => {
		sim = await startRightslineSimulator();
		sim.settings.clockOffsetMs = 7 * 60_000;
		const run = await runRightsline({ sim, items: [{ id: 1 }], parameters: { method: 'GET' } });
		expect(run.errors[0].json.error).toMatch(/^Rightsline rejected the request because the n8n server’s clock is more than 5 minutes off \(signed at \d{8}T\d{6}Z\): correct the server’s time/);
	});

	it('resends a retrieval batch after a dropped connection (a GET batch changes nothing)', async () => {
		sim = await startRightslineSimulator();
		sim.seedRecords(1, [{ id: 5 }]);
		sim.server.faults.dropNext(1, { match: isCreate });
		const run = await runRightsline({ sim, items: [{ id: 5 }], parameters: { method: 'GET' } });
		expect(run.errors).toEqual([]);
		expect(batchPosts(sim)).toHaveLength(2);
	});

	it('reports batches still running at the time limit with their ID, and does not send the rest', async () => {
		sim = await startRightslineSimulator({ timing: { queuedMs: 0, processingMs: 4000, perRecordMs: 0 } });
		const run = await runRightsline({
			sim,
			items: Array.from({ length: 30 }, (_, n) => contact(n)),
			parameters: { charType: 2 },
			options: { batchSize: 10, maxBatchesInFlight: 2, timeLimitMinutes: 0.02, pollIntervalSeconds: 0.2 },
		});
		expectEachItemOnce(run, 30);
		const messages = run.errors.map((item) => String(item.json.error));
		expect(messages.slice(0, 20).every((message) => /^Batch \d+ was still (Created|InProgress) when the time limit of 1 second\(s\) was reached$/.test(message))).toBe(true);
		expect(messages.slice(20)).toEqual(Array(10).fill('Not sent: the time limit of 1 second(s) was reached before batch 3 (10 POST record(s)) could be sent'));
		expect(sim.batchList()).toHaveLength(2);
		expect(batchPolls(sim).length).toBeLessThan(20);
	});

	it('retries status polls that meet a proxy’s 502 page, a 500 or a 429 with Retry-After; the batch is created once', async () => {
		sim = await startRightslineSimulator();
		const isPoll = (req: { method: string }) => req.method === 'GET';
		sim.server.faults.nonJsonNext(1, { status: 502, match: isPoll });
		sim.server.faults.failNext(1, { status: 500, body: { message: 'Internal server error' }, match: isPoll });
		sim.server.faults.failNext(1, { status: 429, headers: { 'Retry-After': '1' }, body: { message: 'Too Many Requests' }, match: isPoll });
		const started = Date.now();
		const run = await runRightsline({ sim, items: [contact(1), contact(2)], parameters: { charType: 2 } });
		expect(run.errors).toEqual([]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(batchPolls(sim).map((req) => req.status).slice(0, 3)).toEqual([502, 500, 429]);
		expect(sim.batchList()).toHaveLength(1);
	});

	it('does not repeat a creation answered with 500, or one whose answer came after the timeout', async () => {
		sim = await startRightslineSimulator();
		sim.server.faults.failNext(1, { status: 500, body: { message: 'Internal server error' }, match: isCreate });
		const failed = await runRightsline({ sim, items: [contact(1)], parameters: { charType: 2 } });
		expect(failed.errors[0].json.error).toMatch(/^Rightsline may have saved this record: the request reached it, but it answered with status 500 \(Internal server error\)\. It was not sent again/);
		expect(failed.errors[0].json.details).toMatchObject({ sent: true, mayHaveBeenApplied: true, httpCode: 500 });
		expect(batchPosts(sim)).toHaveLength(1);

		sim.server.faults.delayNext(1, 1500, { match: isCreate });
		const slow = await runRightsline({ sim, items: [contact(2)], parameters: { charType: 2 }, options: { timeoutSeconds: 1 } });
		expect(slow.errors[0].json.error).toMatch(/^Rightsline may have saved this record: the request reached it, but .+\. It was not sent again, so that nothing is created twice/);
		await new Promise((resolve) => setTimeout(resolve, 700));
		// It did arrive: exactly one batch holds that record, which is why it was not sent again.
		expect(batchPosts(sim)).toHaveLength(2);
		expect(sim.batchList()).toHaveLength(1);
	});

	it('a Complete batch that lists no result for a record fails that item alone, saying so', async () => {
		sim = await startRightslineSimulator();
		sim.omitResultsWhere((record) => record.title === 'Contact 1');
		const run = await runRightsline({ sim, items: [contact(0), contact(1), contact(2)], parameters: { charType: 2 } });
		expectEachItemOnce(run, 3);
		expect(run.errors.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, expect.stringMatching(/^Rightsline finished batch \d+ \(status Complete\) without a result for this record$/)],
		]);
		expect(run.success).toHaveLength(2);
	});
});
