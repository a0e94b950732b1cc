import type { IDataObject } from 'n8n-workflow';

import type { NodeSettings } from '../../harness';
import type { RecordedRequest } from '../../simulators/base';
import { logins, olcCredentialsHelper, runJobNode } from '../../olconnect/olconnect-fixture';
import { createOlConnectSimulator, manyJobs, type NameValue, type OlConnectSimulator, type OlConnectSimulatorOptions } from '../../simulators/olconnect';
import type { NodeAdapter, NotApplicable, Scenario } from '../adapter';
import type { FaultId } from '../faults';

const FIRST_ID = 100_000;
const UNKNOWN_ID = 99;

/** Rows for Replace All from All Input Fields: each job ends up with one property, `status`, unique to its row. */
const rows = (count: number): IDataObject[] => Array.from({ length: count }, (_, n) => ({ jobId: FIRST_ID + n, status: `mailed-${n}` }));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, n) => from + n);

const isPut = (req: RecordedRequest) => req.method === 'PUT';
const putFor = (jobId: number) => (req: RecordedRequest) => isPut(req) && req.path.endsWith(`/jobs/${jobId}/properties`);

/**
 * Both writes replace a job's whole list, so a repeat is harmless and the log cannot count them:
 * a job counts as applied once when the server's store holds exactly the list its row sent (the
 * seeded jobs hold other values, so an unapplied write counts 0).
 */
function appliedFromStore(sim: OlConnectSimulator, items: IDataObject[]): number[] {
	return items.map((item) => {
		const job = sim.jobs.get(Number(item.jobId));
		const sent: NameValue[] = [{ name: 'status', value: String(item.status) }];
		return job !== undefined && JSON.stringify(job.properties) === JSON.stringify(sent) ? 1 : 0;
	});
}

async function scenario(fault: FaultId): Promise<Scenario | NotApplicable> {
	const start = (options: OlConnectSimulatorOptions = {}) => createOlConnectSimulator({ jobs: manyJobs(200, FIRST_ID), ...options });
	const sim = await start(fault === 'partial-results' ? { errorStyle: 'legacy', manyUpdateAtomic: false } : {});
	const close = async () => await sim.stop();
	const base = { close, logins: () => logins(sim).length, maxLogins: 1 };
	const update =
		(items: IDataObject[], options: IDataObject, password?: string) =>
		async (settings: NodeSettings) =>
			await runJobNode({
				sim,
				operation: 'updateProperties',
				items,
				parameters: { updateMode: 'replace', propertiesSource: 'fields', options },
				credentialsHelper: olcCredentialsHelper(sim, 'login', password === undefined ? {} : { password }),
				settings,
			});
	const updateMany = (items: IDataObject[], options: IDataObject) => async (settings: NodeSettings) =>
		await runJobNode({
			sim,
			operation: 'updateManyProperties',
			items,
			parameters: { updateMode: 'replace', propertiesSource: 'fields', options },
			settings,
		});

	switch (fault) {
		case 'wrong-credential': {
			const items = rows(24);
			return {
				...base,
				items,
				run: update(items, { concurrency: 4 }, 'wrong'),
				failing: range(0, 24),
				applied: () => appliedFromStore(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ sent: false }),
			};
		}
		case 'token-expired': {
			const items = rows(40);
			let puts = 0;
			sim.server.use((req) => {
				if (isPut(req) && ++puts === 6) sim.expireSessions();
				return undefined;
			});
			// n8n renews inside each request (one 401, one login, one repeat): at most one login per lane.
			return { ...base, maxLogins: 1 + 5, items, run: update(items, { concurrency: 5 }), failing: [], applied: () => appliedFromStore(sim, items) };
		}
		case 'throttled': {
			const items = rows(30);
			sim.server.faults.failNext(6, {
				status: 429,
				headers: { 'retry-after': '1' },
				body: { error: { status: 429, message: 'Too many requests' } },
				match: isPut,
			});
			return { ...base, items, run: update(items, { concurrency: 5 }), failing: [], applied: () => appliedFromStore(sim, items) };
		}
		case 'server-error': {
			// OL Connect's own 500 means "failed to process" (usually a missing job), so the node does not
			// repeat it: job 3 fails once, may have been applied; the others succeed.
			const items = rows(12);
			sim.server.faults.failNext(10, { status: 500, body: { error: { status: 500, message: 'boom' } }, match: putFor(FIRST_ID + 3) });
			return {
				...base,
				items,
				run: update(items, { concurrency: 2 }),
				failing: [3],
				maybeApplied: [3],
				applied: () => appliedFromStore(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ httpCode: 500 }),
			};
		}
		case 'dropped-after-write': {
			// OL Connect has no create: the lost answer belongs to a replace, which may be sent again.
			const items = rows(12);
			sim.server.faults.dropNext(1, { afterHandling: true, match: putFor(FIRST_ID + 5) });
			return { ...base, items, run: update(items, { concurrency: 2 }), failing: [], applied: () => appliedFromStore(sim, items) };
		}
		case 'timeout': {
			const items = rows(6);
			sim.server.faults.delayNext(1, 3_000, { match: putFor(FIRST_ID + 2) });
			return {
				...base,
				items,
				run: update(items, { concurrency: 2, timeoutSeconds: 1 }),
				failing: [],
				applied: () => appliedFromStore(sim, items),
			};
		}
		case 'malformed-body': {
			const items = rows(8);
			sim.server.faults.failNext(1, {
				status: 400,
				headers: { 'content-type': 'text/html' },
				body: '<html><body><h1>Bad Request</h1></body></html>',
				match: putFor(FIRST_ID + 4),
			});
			return {
				...base,
				items,
				run: update(items, { concurrency: 2 }),
				failing: [4],
				applied: () => appliedFromStore(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ httpCode: 400 });
					expect(String(json.error)).not.toMatch(/<html|\[object Object\]/i);
				},
			};
		}
		case 'partial-results': {
			// Neither write answers per job (200 with no content, or `true`), so nothing can come back
			// shuffled. The partial case that exists: an older server applies the jobs of a many-jobs
			// request before a missing one and answers a bare 500 naming nothing.
			const items = rows(64);
			items[5] = { jobId: 5, status: 'mailed-5' };
			items[50] = { jobId: 50, status: 'mailed-50' };
			return {
				...base,
				items,
				run: updateMany(items, { chunkSize: 64 }),
				failing: [5, 50],
				applied: () => appliedFromStore(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ sent: true }),
			};
		}
		case 'unknown-id': {
			const items = rows(30);
			items[7] = { jobId: UNKNOWN_ID, status: 'mailed-7' };
			return {
				...base,
				items,
				run: updateMany(items, { chunkSize: 100 }),
				failing: [7],
				applied: () => appliedFromStore(sim, items),
				failedItem: (json) => {
					expect(json.details).toMatchObject({ sent: true, httpCode: 404 });
					expect(String(json.error)).toContain(`job ${UNKNOWN_ID}`);
				},
			};
		}
		case 'invalid-input': {
			const items = rows(10);
			items[2] = { jobId: 'abc', status: 'mailed-2' };
			items[6] = { status: 'mailed-6' };
			return {
				...base,
				items,
				run: update(items, { concurrency: 2 }),
				failing: [2, 6],
				applied: () => appliedFromStore(sim, items),
				failedItem: (json) => expect(json.details).toMatchObject({ sent: false, mayHaveBeenApplied: false }),
			};
		}
	}
}

export const olConnectAdapter: NodeAdapter = { name: 'OL Connect', stage: scenario };
