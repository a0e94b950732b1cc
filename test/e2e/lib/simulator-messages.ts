import type { SimulatorStats } from '../vendors';
import type { LifecycleMessage } from '../../simulators/base/ipc-child';

export interface SimulatorsOptions {
	vendors: string[];
	/** Each vendor's `devPort` instead of a free port, so saved credentials outlive a restart. */
	fixedPorts: boolean;
}

/** A request a simulator received, as the suite reads it back: what was asked, not how it was answered. */
export interface LoggedRequest {
	seq: number;
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
}

export type ParentMessage = { type: 'stats'; id: number } | { type: 'requests'; id: number; vendor: string; afterSeq: number } | { type: 'stop' };

export type ChildMessage =
	| LifecycleMessage
	| { type: 'stats'; id: number; stats: Record<string, SimulatorStats> }
	| { type: 'requests'; id: number; requests: LoggedRequest[] };
