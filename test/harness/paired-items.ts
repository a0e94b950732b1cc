import type { INodeExecutionData } from 'n8n-workflow';

/** The input index an output item pairs back to (-1 when it carries no pairing). */
export function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'object' && paired !== null ? paired.item : -1;
}

/** Every output item, main and error output together, by the input index it pairs to. */
export function groupByInput(outputs: ReadonlyArray<readonly INodeExecutionData[]>): Map<number, INodeExecutionData[]> {
	const byInput = new Map<number, INodeExecutionData[]>();
	for (const item of outputs.flat()) {
		const index = pairedIndex(item);
		const group = byInput.get(index);
		if (group) group.push(item);
		else byInput.set(index, [item]);
	}
	return byInput;
}

/** The nodes' promise: each of `count` input items comes out exactly once, on one output or the other. */
export function expectEachItemOnce(run: { byInput: ReadonlyMap<number, readonly INodeExecutionData[]> }, count: number): void {
	expect([...run.byInput.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, n) => n));
	for (const [index, outputs] of run.byInput) {
		if (outputs.length !== 1) throw new Error(`Input item ${index} came out ${outputs.length} times`);
	}
}
