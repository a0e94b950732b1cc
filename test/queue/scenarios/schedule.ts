import { waitFor, workerOf, type QueueContext } from '../lib/context';
import { failedItems, nodeItems } from '../lib/run-data';

export const SCHEDULE_SECONDS = 10;

/**
 * The published schedule fires on main's clock and runs on a worker: two runs, each upserting one
 * job named after its execution, both successful, each job at the simulator once.
 */
export async function scheduleScenario(context: QueueContext): Promise<void> {
	const problems: string[] = [];
	const executions = await waitFor(
		'two finished runs of the schedule',
		async () => {
			const list = (await context.db.executions('q-schedule-vba')).filter((execution) => execution.stoppedAt);
			return list.length >= 2 ? list.slice(0, 2) : undefined;
		},
		(SCHEDULE_SECONDS * 3 + 30) * 1000,
	);
	const owner = workerOf(context);
	const writes = (await context.sims.stats()).vba.writes;
	const nodeName = context.examples.get('vba')?.packageNodes[0].name ?? '';
	const lines: string[] = [];
	for (const execution of executions) {
		if (execution.status !== 'success') problems.push(`execution ${execution.id} is ${execution.status}`);
		if (execution.mode !== 'trigger') problems.push(`execution ${execution.id} ran in mode ${execution.mode}`);
		const worker = owner.get(execution.id);
		if (!worker) problems.push(`execution ${execution.id} ran on no worker`);
		const items = nodeItems(await context.db.runData(execution.id), nodeName);
		if (!items || items.inputs !== 1 || items.outputs.flat().length !== 1 || failedItems(items)) problems.push(`execution ${execution.id}: ${JSON.stringify(items?.outputs).slice(0, 300)}`);
		const times = writes.filter((key) => key === `SCHED-${execution.id}`).length;
		if (times !== 1) problems.push(`job SCHED-${execution.id} written ${times} times`);
		lines.push(`execution ${execution.id} on ${worker ?? 'no worker'}, 1 in, ${items?.outputs.flat().length ?? 0} out, SCHED-${execution.id} written ${times}×`);
	}
	context.results.check(`vba: Schedule Trigger every ${SCHEDULE_SECONDS} s`, problems, lines.join('; '));
}
