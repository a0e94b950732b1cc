import type { IDataObject } from 'n8n-workflow';

import type { SimServer } from '../../simulators/base';

/** What the e2e runner needs of one vendor's simulator while it runs in the simulator process. */
export interface RunningSimulator {
	/** The credential's data as a user would type it in, pointed at this simulator. */
	credentialData: IDataObject;
	server: SimServer;
	stop(): Promise<void>;
}

/** Requests a simulator answered, by method, and by status: what n8n actually sent. */
export interface SimulatorStats {
	requests: number;
	byMethod: Record<string, number>;
	byStatus: Record<string, number>;
}

/** What a run of one example must show on the package's node, derived from the vendor's demo scenario. */
export interface ExampleExpectation {
	/** The node's name in the workflow. */
	node: string;
	/** Where each input item must come out, by input index. */
	outcomes: Array<'success' | 'error'>;
	/** Text each error item's message must contain, by input index. */
	errorText?: Record<number, string>;
	/** Requests by method the simulator must receive during the run (a change of its counters). */
	received?: Record<string, number>;
}

/**
 * One vendor as the end-to-end suite sees it. The vendor name is the prefix of its example files
 * (`examples/<vendor>-*.json`) and of its demo credential's ID (`demo-<vendor>`).
 */
export interface E2eVendor {
	vendor: string;
	/** The node's display name, as the node picker shows it. */
	nodeDisplayName: string;
	credentialType: string;
	credentialName: string;
	/** Credential fields whose values must never appear in a run's output. */
	secretFields: string[];
	/** Fixed so that credentials saved in a dev instance stay valid across restarts. */
	devPort: number;
	startSimulator(port?: number): Promise<RunningSimulator>;
	/** By example file name. An example without an entry gets the generic checks only. */
	expectations: Record<string, ExampleExpectation>;
}
