import type { IDataObject } from 'n8n-workflow';

import { bigChangeHelper, clientCredentials, jobParam, runJobs, UNPACED } from '../../bigchange/bigchange-fixture';
import type { RecordedRequest } from '../../simulators/base';
import { BIGCHANGE_SIM_DEFAULTS, CONTACT, createBigChangeSimulator, JOB_TYPE, TOKEN_PATH, type BigChangeSimulator } from '../../simulators/bigchange';
import type { NodeAdapter, NotApplicable, Scenario } from '../adapter';
import type { FaultId } from '../faults';

type Settings = Parameters<Scenario['run']>[0];

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, n) => from + n);
const isPatch = (req: RecordedRequest) => req.method === 'PATCH' && req.path.startsWith('/v1/jobs/');
const isPost = (req: RecordedRequest) => req.method === 'POST' && req.path === '/v1/jobs';
const isToken = (req: RecordedRequest) => req.path === TOKEN_PATH;
/** A create of one input item, recognised by the description the item gave it. */
const postOf = (items: IDataObject[], index: number) => (req: RecordedRequest) => isPost(req) && (req.body as IDataObject | undefined)?.description === items[index].text;
const patchOf = (items: IDataObject[], index: number) => (req: RecordedRequest) => isPatch(req) && req.path === `/v1/jobs/${String(items[index].job)}`;

/** Update items: each job gets a description of its own, so the store shows which updates landed. */
function updateItems(sim: BigChangeSimulator, count: number): IDataObject[] {
	return range(0, count).map((n) => ({ job: sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme, description: 'before' }), text: `done ${n}` }));
}

const createItems = (count: number): IDataObject[] => range(0, count).map((n) => ({ type: JOB_TYPE.repair, contact: CONTACT.acme, text: `new job ${n}` }));

/** A PATCH sets the same values however often it lands: the store shows 1 once it took effect. */
function updatesApplied(sim: BigChangeSimulator, items: IDataObject[]): number[] {
	return items.map((item) => (sim.job(Number(item.job))?.description === item.text ? 1 : 0));
}

/** Each POST that BigChange handled stored one more job: count the jobs with the item's description. */
function createsApplied(sim: BigChangeSimulator, items: IDataObject[]): number[] {
	const stored = sim.store.jobs(BIGCHANGE_SIM_DEFAULTS.customerId);
	return items.map((item) => [...stored.values()].filter((job) => job.description === item.text).length);
}

