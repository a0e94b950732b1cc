import type { IDataObject } from 'n8n-workflow';

import type { NodeRunResult, NodeSettings } from '../harness';
import type { FaultId } from './faults';

/** One fault, staged for one node: the items, the armed simulator, and what must hold after. */
export interface Scenario {
	items: IDataObject[];
	/** Runs the node once (the simulator already armed) with the cell's On Error setting. */
	run(settings: NodeSettings): Promise<NodeRunResult>;
	/** Input indexes that must fail (every other one must succeed). */
	failing: readonly number[];
	/**
	 * How many times the server applied each input item's write, read from the server's own
	 * store or log: a success exactly once, nothing ever twice. Omit for reads.
	 */
	applied?(): number[];
	/** Input indexes whose write may have been applied although it failed (counted 0 or 1). */
	maybeApplied?: readonly number[];
	/** Login or token requests the simulator received, and the most the run may make. */
	logins?(): number;
	maxLogins?: number;
	/** What a failed item must carry besides the input's fields, `error` and `details.item`. */
	failedItem?(json: IDataObject, index: number): void;
	/** Stops the scenario's simulator. */
	close(): Promise<void>;
}

/** A fault that does not exist for a node (e.g. no token to expire), with the reason, for the printed matrix. */
export interface NotApplicable {
	notApplicable: string;
}

export interface NodeAdapter {
	name: string;
	/** Stages a fault on a fresh simulator. */
	stage(fault: FaultId): Promise<Scenario | NotApplicable>;
}
