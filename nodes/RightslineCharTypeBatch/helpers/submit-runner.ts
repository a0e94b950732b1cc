import { NodeApiError, NodeOperationError, sleep, type IExecuteFunctions, type INode, type JsonObject } from 'n8n-workflow';

import { classifyFailure } from '../../shared/classify';
import { inspectFailure } from '../../shared/failure';
import type { ItemLedger } from '../../shared/ledger';
import { RequestPacer } from '../../shared/pacer';
import { withRetry } from '../../shared/retry';
import type { PackedBatch } from './packing';
import { PollPlanner, type BatchPolls } from './poll-planner';
import { isFinalStatus, settleBatch } from './settle';
import { rightslineError } from '../transport/errors';
import { createBatch, getBatch, type RightslineConnection } from '../transport/requests';

export interface SubmitSettings {
	wait: boolean;
	maxInFlight: number;
	pollIntervalMs: number;
	/** Epoch ms after which nothing more is sent and running batches are reported as such. */
	deadline: number;
	cancelIfRecordFails: boolean;
	requestsPerSecond: number;
}

interface Accepted {
	batch: PackedBatch;
	batchId: number;
	acceptedAt: number;
	polls: BatchPolls;
}

/**
 * Wakes lanes when one of this run's batches finishes: a lane waiting for a free batch slot can
 * try again, and a lane waiting to poll can poll sooner if the finished batch says it should.
 */
class ProgressSignal {
	private waiters: Array<() => void> = [];

	notify(): void {
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}

	/**
	 * Waits until a batch finishes (true), `ms` pass or the run is stopped (false); the timer never
	 * outlives the wait.
	 */
	async wait(ms: number, signal?: AbortSignal): Promise<boolean> {
		const timer = new AbortController();
		const onAbort = () => timer.abort();
		signal?.addEventListener('abort', onAbort, { once: true });
		const timeout = sleep(Math.max(0, ms), timer.signal).then(
			() => false,
			() => false,
		);
		try {
			return await Promise.race([timeout, new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true)))]);
		} finally {
			signal?.removeEventListener('abort', onAbort);
			timer.abort();
		}
	}
}

function minutes(ms: number): string {
	const value = ms / 60_000;
	return value >= 1 ? `${Number(value.toFixed(1))} minute(s)` : `${Math.round(ms / 1000)} second(s)`;
}

/**
 * Sends the batches, keeping at most `maxInFlight` of them unfinished at Rightsline, and (when
 * waiting) polls each until it is final and settles its items. A 429 "too many batches" waits
 * for a slot and tries again; a creation that may have reached Rightsline is never sent twice.
 */
