import type { INode } from 'n8n-workflow';

import { ProcessShared } from '../../shared/process-shared';
import { RIGHTSLINE_CREDENTIAL } from '../transport/requests';
import { ProgressSignal } from './progress-signal';

/**
 * Rightsline lets a client have 10 batches queued or running. Every run in one n8n process that uses
 * the same credential takes its batch slots from one pool, so two executions at once (a schedule and
 * a webhook, or twenty webhook calls) do not each count to 10 and meet "too many batches". Other n8n
 * processes on the key (queue-mode workers) show only through those 429s: each one halves this
 * process's share, and finished batches give it back, about one slot per share's worth of batches
 * (additive increase, multiplicative decrease), up to the most.
 */
export class BatchSlots {
	private held = 0;
	private share: number;
	private readonly freed = new ProgressSignal();

	constructor(readonly most: number) {
		this.share = most;
	}

	/** Slots this process may hold now. */
	get limit(): number {
		return Math.floor(this.share);
	}

	/** Takes a slot; false when `untilMs` (epoch ms) passes or the run is stopped first. */
	async take(untilMs: number, signal?: AbortSignal): Promise<boolean> {
		for (;;) {
			if (signal?.aborted) return false;
			if (this.held < this.limit) {
				this.held++;
				return true;
			}
			const left = untilMs - Date.now();
			if (left <= 0) return false;
			await this.freed.wait(left, signal);
		}
	}

	/** Gives a slot back; `finished`: its batch reached a final status at Rightsline. */
	release(finished: boolean): void {
		this.held = Math.max(0, this.held - 1);
		if (finished) this.share = Math.min(this.most, this.share + 1 / Math.max(1, this.limit));
		this.freed.notify();
	}

	/** Rightsline answered "too many batches": someone else holds slots of this key too. */
	crowded(): void {
		this.share = Math.max(1, Math.floor(Math.min(this.share, Math.max(this.held, 1)) / 2));
	}
}

const pools = new ProcessShared<BatchSlots>();

/** The batch slots of this credential in this n8n process (see BatchSlots). */
export function sharedBatchSlots(node: INode, most: number): BatchSlots {
	return pools.get(node, RIGHTSLINE_CREDENTIAL, [most], () => new BatchSlots(most));
}
