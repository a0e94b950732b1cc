import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest } from '../../simulators/base';
import { TEMP_CREDENTIALS_PATH, type RightslineSimulator } from '../../simulators/rightsline';
import { contact, rightslineCredentialsHelper, runRightsline, startRightslineSimulator } from '../../rightsline/rightsline-fixture';
import type { NodeAdapter, Scenario } from '../adapter';
import type { FaultId } from '../faults';

/** Contacts: the char type every record here is created in or updated. */
const CONTACT = 2;

const contacts = (count: number): IDataObject[] => Array.from({ length: count }, (_, n) => contact(n));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, n) => from + n);

const isCreate = (req: RecordedRequest) => req.method === 'POST' && req.path === '/v4/batch';
const isPoll = (req: RecordedRequest) => req.method === 'GET' && req.path.startsWith('/v4/batch/');
const isLogin = (req: RecordedRequest) => req.path === TEMP_CREDENTIALS_PATH;

/** A create batch holding the record Submit sent for input item `itemIndex` (its referenceId). */
const carries = (itemIndex: number) => (req: RecordedRequest) => isCreate(req) && req.rawBody.includes(`"n8n-item-${itemIndex}"`);

async function until(done: () => boolean, limitMs = 5_000): Promise<void> {
	for (const end = Date.now() + limitMs; !done() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Per item, how many contacts Rightsline holds with its title. Batches the node stopped following
 * (a lost answer, a timeout) are finished first: what they create counts, as it would in Rightsline.
 */
function createdPerItem(sim: RightslineSimulator, items: IDataObject[]): number[] {
	sim.finishAll();
	const counts = new Map<string, number>();
	for (const record of sim.records(CONTACT)) counts.set(record.title, (counts.get(record.title) ?? 0) + 1);
	return items.map((item) => counts.get(String(item.title)) ?? 0);
}

/** Per item of an Update, how many times its record was changed (revisionId starts at 0 when seeded). */
function updatesPerItem(sim: RightslineSimulator, items: IDataObject[]): number[] {
	sim.finishAll();
	return items.map((item) => sim.record(CONTACT, Number(item.id))?.revisionId ?? 0);
}

async function scenario(fault: FaultId): Promise<Scenario | { notApplicable: string }> {
	const sim = await startRightslineSimulator({ timing: { queuedMs: 10, processingMs: 60, perRecordMs: 0 } });
	const close = async () => await sim.stop();
	const logins = () => sim.server.log.filter(isLogin).length;
	const base = { close, logins, maxLogins: 1 };
	const submit =
		(items: IDataObject[], options: IDataObject, parameters: IDataObject = {}, credentials?: IDataObject) =>
		async (settings: Parameters<Scenario['run']>[0]) =>
			await runRightsline({
				sim,
				items,
				parameters: { charType: CONTACT, ...parameters },
				options,
				settings,
				credentialsHelper: credentials === undefined ? undefined : rightslineCredentialsHelper(sim, credentials),
			});

	switch (fault) {
		case 'wrong-credential': {
			// 200 records over 20 batches and 5 lanes: the refused key exchange is asked for once.
			const items = contacts(200);
			return {
				...base,
				items,
				run: submit(items, { batchSize: 10, maxBatchesInFlight: 5 }, {}, { secretKey: 'wrong-secret-key' }),
				failing: range(0, 200),
				applied: () => createdPerItem(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ sent: false, mayHaveBeenApplied: false }),
			};
		}
		case 'token-expired': {
			const items = contacts(200);
			let creates = 0;
			sim.server.use((req) => {
				if (isCreate(req) && ++creates === 6) sim.credentials.expireAll();
				return undefined;
			});
			// n8n renews per request (one 403, one preAuthentication, one resend): at most one renewal per lane.
			return {
				...base,
				maxLogins: 1 + 5,
				items,
				run: submit(items, { batchSize: 10, maxBatchesInFlight: 5 }),
				failing: [],
				applied: () => {
					// The expiry really bit (API Gateway's 403) and was renewed, or the cell would prove nothing.
					expect(sim.server.log.some((req) => req.status === 403)).toBe(true);
					expect(sim.credentials.issuedCount).toBeGreaterThanOrEqual(2);
					return createdPerItem(sim, items);
				},
			};
		}
		case 'throttled': {
			// API Gateway's throttling 429 (not "too many batches") is a refusal: a creation is safe to resend.
			// The storm starts once the first batch is in, so the five lanes meet it side by side.
			const items = contacts(100);
			const storming = (req: RecordedRequest) => (isCreate(req) || isPoll(req)) && sim.batchList().length > 0;
			sim.server.faults.failNext(6, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' }, match: storming });
			return {
				...base,
				items,
				run: submit(items, { batchSize: 10, maxBatchesInFlight: 5 }),
				failing: [],
				applied: () => {
					expect(sim.server.log.filter((req) => req.status === 429)).toHaveLength(6);
					return createdPerItem(sim, items);
				},
			};
		}
		case 'server-error': {
			// Documented: after a 504, check whether the create happened before retrying. Here Rightsline
			// did create the batch, then API Gateway answered 504: a resend would create the records twice.
			const items = contacts(40);
			let hit = false;
			sim.server.use((req) => {
				if (hit || !carries(0)(req)) return undefined;
				hit = true;
				sim.batches.create(req, Date.now());
				return { status: 504, body: { message: 'Endpoint request timed out' } };
			});
			return {
				...base,
				items,
				run: submit(items, { batchSize: 10, maxBatchesInFlight: 2 }),
				failing: range(0, 10),
				maybeApplied: range(0, 10),
				applied: () => createdPerItem(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ httpCode: 504, sent: true, mayHaveBeenApplied: true }),
			};
		}
		case 'dropped-after-write': {
			// Rightsline created the batch, the 202 with its ID never arrived: sending it again would create twice.
			const items = contacts(30);
			sim.server.faults.dropNext(1, { afterHandling: true, match: carries(10) });
			return {
				...base,
				items,
				run: submit(items, { batchSize: 10, maxBatchesInFlight: 2 }),
				failing: range(10, 20),
				maybeApplied: range(10, 20),
				applied: () => createdPerItem(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ sent: true, mayHaveBeenApplied: true });
					expect(String(json.error)).toMatch(/^Rightsline may have saved this/);
				},
			};
		}
		case 'timeout': {
			// The request timeout on a batch creation, not the time limit for waiting: only here could a
			// retry create records twice. Rightsline never gave this batch an ID, so none is claimed.
			const items = contacts(30);
			sim.server.faults.delayNext(1, 1_500, { match: carries(10) });
			const run = submit(items, { batchSize: 10, maxBatchesInFlight: 1, timeoutSeconds: 1 });
			return {
				...base,
				items,
				run: async (settings) => {
					const result = await run(settings);
					// The slow creation lands after the node gave up on it; counted only once it has.
					await until(() => sim.server.log.filter(carries(10)).every((req) => req.status !== undefined));
					return result;
				},
				failing: range(10, 20),
				maybeApplied: range(10, 20),
				applied: () => createdPerItem(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ sent: true, mayHaveBeenApplied: true });
					expect((json.details as IDataObject).batchId).toBeUndefined();
				},
			};
		}
		case 'malformed-body': {
			const items = contacts(20);
			sim.server.faults.failNext(1, { status: 400, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>Bad Request</h1></body></html>', match: isCreate });
			return {
				...base,
				items,
				run: submit(items, { batchSize: 10, maxBatchesInFlight: 1 }),
				failing: range(0, 10),
				applied: () => createdPerItem(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ httpCode: 400 });
					expect(String(json.error)).not.toMatch(/<html|\[object Object\]/i);
				},
			};
		}
		case 'partial-results': {
			// Results in another order; every fifth contact refused for a field the char type lacks; one
			// result missing from a Complete batch (processed, so it may have been created).
			const items = contacts(30).map((item, n) => (n % 5 === 4 ? { ...item, characteristics: { first_name: `First${n}`, shoe_size: 42 } } : item));
			sim.settings.fields = { [String(CONTACT)]: ['first_name', 'last_name'] };
			sim.shuffleResults(5);
			sim.omitResultsWhere((record) => record.title === 'Contact 17');
			const refused = range(0, 30).filter((n) => n % 5 === 4);
			return {
				...base,
				items,
				run: submit(items, { batchSize: 10, maxBatchesInFlight: 2 }),
				failing: [...refused, 17].sort((a, b) => a - b),
				maybeApplied: [17],
				applied: () => createdPerItem(sim, items),
				failedItem: (json, index) => {
					expect(json.details).toMatchObject({ sent: true, batchId: expect.any(Number) as unknown });
					if (index !== 17) expect(String(json.error)).toContain('shoe_size');
				},
			};
		}
		case 'unknown-id': {
			// Update of contacts 1..20, one of them not in Rightsline: only that item fails.
			const items = Array.from({ length: 20 }, (_, n) => ({ id: n === 7 ? 999_999 : n + 1, title: `Renamed ${n}` }));
			sim.seedRecords(CONTACT, range(1, 21).map((id) => ({ id })));
			return {
				...base,
				items,
				run: submit(items, { batchSize: 10, maxBatchesInFlight: 2 }, { method: 'PUT' }),
				failing: [7],
				applied: () => updatesPerItem(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ sent: true, mayHaveBeenApplied: false, httpCode: 404 });
					expect(String(json.error)).toContain('999999');
				},
			};
		}
		case 'invalid-input': {
			const items = contacts(20);
			items[3] = { title: 'Contact 3', characteristics: {} };
			items[12] = { ...contact(12), template: { templateId: 'first' } };
			return {
				...base,
				items,
				run: submit(items, { batchSize: 10 }),
				failing: [3, 12],
				applied: () => createdPerItem(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ sent: false, mayHaveBeenApplied: false }),
			};
		}
	}
}

export const rightslineAdapter: NodeAdapter = { name: 'Rightsline', stage: scenario };
