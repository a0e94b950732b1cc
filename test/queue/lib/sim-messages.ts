import type { LifecycleMessage } from '../../simulators/base/ipc-child';

/** The load test's shape, shared by the simulators (which seed for it) and the runner. */
export const LOAD = Object.freeze({
	calls: 20,
	vbaPerCall: 50,
	vbaBatchSize: 5,
	bigchangePerCall: 5,
	bigchangeFirstJob: 2001,
	bigchangeRate: 10,
	olconnectPerCall: 5,
	olconnectFirstJob: 3001,
	rightslinePerCall: 5,
});

export interface VendorStats {
	requests: number;
	byMethod: Record<string, number>;
	byStatus: Record<string, number>;
	/** Logins or token requests the simulator answered. */
	logins: number;
	/** One entry per record in every accepted write request. */
	writes: string[];
	firstAt: number;
	lastAt: number;
}

export type QueueParentMessage = { type: 'stats'; id: number } | { type: 'reset'; id: number; vendor: string } | { type: 'stop' };

export type QueueChildMessage =
	| LifecycleMessage
	| { type: 'stats'; id: number; stats: Record<string, VendorStats> }
	| { type: 'reset'; id: number };
