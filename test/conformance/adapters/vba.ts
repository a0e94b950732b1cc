import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest } from '../../simulators/base';
import { VBA_SIM_DEFAULTS, type VbaSimulator } from '../../simulators/vba';
import { runUpsert, startVbaSimulator, vbaCredentialsHelper } from '../../vba/vba-fixture';
import { PROBE_FROM } from '../../../nodes/VbaBatchUpsert/helpers/plan-batches';
import type { NodeAdapter, Scenario } from '../adapter';
import type { FaultId } from '../faults';

const DB = VBA_SIM_DEFAULTS.database;
const JOBS = '/jobs-batch';
const ATTACHMENTS = '/case-attachments-batch';

/**
 * Batches just under the size from which VBA sends the run's first record ahead alone (planBatches), so
 * the fault that meets the first request meets a whole batch.
 */
const WHOLE_FIRST = PROBE_FROM - 1;

const jobs = (count: number): IDataObject[] => Array.from({ length: count }, (_, n) => ({ job_ID: `C-${n}`, description: `job ${n}` }));
const attachments = (count: number): IDataObject[] =>
	Array.from({ length: count }, (_, n) => ({ caseAttachment_Key: 0, case_Key: 3, comment: `scan ${n}` }));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, n) => from + n);

const isPut = (req: RecordedRequest) => req.method === 'PUT';
const isLogin = (req: RecordedRequest) => req.path.endsWith('/user-authentication');

/** Per job, how many batches the server answered with its per-record results (each one applied it). */
function jobWrites(sim: VbaSimulator, items: IDataObject[]): number[] {
	const counts = new Map<string, number>();
	for (const req of sim.server.log) {
		if (!isPut(req) || req.status !== 207 || !Array.isArray(req.body)) continue;
		for (const record of req.body as IDataObject[]) counts.set(String(record.job_ID), (counts.get(String(record.job_ID)) ?? 0) + 1);
	}
	return items.map((item) => counts.get(String(item.job_ID)) ?? 0);
}

/** Per attachment, how many records the server stored for it (key 0 creates a new one each time). */
function attachmentWrites(sim: VbaSimulator, items: IDataObject[]): number[] {
	const stored = sim.store(DB, ATTACHMENTS);
	return items.map((item) => stored.filter((record) => record.comment === item.comment).length);
}

