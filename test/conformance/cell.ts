import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { NodeRunResult } from '../harness';
import type { Scenario } from './adapter';
import type { OnError } from './faults';

function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (typeof paired !== 'object' || paired === null) throw new Error(`an output item has no pairing: ${JSON.stringify(item.json).slice(0, 200)}`);
	return paired.item;
}

/** A failed item keeps its record: every input field, plus `error` in words and `details` to route on. */
function expectFailedItem(scenario: Scenario, item: INodeExecutionData, index: number): void {
	const { json } = item;
	expect(typeof json.error).toBe('string');
	expect(String(json.error).length).toBeGreaterThan(0);
	expect(json.details).toMatchObject({ item: index });
	const details = json.details as IDataObject;
	expect(typeof details.sent).toBe('boolean');
	expect(typeof details.mayHaveBeenApplied).toBe('boolean');
	for (const [key, value] of Object.entries(scenario.items[index])) {
		if (key !== 'error' && key !== 'details') expect({ [key]: json[key] }).toEqual({ [key]: value });
	}
	scenario.failedItem?.(json, index);
}

/**
 * What every cell of the matrix asserts, whatever the node and fault: every input item comes out
 * exactly once and paired (or, under Stop Workflow, the run stops with a message naming what
 * failed); failed items keep their record; the server applied no write twice; logins stay bounded.
 */
export function expectCell(scenario: Scenario, onError: OnError, result: NodeRunResult): void {
	const count = scenario.items.length;
	const failing = new Set(scenario.failing);
	if (onError === 'stopWorkflow') {
		if (failing.size === 0) {
			expect(result.nodeError).toBeUndefined();
			expect(result.success.map(pairedIndex)).toEqual(Array.from({ length: count }, (_, n) => n));
		} else {
			expect(result.success).toEqual([]);
			expect(result.nodeError).toBeDefined();
			const message = String(result.nodeError?.message);
			if (count > 1) expect(message).toMatch(new RegExp(`^${failing.size} of ${count} items (failed|is invalid|are invalid) \\(item`));
			expect(result.nodeError?.context.itemIndex).toBe(Math.min(...failing));
		}
	} else {
		expect(result.nodeError).toBeUndefined();
		const all = [...result.success, ...result.errors];
		const seen = all.map(pairedIndex).sort((a, b) => a - b);
		expect(seen).toEqual(Array.from({ length: count }, (_, n) => n));
		const failedOut = onError === 'continueErrorOutput' ? result.errors : result.success.filter((item) => item.json.error !== undefined && item.json.details !== undefined);
		expect(failedOut.map(pairedIndex).sort((a, b) => a - b)).toEqual([...failing].sort((a, b) => a - b));
		for (const item of failedOut) expectFailedItem(scenario, item, pairedIndex(item));
		if (onError === 'continueErrorOutput') {
			for (const item of result.success) expect(failing.has(pairedIndex(item))).toBe(false);
		}
	}
	if (scenario.applied) {
		const applied = scenario.applied();
		const maybe = new Set(scenario.maybeApplied ?? []);
		applied.forEach((times, index) => {
			const allowed = failing.has(index) ? (maybe.has(index) ? [0, 1] : [0]) : onError === 'stopWorkflow' ? [0, 1] : [1];
			expect({ item: index, applied: allowed.includes(times) ? 'ok' : times }).toEqual({ item: index, applied: 'ok' });
		});
	}
	if (scenario.logins && scenario.maxLogins !== undefined) expect(scenario.logins()).toBeLessThanOrEqual(scenario.maxLogins);
}
