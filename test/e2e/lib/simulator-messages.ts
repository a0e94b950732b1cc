import type { IDataObject } from 'n8n-workflow';

import type { SimulatorStats } from '../vendors';

export interface SimulatorsOptions {
	vendors: string[];
	/** Each vendor's `devPort` instead of a free port, so saved credentials outlive a restart. */
	fixedPorts: boolean;
}

export type ParentMessage = { type: 'stats'; id: number } | { type: 'stop' };

export type ChildMessage =
	| { type: 'ready'; credentials: Record<string, IDataObject> }
	| { type: 'failed'; message: string }
	| { type: 'stats'; id: number; stats: Record<string, SimulatorStats> };