async function scenario(fault: FaultId): Promise<Scenario | { notApplicable: string }> {
	const sim = await startVbaSimulator();
	const close = async () => await sim.stop();
	const logins = () => sim.server.log.filter(isLogin).length;
	const base = { close, logins, maxLogins: 1 };
	const upsert = (items: IDataObject[], entity: string, options: IDataObject, password?: string) => (settings: Parameters<Scenario['run']>[0]) =>
		runUpsert({
			sim,
			entity,
			items,
			options,
			settings,
			credentialsHelper: password === undefined ? undefined : vbaCredentialsHelper(sim, { password }),
		});

	switch (fault) {
		case 'wrong-credential': {
			const items = jobs(200);
			return { ...base, items, run: upsert(items, JOBS, { batchSize: 20, concurrency: 5 }, 'wrong'), failing: range(0, 200), applied: () => jobWrites(sim, items), failedItem: (json) => expect(json.details).toMatchObject({ sent: false }) };
		}
		case 'token-expired': {
			const items = jobs(200);
			let puts = 0;
			sim.server.use((req) => {
				if (isPut(req) && ++puts === 6) sim.server.tokens.expireAll();
				return undefined;
			});
			// n8n refreshes per request (one 401, one preAuthentication, one retry): at most one login per lane.
			return { ...base, maxLogins: 1 + 5, items, run: upsert(items, JOBS, { batchSize: 10, concurrency: 5 }), failing: [], applied: () => jobWrites(sim, items) };
		}
		case 'throttled': {
			const items = jobs(100);
			sim.server.faults.failNext(6, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' }, match: isPut });
			return { ...base, items, run: upsert(items, JOBS, { batchSize: 10, concurrency: 5 }), failing: [], applied: () => jobWrites(sim, items) };
		}
		case 'server-error': {
			// Four 500s in a row exhaust the retries of the first batch (sent alone); the rest succeed.
			const items = jobs(WHOLE_FIRST * 4);
			sim.server.faults.failNext(4, { status: 500, body: { message: 'boom' }, match: isPut });
			return {
				...base,
				items,
				run: upsert(items, JOBS, { batchSize: WHOLE_FIRST, concurrency: 2 }),
				failing: range(0, WHOLE_FIRST),
				maybeApplied: range(0, WHOLE_FIRST),
				applied: () => jobWrites(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ httpCode: 500, mayHaveBeenApplied: true }),
			};
		}
		case 'dropped-after-write': {
			// Key 0 asks VBAPI to create: the batch whose answer was lost must not be sent again.
			const items = attachments(WHOLE_FIRST * 3);
			sim.server.faults.dropNext(1, { afterHandling: true, match: isPut });
			return {
				...base,
				items,
				run: upsert(items, ATTACHMENTS, { batchSize: WHOLE_FIRST, concurrency: 2 }),
				failing: range(0, WHOLE_FIRST),
				maybeApplied: range(0, WHOLE_FIRST),
				applied: () => attachmentWrites(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ sent: true, mayHaveBeenApplied: true });
					expect(String(json.error)).toMatch(/^VBAPI may have saved this/);
				},
			};
		}
		case 'timeout': {
			// A create batch that outlives the timeout may still be applied: it is not sent again.
			const items = attachments(WHOLE_FIRST * 2);
			sim.server.faults.delayNext(1, 3_000, { match: isPut });
			return {
				...base,
				items,
				run: upsert(items, ATTACHMENTS, { batchSize: WHOLE_FIRST, concurrency: 1, timeoutSeconds: 1 }),
				failing: range(0, WHOLE_FIRST),
				maybeApplied: range(0, WHOLE_FIRST),
				applied: () => attachmentWrites(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ mayHaveBeenApplied: true }),
			};
		}
		case 'malformed-body': {
			const items = jobs(WHOLE_FIRST * 2);
			sim.server.faults.failNext(1, { status: 400, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>Bad Request</h1></body></html>', match: isPut });
			return {
				...base,
				items,
				run: upsert(items, JOBS, { batchSize: WHOLE_FIRST, concurrency: 1 }),
				failing: range(0, WHOLE_FIRST),
				applied: () => jobWrites(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ httpCode: 400 });
					expect(String(json.error)).not.toMatch(/<html|\[object Object\]/i);
				},
			};
		}
		case 'partial-results': {
			// Shuffled answers, and the server refusing every fifth record of a batch with its own status.
			const items = jobs(WHOLE_FIRST * 3);
			sim.shuffleResults(5);
			sim.failRecordsWhere((_record, index) => index % 5 === 4);
			const refused = range(0, WHOLE_FIRST * 3).filter((n) => n % WHOLE_FIRST === 4);
			return {
				...base,
				items,
				run: upsert(items, JOBS, { batchSize: WHOLE_FIRST, concurrency: 2 }),
				failing: refused,
				applied: () => {
					const stored = new Set(sim.store(DB, JOBS).map((record) => record.job_ID));
					return items.map((item) => (stored.has(item.job_ID) ? 1 : 0));
				},
				failedItem: (json) => expect(json.details).toMatchObject({ sent: true }),
			};
		}
		case 'unknown-id':
			return { notApplicable: 'VBAPI upserts: an unknown key creates the record' };
		case 'invalid-input': {
			const items = jobs(20);
			items[3] = { description: 'no key' };
			items[12] = { job_ID: 'C-12', description: 'x'.repeat(5000) };
			return {
				...base,
				items,
				run: upsert(items, JOBS, { batchSize: 10 }),
				failing: [3, 12],
				applied: () => jobWrites(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ sent: false, mayHaveBeenApplied: false }),
			};
		}
	}
}

export const vbaAdapter: NodeAdapter = { name: 'VBA', stage: scenario };
