import type { INodeExecutionData, IPairedItemData, IRun, ITaskData } from 'n8n-workflow';

import type { ExampleExpectation, SimulatorStats } from '../vendors';
import type { Example } from './examples';
import { N8N_VERSION } from './paths';

/**
 * Where an error-output item carries its facts: `details`, or `message` on n8n 1.x, which moves only
 * `{ error }` or `{ error, message }` to the error output (nodes/shared/error-routing.ts).
 */
const FACTS_KEY = N8N_VERSION.startsWith('1.') ? 'message' : 'details';

export interface RunVerdict {
	problems: string[];
	/** `VBA Batch Upsert: 4 in, 3 success, 1 error`, one part per package node. */
	counts: string;
}

function pairedIndexes(item: INodeExecutionData): number[] {
	const paired = item.pairedItem;
	if (paired === undefined) return [];
	const list: Array<number | IPairedItemData> = Array.isArray(paired) ? paired : [paired];
	return list.map((entry) => (typeof entry === 'number' ? entry : entry.item));
}

/** Items the node was handed: the outputs of the nodes its run lists as sources. */
function inputItems(run: IRun, task: ITaskData): INodeExecutionData[] {
	const items: INodeExecutionData[] = [];
	for (const source of task.source ?? []) {
		if (!source) continue;
		const previous = run.data.resultData.runData[source.previousNode]?.[source.previousNodeRun ?? 0];
		items.push(...(previous?.data?.main?.[source.previousNodeOutput ?? 0] ?? []));
	}
	return items;
}

/**
 * In the real app a failed item must keep its record: every field of its input item, `error` in
 * words and its details naming the item (n8n would reduce an item carrying `item.error` to its message).
 */
function recordKept(name: string, item: INodeExecutionData, input: INodeExecutionData | undefined, index: number, problems: string[]): void {
	const details = item.json[FACTS_KEY] as { item?: unknown } | undefined;
	if (typeof details !== 'object' || details === null || details.item !== index) {
		problems.push(`${name}: error item ${index} has no ${FACTS_KEY} naming it: ${JSON.stringify(item.json).slice(0, 300)}`);
	}
	for (const [key, value] of Object.entries(input?.json ?? {})) {
		if (key === 'error' || key === FACTS_KEY) continue;
		if (JSON.stringify(item.json[key]) !== JSON.stringify(value)) problems.push(`${name}: error item ${index} lost its input field "${key}"`);
	}
}

function errorMessage(item: INodeExecutionData): string {
	const text = item.json.error;
	return typeof text === 'string' ? text : JSON.stringify(text);
}

function checkNode(run: IRun, name: string, expectation: ExampleExpectation | undefined, problems: string[]): string {
	const task = run.data.resultData.runData[name]?.[0];
	if (!task) {
		problems.push(`${name} did not run`);
		return `${name}: did not run`;
	}
	if (task.error) problems.push(`${name} failed: ${task.error.message}${task.error.description ? ` (${task.error.description})` : ''}`);
	const given = inputItems(run, task);
	const inputs = given.length;
	const [success = [], errors = []] = task.data?.main ?? [];
	const outputs = [...(success ?? []).map((item) => ({ item, output: 'success' as const })), ...(errors ?? []).map((item) => ({ item, output: 'error' as const }))];

	// Every input item comes out exactly once, on one output or the other, paired back to itself.
	const seen = new Map<number, Array<'success' | 'error'>>();
	for (const { item, output } of outputs) {
		const indexes = pairedIndexes(item);
		if (indexes.length !== 1) problems.push(`${name}: an item on the ${output} output pairs to ${indexes.length ? indexes.join(', ') : 'nothing'}`);
		for (const index of indexes) seen.set(index, [...(seen.get(index) ?? []), output]);
	}
	for (let index = 0; index < inputs; index++) {
		const times = seen.get(index)?.length ?? 0;
		if (times !== 1) problems.push(`${name}: input item ${index} came out ${times} times`);
	}
	for (const index of seen.keys()) {
		if (index < 0 || index >= inputs) problems.push(`${name}: an output item pairs to ${index}, but only ${inputs} items came in`);
	}
	for (const { item } of outputs.filter((entry) => entry.output === 'error')) {
		const message = errorMessage(item);
		if (!message || message.includes('[object Object]')) problems.push(`${name}: an error item says nothing readable: ${message}`);
		const [index] = pairedIndexes(item);
		if (index !== undefined) recordKept(name, item, given[index], index, problems);
	}

	if (expectation) {
		if (expectation.outcomes.length !== inputs) problems.push(`${name}: expected ${expectation.outcomes.length} items in, got ${inputs}`);
		expectation.outcomes.forEach((expected, index) => {
			const actual = seen.get(index)?.[0];
			if (actual !== undefined && actual !== expected) problems.push(`${name}: item ${index} came out on ${actual}, expected ${expected}`);
		});
		for (const [index, text] of Object.entries(expectation.errorText ?? {})) {
			const item = (errors ?? []).find((candidate) => pairedIndexes(candidate).includes(Number(index)));
			const message = item ? errorMessage(item) : undefined;
			if (!message?.includes(text)) problems.push(`${name}: item ${index}'s error should say "${text}", it says ${JSON.stringify(message)}`);
		}
	}
	return `${name}: ${inputs} in, ${(success ?? []).length} success, ${(errors ?? []).length} error`;
}

/** Requests by method a simulator received between two stats readings. */
export function receivedBetween(before: SimulatorStats | undefined, after: SimulatorStats | undefined): Record<string, number> {
	const delta: Record<string, number> = {};
	for (const [method, count] of Object.entries(after?.byMethod ?? {})) {
		const added = count - (before?.byMethod[method] ?? 0);
		if (added) delta[method] = added;
	}
	return delta;
}

/**
 * Judges one `n8n execute` run of an example: the run succeeded, each package node handed every
 * input item back exactly once (success or error output, paired), error items are readable, no
 * secret shows in anything n8n printed, and the vendor's expectations for this example hold.
 */
export function checkRun(options: {
	example: Example;
	run: IRun | undefined;
	printed: string;
	expectations: Record<string, ExampleExpectation>;
	received: Record<string, number>;
	secrets: string[];
}): RunVerdict {
	const { example, run, expectations } = options;
	const problems: string[] = [];
	if (!run) return { problems: ['n8n printed no run JSON'], counts: '' };
	const error = run.data.resultData.error;
	if (error) problems.push(`the run failed: ${error.message}${error.description ? ` (${error.description})` : ''}`);
	if (run.status !== 'success') problems.push(`the run's status is ${run.status}`);
	if (example.packageNodes.length === 0) problems.push('the workflow has no node of this package');

	const expectation = expectations[example.file];
	const counts = example.packageNodes.map((node) => checkNode(run, node.name, expectation?.node === node.name ? expectation : undefined, problems));
	for (const [method, count] of Object.entries(expectation?.received ?? {})) {
		const got = options.received[method] ?? 0;
		if (got !== count) problems.push(`the simulator received ${got} ${method} request(s), expected ${count}`);
	}
	for (const secret of options.secrets) {
		if (options.printed.includes(secret)) problems.push('a credential secret appears in what n8n printed');
	}
	return { problems, counts: counts.join('; ') };
}
