import { failedItems, nodeItems } from '../lib/run-data';
import { LOAD, type VendorStats } from '../lib/sim-messages';
import { postJson, waitFor, workerOf, type QueueContext } from '../lib/context';
import { recordsFor } from '../lib/workflows';

/** Least seconds a token bucket lets `requests` through: the burst at once, the rest at the rate. */
function leastSeconds(requests: number, rate: number | undefined, burst: number): number {
	return rate ? Math.max(0, (requests - burst) / rate) : 0;
}

/** The limit each simulator enforces for this test, as the vendor documents it (BigChange: the example's pace). */
const LIMITS: Record<string, { rate?: number; burst: number; writeMethod: string }> = {
	vba: { rate: 25, burst: 50, writeMethod: 'PUT' },
	bigchange: { rate: LOAD.bigchangeRate, burst: LOAD.bigchangeRate, writeMethod: 'PATCH' },
	olconnect: { rate: undefined, burst: 0, writeMethod: 'PUT' },
	rightsline: { rate: 40, burst: 40, writeMethod: 'POST' },
};

function delta(before: VendorStats, after: VendorStats) {
	const requests = after.requests - before.requests;
	const rateLimited = (after.byStatus['429'] ?? 0) - (before.byStatus['429'] ?? 0);
	return { requests, rateLimited, logins: after.logins - before.logins, writes: after.writes.slice(before.writes.length) };
}

/**
 * 20 calls at once to the vendor's published webhook: every caller gets a line per record back,
 * the executions spread over both workers, each record reaches the vendor once, the logins stay
 * few, and the vendor's limit holds across the two workers.
 */
export async function loadScenario(context: QueueContext, vendor: string): Promise<void> {
	const label = `${vendor}: ${LOAD.calls} webhook calls at once`;
	const problems: string[] = [];
	const workflowId = `q-load-${vendor}`;
	const known = new Set((await context.db.executions(workflowId)).map((execution) => execution.id));
	const before = (await context.sims.stats())[vendor];
	const start = performance.now();
	const calls = Array.from({ length: LOAD.calls }, (_, call) => recordsFor(vendor, call));
	const answers = await Promise.all(calls.map(async (records) => await postJson(`${context.main.url}/webhook/${workflowId}`, { records })));
	const seconds = (performance.now() - start) / 1000;
	const after = (await context.sims.stats())[vendor];
	const sent = calls.flat().length;

	answers.forEach((answer, call) => {
		const items = (answer.json as { items?: Array<{ ok: boolean; error: unknown }> }).items;
		if (answer.status !== 200 || !Array.isArray(items)) problems.push(`call ${call}: HTTP ${answer.status} ${JSON.stringify(answer.json).slice(0, 200)}`);
		else if (items.length !== calls[call].length) problems.push(`call ${call}: ${items.length} summary lines for ${calls[call].length} records`);
		else items.filter((item) => !item.ok).slice(0, 2).forEach((item) => problems.push(`call ${call}: a record failed: ${String(item.error)}`));
	});

	const executions = await waitFor(
		`${LOAD.calls} finished executions of ${workflowId}`,
		async () => {
			const list = (await context.db.executions(workflowId)).filter((execution) => !known.has(execution.id));
			return list.length >= LOAD.calls && list.every((execution) => execution.stoppedAt) ? list : undefined;
		},
		60_000,
	);
	const owner = workerOf(context);
	const perWorker = context.workers.map((worker) => `${worker.name} ${executions.filter((execution) => owner.get(execution.id) === worker.name).length}`);
	const onWorkers = executions.filter((execution) => owner.has(execution.id)).length;
	if (onWorkers !== executions.length) problems.push(`${executions.length - onWorkers} executions ran on no worker`);
	for (const worker of context.workers) {
		if (!executions.some((execution) => owner.get(execution.id) === worker.name)) problems.push(`${worker.name} ran none of the executions`);
	}
	for (const execution of executions) if (execution.status !== 'success') problems.push(`execution ${execution.id} is ${execution.status}`);

	let itemsIn = 0;
	let itemsOut = 0;
	let failed = 0;
	const nodeName = context.examples.get(vendor)?.packageNodes[0].name ?? '';
	for (const execution of executions) {
		const items = nodeItems(await context.db.runData(execution.id), nodeName);
		if (!items) {
			problems.push(`execution ${execution.id}: ${nodeName} did not run`);
			continue;
		}
		itemsIn += items.inputs;
		itemsOut += items.outputs.flat().length;
		failed += failedItems(items);
	}
	if (itemsIn !== sent || itemsOut !== sent) problems.push(`${sent} records sent, ${itemsIn} items in, ${itemsOut} out`);

	const { requests, rateLimited, logins, writes: all } = delta(before, after);
	// The schedule keeps firing meanwhile; its jobs are not this test's writes.
	const sentKeys = new Set(calls.flat().map((record) => String(record.job_ID ?? record.job ?? record.jobId ?? record.title)));
	const writes = all.filter((key) => sentKeys.has(key));
	const counts = new Map<string, number>();
	for (const key of writes) counts.set(key, (counts.get(key) ?? 0) + 1);
	const duplicates = [...counts.values()].filter((count) => count > 1).length;
	if (writes.length !== sent) problems.push(`${writes.length} writes at the server for ${sent} records`);
	if (duplicates) problems.push(`${duplicates} records written more than once`);
	if (counts.size !== sent) problems.push(`${counts.size} distinct records written of ${sent}`);
	// Each worker paces itself at the vendor's rate and a 429's Retry-After pauses only that worker, so
	// two of them keep meeting the limit's edge. A third of the requests is a storm and fails; above a
	// tenth is said in a note, as the README's figures are.
	if (rateLimited > Math.max(5, requests / 3)) problems.push(`${rateLimited} answers of 429 in ${requests} requests`);
	else if (rateLimited > requests / 10) context.results.note(`${vendor}: ${rateLimited} of ${requests} requests answered 429 across two workers (each worker paces itself at the vendor's limit)`);

	const limit = LIMITS[vendor];
	const writeRequests = (after.byMethod[limit.writeMethod] ?? 0) - (before.byMethod[limit.writeMethod] ?? 0);
	const least = leastSeconds(requests - rateLimited, limit.rate, limit.burst);
	context.results.check(
		label,
		problems,
		`executions ${perWorker.join(', ')}; items in ${itemsIn}, out ${itemsOut} (${failed} error); writes at the server ${writes.length} in ${writeRequests} ${limit.writeMethod}, duplicates ${duplicates}; logins/token requests ${logins}; 429 answers ${rateLimited} of ${requests} requests (${((100 * rateLimited) / Math.max(1, requests)).toFixed(0)}%); wall ${seconds.toFixed(1)} s vs least ${limit.rate ? `${least.toFixed(1)} s at ${limit.rate}/s, burst ${limit.burst}` : 'n/a (no published limit)'}`,
	);
}
