import type { QueueContext } from '../lib/context';
import { postJson, waitFor } from '../lib/context';
import { compareItems, nodeItems } from '../lib/run-data';

/**
 * Each example run twice from the same simulator state: in regular mode (`n8n execute`, in one
 * process) and in queue mode (its trigger a Webhook, the run on a worker). The package node's
 * items must be the same, output by output, item by item, field by field.
 */
export async function compareScenario(context: QueueContext): Promise<void> {
	const regular = context.n8n.regular();
	for (const [vendor, example] of context.examples) {
		const problems: string[] = [];
		const nodeName = example.packageNodes[0].name;
		await context.sims.reset(vendor);
		const reference = await regular.execute(example.id);
		const regularItems = nodeItems(reference.run?.data, nodeName);
		if (!regularItems) problems.push(`regular mode: no run of ${nodeName}: ${reference.output.stderr.trim().split('\n').slice(-3).join(' ')}`);

		await context.sims.reset(vendor);
		const workflowId = `q-ex-${vendor}`;
		const known = new Set((await context.db.executions(workflowId)).map((execution) => execution.id));
		const answer = await postJson(`${context.main.url}/webhook/${workflowId}`, {});
		if (answer.status !== 200) problems.push(`webhook answered ${answer.status}`);
		const execution = await waitFor(
			`the queued run of ${workflowId}`,
			async () => (await context.db.executions(workflowId)).find((candidate) => !known.has(candidate.id) && candidate.stoppedAt),
			60_000,
		);
		const queueItems = nodeItems(await context.db.runData(execution.id), nodeName);
		if (!queueItems) problems.push(`queue mode: no run of ${nodeName} in execution ${execution.id}`);
		if (regularItems && queueItems) problems.push(...compareItems(queueItems, regularItems));
		const shape = (items: typeof queueItems) => (items ? items.outputs.map((output) => output.length).join('/') : '-');
		context.results.check(
			`${example.file}: queue mode = regular mode`,
			problems,
			`${nodeName}: ${queueItems?.inputs ?? 0} in, outputs ${shape(queueItems)} (queue, execution ${execution.id}) vs ${shape(regularItems)} (regular)`,
		);
	}
	// The last reset left the simulators in their demo state; the kill scenario works on fresh job IDs.
}