async function scenario(fault: FaultId): Promise<Scenario | NotApplicable> {
	const sim = await createBigChangeSimulator();
	const close = async () => await sim.stop();
	const logins = () => sim.server.log.filter(isToken).length;
	const base = { close, logins, maxLogins: 1 };
	const update = (items: IDataObject[], options: IDataObject = {}, credentials: IDataObject = {}) => (settings: Settings) =>
		runJobs({
			sim,
			parameters: { operation: 'update', jobId: jobParam('={{ $json.job }}'), updateFields: { description: '={{ $json.text }}' }, options: { ...UNPACED, ...options } },
			items,
			settings,
			credentialsHelper: bigChangeHelper(clientCredentials(sim, credentials)),
		});
	const create = (items: IDataObject[], options: IDataObject = {}) => (settings: Settings) =>
		runJobs({
			sim,
			parameters: {
				operation: 'create',
				typeId: '={{ $json.type }}',
				contactId: '={{ $json.contact }}',
				additionalFields: { description: '={{ $json.text }}' },
				options: { ...UNPACED, ...options },
			},
			items,
			settings,
		});

	switch (fault) {
		case 'wrong-credential': {
			// The token endpoint refuses the secret once; no item is sent and no other lane asks again.
			const items = updateItems(sim, 60);
			return {
				...base,
				items,
				run: update(items, { concurrency: 5 }, { clientSecret: 'wrong-secret' }),
				failing: range(0, 60),
				applied: () => updatesApplied(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ sent: false, mayHaveBeenApplied: false }),
			};
		}
		case 'token-expired': {
			const items = updateItems(sim, 60);
			let patches = 0;
			sim.server.use((req) => {
				if (isPatch(req) && ++patches === 11) sim.server.tokens.expireAll();
				return undefined;
			});
			// n8n refreshes per request (one 401, one preAuthentication, one retry): at most one token request per lane.
			return { ...base, maxLogins: 1 + 5, items, run: update(items, { concurrency: 5 }), failing: [], applied: () => updatesApplied(sim, items) };
		}
		case 'throttled': {
			// Six lanes' worth of 429s once the run is under way (not the first item, which goes alone).
			const items = updateItems(sim, 30);
			const storm = new Set(range(5, 11).map((n) => `/v1/jobs/${String(items[n].job)}`));
			sim.server.faults.failNext(6, {
				status: 429,
				headers: { 'retry-after': '1', 'content-type': 'application/problem+json' },
				body: { title: 'Too Many Requests', status: 429 },
				match: (req) => isPatch(req) && storm.has(req.path),
			});
			return { ...base, items, run: update(items, { concurrency: 5 }), failing: [], applied: () => updatesApplied(sim, items) };
		}
		case 'server-error': {
			// Four 500s for one job exhaust its retries; the others succeed.
			const items = updateItems(sim, 20);
			sim.server.faults.failNext(4, { status: 500, headers: { 'content-type': 'application/problem+json' }, body: { title: 'Internal Server Error', status: 500, detail: 'boom' }, match: patchOf(items, 3) });
			return {
				...base,
				items,
				run: update(items, { concurrency: 3 }),
				failing: [3],
				maybeApplied: [3],
				applied: () => updatesApplied(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ httpCode: 500, sent: true }),
			};
		}
		case 'dropped-after-write': {
			// POST creates: the job whose answer was lost must not be created a second time.
			const items = createItems(10);
			sim.server.faults.dropNext(1, { afterHandling: true, match: postOf(items, 2) });
			return {
				...base,
				items,
				run: create(items, { concurrency: 2 }),
				failing: [2],
				maybeApplied: [2],
				applied: () => createsApplied(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ sent: true, mayHaveBeenApplied: true });
					expect(String(json.error)).toMatch(/^BigChange may have saved this job/);
				},
			};
		}
		case 'timeout': {
			// A create that outlives the timeout may still be applied: it is not sent again.
			const items = createItems(6);
			sim.server.faults.delayNext(1, 3_000, { match: postOf(items, 1) });
			return {
				...base,
				items,
				run: create(items, { concurrency: 2, timeoutSeconds: 1 }),
				failing: [1],
				maybeApplied: [1],
				applied: () => createsApplied(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ sent: true, mayHaveBeenApplied: true }),
			};
		}
		case 'malformed-body': {
			const items = updateItems(sim, 10);
			sim.server.faults.failNext(1, { status: 400, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>Bad Request</h1></body></html>', match: patchOf(items, 4) });
			return {
				...base,
				items,
				run: update(items, { concurrency: 2 }),
				failing: [4],
				applied: () => updatesApplied(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ httpCode: 400 });
					expect(String(json.error)).not.toMatch(/<html|\[object Object\]/i);
				},
			};
		}
		case 'partial-results': {
			// One answer per item, so "partial" is BigChange refusing some items with its 422 field
			// list while the rest land, and "shuffled" is answers arriving out of order (slow first items).
			const items = updateItems(sim, 12);
			const needsOrderNumber = [2, 9];
			const started = [5];
			for (const n of needsOrderNumber) items[n].job = sim.seedJob({ typeId: JOB_TYPE.installation, contactId: CONTACT.acme, description: 'before' });
			for (const n of started) sim.setJobStatus(Number(items[n].job), 'started');
			sim.server.faults.delayNext(1, 300, { match: patchOf(items, 4) });
			sim.server.faults.delayNext(1, 200, { match: patchOf(items, 2) });
			return {
				...base,
				items,
				run: update(items, { concurrency: 4 }),
				failing: [...needsOrderNumber, ...started],
				applied: () => updatesApplied(sim, items),
				failedItem: (json, index) => {
					expect(json.details).toMatchObject({ sent: true, httpCode: 422 });
					expect(String(json.error)).toMatch(started.includes(index) ? /already started/ : /orderNumber: An order number is required/);
				},
			};
		}
		case 'unknown-id': {
			const items = updateItems(sim, 10);
			items[6] = { job: 987_654, text: 'done 6' };
			return {
				...base,
				items,
				run: update(items, { concurrency: 3 }),
				failing: [6],
				applied: () => updatesApplied(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ sent: true, httpCode: 404 });
					expect(String(json.error)).toContain('Job 987654 was not found in BigChange');
				},
			};
		}
		case 'invalid-input': {
			// Refused before sending: a job ID that is not a number, and one with nothing usable at all.
			const items = updateItems(sim, 12);
			items[3] = { job: 'job-three', text: 'done 3' };
			items[8] = { text: 'done 8' };
			return {
				...base,
				items,
				run: update(items, { concurrency: 3 }),
				failing: [3, 8],
				applied: () => updatesApplied(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ sent: false, mayHaveBeenApplied: false }),
			};
		}
	}
}

export const bigChangeAdapter: NodeAdapter = { name: 'BigChange', stage: scenario };
