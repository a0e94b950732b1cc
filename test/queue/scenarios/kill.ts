import { postJson, sleep, waitFor, workerOf, type QueueContext } from '../lib/context';
import { failedItems, nodeItems } from '../lib/run-data';
import { bigVbaRecords } from '../lib/workflows';

const RECORDS = 20_000;
const WORKFLOW = 'q-big-vba';

/**
 * A worker SIGKILLed while it upserts 20,000 VBA records (batches of 100): what n8n does with the
 * execution and what the user sees, then the same records sent again. VBAPI's batch PUT is an
 * upsert of the same values, so the records the killed run had sent are written again, unchanged,
 * and none is stored twice.
 */
export async function killScenario(context: QueueContext): Promise<void> {
	const problems: string[] = [];
	const records = bigVbaRecords(RECORDS);
	const before = (await context.sims.stats()).vba;
	const known = new Set((await context.db.executions(WORKFLOW)).map((execution) => execution.id));
	const first = await postJson(`${context.main.url}/webhook/${WORKFLOW}`, { records });
	if (first.status !== 200) problems.push(`the first call answered ${first.status}`);
	const execution = await waitFor('the big run on a worker', async () => (await context.db.executions(WORKFLOW)).find((candidate) => !known.has(candidate.id)), 60_000);
	const ownerName = await waitFor('a worker taking the big run', async () => workerOf(context).get(execution.id), 60_000);
	const owner = context.workers.find((worker) => worker.name === ownerName);
	// Killed once a good part has been sent: well into the run, far from its end.
	await waitFor('40 batches at the simulator', async () => {
		const now = (await context.sims.stats()).vba;
		return (now.byMethod.PUT ?? 0) - (before.byMethod.PUT ?? 0) >= 40 ? true : undefined;
	}, 120_000);
	owner?.killHard();
	const atKill = (await context.sims.stats()).vba;
	const sentBeforeKill = new Set(atKill.writes.slice(before.writes.length));

	// What the user sees: the execution's status in the list, over the next 2 minutes: Bull fails the stalled job
	// (its check runs every 30 s) and main's queue recovery, every minute here, marks the execution.
	const seen: string[] = [];
	for (let waited = 0; waited <= 120; waited += 15) {
		const status = (await context.db.execution(execution.id))?.status ?? 'gone';
		if (!seen[seen.length - 1]?.endsWith(` ${status}`)) seen.push(`${waited} s: ${status}`);
		if (status !== 'running' && status !== 'new') break;
		await sleep(15_000);
	}
	const killedRun = await context.db.execution(execution.id);

	// The user runs it again (the same records to the same webhook); the other worker takes it.
	const again = new Set([...known, execution.id]);
	const second = await postJson(`${context.main.url}/webhook/${WORKFLOW}`, { records });
	if (second.status !== 200) problems.push(`the re-run call answered ${second.status}`);
	const rerun = await waitFor(
		'the re-run to finish',
		async () => (await context.db.executions(WORKFLOW)).find((candidate) => !again.has(candidate.id) && candidate.stoppedAt),
		240_000,
	);
	const after = (await context.sims.stats()).vba;
	const writes = after.writes.slice(before.writes.length).filter((key) => key.startsWith('BIG-'));
	const counts = new Map<string, number>();
	for (const key of writes) counts.set(key, (counts.get(key) ?? 0) + 1);
	const twice = [...counts].filter(([, count]) => count === 2).map(([key]) => key);
	const more = [...counts].filter(([, count]) => count > 2).length;
	if (rerun.status !== 'success') problems.push(`the re-run is ${rerun.status}`);
	const items = nodeItems(await context.db.runData(rerun.id), context.examples.get('vba')?.packageNodes[0].name ?? '');
	if (!items || items.inputs !== RECORDS || items.outputs.flat().length !== RECORDS || failedItems(items)) problems.push(`the re-run's node: ${items?.inputs ?? 0} in, ${items?.outputs.flat().length ?? 0} out, ${items ? failedItems(items) : 0} failed`);
	if (counts.size !== RECORDS) problems.push(`${counts.size} distinct records at the server, expected ${RECORDS}`);
	if (more) problems.push(`${more} records written more than twice`);
	const unexplained = twice.filter((key) => !sentBeforeKill.has(key) && !atKill.writes.includes(key));
	if (unexplained.length) problems.push(`${unexplained.length} records written twice that the killed run had not sent`);
	if (killedRun?.status === 'success') problems.push('the killed run is marked success');

	context.results.check(
		`vba: worker killed (SIGKILL) mid-run of ${RECORDS} records`,
		problems,
		`killed ${ownerName} after ${sentBeforeKill.size} records were accepted; the execution ${execution.id}: ${seen.join(', ')} (then ${killedRun?.status ?? 'gone'}); ` +
			`re-run ${rerun.id} on ${workerOf(context).get(rerun.id) ?? 'no worker'}: ${rerun.status}, ${items?.outputs.flat().length ?? 0} out; ` +
			`${counts.size} records at the server, ${twice.length} written twice (all sent before the kill, same values: idempotent upsert), 0 stored twice`,
	);
}
