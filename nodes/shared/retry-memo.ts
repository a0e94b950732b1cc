import { Failure, type Entry } from './ledger';

/**
 * n8n's node setting "Retry On Fail" re-runs the whole node, with the same input, when it throws or
 * when its first output item has `json.error` (n8n-core 2.41 `WorkflowExecute`). A batch node that
 * wrote 99 records and failed the 100th would write the 99 again, and create duplicates where the
 * write is a create. So every try of one run (same execution, node and run index) shares what the
 * earlier tries applied: a success, or a failure that may have been applied, comes out again as it
 * did, without a request; only the items that certainly were not applied are tried again. That is
 * what the setting means to a user: try again what failed.
 *
 * n8n runs every try of a node in the same process (also a queue-mode worker), so a module-level
 * map is enough. It holds only runs with Retry On Fail on, is emptied when a run needs no further
 * try, and keeps at most MAX_RUNS, dropping the oldest.
 */
const MAX_RUNS = 16;

interface Remembered {
	itemCount: number;
	tries: number;
	kept: Map<number, Entry>;
}

const runs = new Map<string, Remembered>();

export interface RunKey {
	executionId: string;
	nodeName: string;
	runIndex: number;
	itemCount: number;
}

function keyOf(run: RunKey): string {
	return `${run.executionId}\u0000${run.nodeName}\u0000${run.runIndex}`;
}

/** What earlier tries of this run applied, by item index; empty on the first try. */
export function recall(run: RunKey): ReadonlyMap<number, Entry> {
	const remembered = runs.get(keyOf(run));
	// Another item count means another input: nothing carries over.
	return remembered && remembered.itemCount === run.itemCount ? remembered.kept : new Map();
}

function mustNotRepeat(entry: Entry | undefined): entry is Entry {
	if (entry === undefined) return false;
	if (!(entry instanceof Failure)) return true;
	return entry.outcome.mayHaveBeenApplied;
}

/**
 * Called when a try ends. n8n tries again only when the node throws or its first output item
 * carries `json.error` (`retried`), and at most `maxTries` times (2 to 5, default 3); when no
 * further try will come, the run is forgotten.
 */
export function remember(run: RunKey, entries: ReadonlyArray<Entry | undefined>, retried: boolean, maxTries: number): void {
	const key = keyOf(run);
	const tries = (runs.get(key)?.tries ?? 0) + 1;
	runs.delete(key);
	if (!retried || tries >= maxTries) return;
	const kept = new Map<number, Entry>();
	entries.forEach((entry, index) => {
		if (mustNotRepeat(entry)) kept.set(index, entry);
	});
	runs.set(key, { itemCount: run.itemCount, tries, kept });
	while (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value as string);
}

/** n8n-core's own bounds for the node setting "Max. Tries". */
export function n8nMaxTries(setting: unknown): number {
	const tries = typeof setting === 'number' && setting > 0 ? setting : 3;
	return Math.min(5, Math.max(2, tries));
}
