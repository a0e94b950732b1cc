import type { INodeExecutionData, IRun } from 'n8n-workflow';

/** A node's items as one stored run shows them: how many came in, and each output's items. */
export interface NodeItems {
	inputs: number;
	outputs: INodeExecutionData[][];
	error?: string;
}

export function nodeItems(data: IRun['data'] | undefined, name: string): NodeItems | undefined {
	const task = data?.resultData.runData[name]?.[0];
	if (!data || !task) return undefined;
	let inputs = 0;
	for (const source of task.source ?? []) {
		if (!source) continue;
		inputs += data.resultData.runData[source.previousNode]?.[source.previousNodeRun ?? 0]?.data?.main?.[source.previousNodeOutput ?? 0]?.length ?? 0;
	}
	return { inputs, outputs: (task.data?.main ?? []).map((items) => items ?? []), error: task.error?.message };
}

export const failedItems = (items: NodeItems) => items.outputs.flat().filter((item) => item.json.error !== undefined).length;

/**
 * Differences between two runs of one node, item by item on each output: the JSON and the pairing.
 * Nothing is left out of the comparison; a difference names its output, item and field.
 */
export function compareItems(queue: NodeItems, regular: NodeItems): string[] {
	const problems: string[] = [];
	if (queue.inputs !== regular.inputs) problems.push(`${queue.inputs} items in (queue) vs ${regular.inputs} (regular)`);
	const outputs = Math.max(queue.outputs.length, regular.outputs.length);
	for (let output = 0; output < outputs; output++) {
		const a = queue.outputs[output] ?? [];
		const b = regular.outputs[output] ?? [];
		if (a.length !== b.length) problems.push(`output ${output}: ${a.length} items (queue) vs ${b.length} (regular)`);
		for (let index = 0; index < Math.min(a.length, b.length); index++) {
			const found = differences(a[index].json, b[index].json);
			if (found.length) problems.push(`output ${output} item ${index}: ${found.slice(0, 5).join('; ')}`);
			if (JSON.stringify(a[index].pairedItem) !== JSON.stringify(b[index].pairedItem)) problems.push(`output ${output} item ${index}: paired differently`);
		}
	}
	return problems;
}

const SERVER_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Leaf paths where two JSON values differ (timestamps the server stamped aside), with both values. */
function differences(a: unknown, b: unknown, path = ''): string[] {
	if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
	}
	if (JSON.stringify(a) === JSON.stringify(b)) return [];
	// The vendor's own clock (a record's createdDate): the runs happened seconds apart, nothing else may differ.
	if (typeof a === 'string' && typeof b === 'string' && SERVER_TIME.test(a) && SERVER_TIME.test(b)) return [];
	return [`${path}: ${JSON.stringify(a)} (queue) vs ${JSON.stringify(b)} (regular)`];
}