export class SubmitRunner {
	private readonly node: INode;
	private readonly pacer: RequestPacer;
	private readonly planner: PollPlanner;
	private readonly progress = new ProgressSignal();
	private readonly queue: PackedBatch[];
	private readonly signal: AbortSignal | undefined;
	private readonly startedAt = Date.now();
	/** An authentication failure ends the run: every other request would meet it too. */
	private fatal: unknown;
	private inFlight = 0;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly ledger: ItemLedger,
		private readonly connection: RightslineConnection,
		batches: readonly PackedBatch[],
		private readonly settings: SubmitSettings,
	) {
		this.node = context.getNode();
		this.queue = [...batches];
		this.signal = context.getExecutionCancelSignal?.();
		const rps = settings.requestsPerSecond;
		this.pacer = rps > 0 ? RequestPacer.forVendorLimit({ requestsPerSecond: rps, burst: Math.max(1, Math.round(rps)) }) : new RequestPacer({ requestsPerSecond: 0 });
		this.planner = new PollPlanner({ initialMs: settings.pollIntervalMs, maxGapMs: Math.max(settings.pollIntervalMs, 60_000) });
	}

	async run(): Promise<void> {
		// The first batch goes alone: it fetches the temporary credentials the others then share.
		const first = this.queue.shift();
		const accepted = first ? await this.submit(first) : undefined;
		const lanes = Math.max(1, Math.min(this.settings.maxInFlight, this.queue.length + 1));
		await Promise.all(Array.from({ length: lanes }, async (_, lane) => await this.lane(lane === 0 ? accepted : undefined)));
	}

	private async lane(start: Accepted | undefined): Promise<void> {
		let current = start;
		for (;;) {
			if (!current) {
				const next = this.queue.shift();
				if (!next) return;
				current = await this.submit(next);
				if (!current) continue;
			}
			if (this.settings.wait) await this.follow(current);
			else this.reportAccepted(current);
			current = undefined;
		}
	}

	private failBatch(batch: PackedBatch, makeError: (itemIndex: number) => NodeApiError): void {
		for (const entry of batch.entries) {
			if (!this.ledger.isSettled(entry.itemIndex)) this.ledger.fail(entry.itemIndex, makeError(entry.itemIndex));
		}
	}

	private textError(itemIndex: number, message: string, description?: string): NodeApiError {
		const error = new NodeApiError(this.node, { message } as JsonObject, { message, description, itemIndex });
		error.message = message;
		return error;
	}

	private label(batch: PackedBatch): string {
		return `batch ${batch.number} (${batch.entries.length} ${batch.method} record(s))`;
	}

	private async submit(batch: PackedBatch): Promise<Accepted | undefined> {
		let backoffMs = this.settings.pollIntervalMs;
		for (;;) {
			if (this.fatal !== undefined) {
				this.failBatch(batch, (itemIndex) => rightslineError(this.node, this.fatal, { itemIndex, action: `send ${this.label(batch)}; not sent after an earlier batch was refused` }));
				return undefined;
			}
			if (this.signal?.aborted) {
				this.failBatch(batch, (itemIndex) => this.textError(itemIndex, `Not sent: the execution was stopped before ${this.label(batch)} was sent`));
				return undefined;
			}
			if (Date.now() >= this.settings.deadline) {
				this.failBatch(batch, (itemIndex) =>
					this.textError(itemIndex, `Not sent: the time limit of ${minutes(this.settings.deadline - this.startedAt)} was reached before ${this.label(batch)} could be sent`, 'Rightsline allows 10 unfinished batches per client; raise the time limit or send fewer items per run.'),
				);
				return undefined;
			}
			let answer: Awaited<ReturnType<typeof createBatch>>;
			try {
				answer = await withRetry(async () => await createBatch(this.context, this.connection, batch.body), {
					// Only a retrieval can be sent twice without consequence; anything else might be applied twice.
					idempotent: batch.method === 'GET',
					pacer: this.pacer,
					signal: this.signal,
				});
			} catch (error) {
				this.refuse(batch, error);
				return undefined;
			}
			if (answer === 'queue-full') {
				// Our own batches free slots as they finish; someone else's only show up by trying again.
				const waitMs = this.inFlight > 0 && this.settings.wait ? Math.max(backoffMs, 2 * this.settings.pollIntervalMs) : backoffMs;
				backoffMs = Math.min(30_000, backoffMs * 1.5);
				await this.progress.wait(Math.min(waitMs, Math.max(0, this.settings.deadline - Date.now())), this.signal);
				continue;
			}
			const batchId = Number(answer?.batchId);
			if (!Number.isFinite(batchId) || batchId <= 0) {
				this.failBatch(batch, (itemIndex) => this.textError(itemIndex, `Rightsline accepted ${this.label(batch)} without returning a batch ID`, 'Check the batches in Rightsline before running these items again.'));
				return undefined;
			}
			this.inFlight++;
			return { batch, batchId, acceptedAt: Date.now(), polls: this.planner.begin() };
		}
	}

	private refuse(batch: PackedBatch, error: unknown): void {
		const mayHaveArrived = classifyFailure(error, { idempotent: true }).retry && !classifyFailure(error, { idempotent: false }).retry;
		// n8n has already fetched new temporary credentials and resent once: these will not go away.
		const status = inspectFailure(error).status;
		if (status === 401 || status === 403) this.fatal ??= error;
		this.failBatch(batch, (itemIndex) => {
			const apiError = rightslineError(this.node, error, { itemIndex, action: `send ${this.label(batch)}` });
			if (mayHaveArrived) {
				apiError.message = `Rightsline may have received ${this.label(batch)} but did not confirm it (${apiError.message}); it was not sent again so that nothing is applied twice`;
				apiError.description = 'Check in Rightsline whether these records were changed before running these items again.';
			}
			return apiError;
		});
	}

	private reportAccepted(accepted: Accepted): void {
		this.inFlight--;
		for (const entry of accepted.batch.entries) {
			this.ledger.succeed(entry.itemIndex, {
				batchId: accepted.batchId,
				batchStatus: 'Created',
				method: entry.method,
				...(entry.kind === 'record' ? { charTypeId: entry.charTypeId } : { relationship: true }),
				referenceId: entry.referenceId,
			});
		}
	}

	/**
	 * Sleeps until `pollAt`, or earlier when another batch finishing teaches the planner that this
	 * one is probably done sooner; returns when it polled.
	 */
	private async waitToPoll(accepted: Accepted, pollAt: number): Promise<number> {
		let at = pollAt;
		for (;;) {
			const waitMs = at - Date.now();
			if (waitMs <= 0 || this.signal?.aborted) return at;
			const woken = await this.progress.wait(waitMs, this.signal);
			if (woken) at = Math.max(Date.now(), Math.min(at, accepted.acceptedAt + accepted.polls.replan()));
		}
	}

	private async follow(accepted: Accepted): Promise<void> {
		const { batch, batchId } = accepted;
		let pollAge = accepted.polls.first();
		let last = false;
		try {
			for (;;) {
				let pollAt = accepted.acceptedAt + pollAge;
				if (pollAt >= this.settings.deadline) {
					pollAt = this.settings.deadline;
					last = true;
				}
				// Moved forward by what other batches taught the planner: then it is not the last look.
				if ((await this.waitToPoll(accepted, pollAt)) < pollAt) last = false;
				if (this.signal?.aborted) throw new NodeOperationError(this.node, 'The execution was stopped');
				const answer = await withRetry(async () => await getBatch(this.context, this.connection, batchId), { idempotent: true, pacer: this.pacer, signal: this.signal });
				const age = Date.now() - accepted.acceptedAt;
				if (isFinalStatus(answer.batchStatus)) {
					accepted.polls.finished(age);
					settleBatch({ ledger: this.ledger, node: this.node, batch, batchId, answer, cancelIfRecordFails: this.settings.cancelIfRecordFails });
					return;
				}
				if (last) {
					this.failBatch(batch, (itemIndex) =>
						this.textError(
							itemIndex,
							`Batch ${batchId} was still ${answer.batchStatus ?? 'running'} when the time limit of ${minutes(this.settings.deadline - this.startedAt)} was reached`,
							`It may still complete in Rightsline: fetch its results later with the Get Batch operation (ID ${batchId}).`,
						),
					);
					return;
				}
				pollAge = accepted.polls.running(age);
			}
		} catch (error) {
			const stopped = this.signal?.aborted;
			this.failBatch(batch, (itemIndex) => {
				const apiError = rightslineError(this.node, error, { itemIndex, action: `read the status of batch ${batchId}` });
				apiError.message = stopped
					? `Batch ${batchId} was sent but the execution was stopped before it finished`
					: `Batch ${batchId} was sent but its status could not be read: ${apiError.message}`;
				apiError.description = `It may still complete in Rightsline: fetch its results later with the Get Batch operation (ID ${batchId}).`;
				return apiError;
			});
		} finally {
			this.inFlight--;
			this.progress.notify();
		}
	}
}
