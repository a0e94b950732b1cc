import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { setFailureFacts, type FailureFacts } from '../../shared/failure-facts';
import type { ItemRun } from '../../shared/item-run';
import type { RequestPacer } from '../../shared/pacer';
import { withRetry } from '../../shared/retry';
import { rightslineError, writeOf } from '../transport/errors';
import { createBatch, getBatch, type RightslineConnection } from '../transport/requests';
import type { BatchSlots } from './batch-slots';
import type { Entry } from './entries';
import type { PackedBatch } from './packing';
import { PollPlanner, type BatchPolls } from './poll-planner';
import { ProgressSignal } from './progress-signal';
import { isFinalStatus, settleBatch } from './settle';
import { submittedFields } from './submitted-entry';

export interface SubmitSettings {
	wait: boolean;
	maxInFlight: number;
	pollIntervalMs: number;
	/** Epoch ms after which nothing more is sent and running batches are reported as such. */
	deadline: number;
	cancelIfRecordFails: boolean;
	pacer: RequestPacer;
	/** This credential's batch slots in the n8n process, shared with other executions (BatchSlots). */
	slots: BatchSlots;
}

interface Accepted {
	batch: PackedBatch;
	batchId: number;
	polls: BatchPolls;
}

type Facts = Pick<FailureFacts, 'sent' | 'mayHaveBeenApplied'>;

const NOT_SENT: Facts = { sent: false, mayHaveBeenApplied: false };
/** Accepted by Rightsline, outcome not known: it may still complete. */
const MAY_COMPLETE: Facts = { sent: true, mayHaveBeenApplied: true };

function minutes(ms: number): string {
	const value = ms / 60_000;
	return value >= 1 ? `${Number(value.toFixed(1))} minute(s)` : `${Math.round(ms / 1000)} second(s)`;
}

/**
 * Sends the batches, keeping at most `maxInFlight` of them unfinished at Rightsline, and (when
 * waiting) polls each until it is final and settles its items in the run's ledger. A 429 "too many
 * batches" waits for a slot and tries again; a creation that may have reached Rightsline is never
 * sent twice. It does not use dispatchBatches because a lane holds its batch slot from creation to
 * result; it follows the same stop rule (`run.stop`) before and after every request.
 */
export class SubmitRunner {
	private readonly planner: PollPlanner;
	private readonly progress = new ProgressSignal();
	private readonly queue: PackedBatch[];
	private readonly signal: AbortSignal | undefined;
	private readonly startedAt = Date.now();
	private readonly acceptedIds: number[] = [];
	private inFlight = 0;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly itemRun: ItemRun,
		private readonly connection: RightslineConnection,
		batches: readonly PackedBatch[],
		private readonly settings: SubmitSettings,
	) {
		this.queue = [...batches];
		this.signal = context.getExecutionCancelSignal?.();
		this.planner = new PollPlanner({ initialMs: settings.pollIntervalMs, maxGapMs: Math.max(settings.pollIntervalMs, 60_000) });
	}

	/** The IDs Rightsline gave the batches it accepted, in the order they were sent. */
	get batchIds(): readonly number[] {
		return this.acceptedIds;
	}

	async run(): Promise<void> {
		// The first batch goes alone: it fetches the temporary credentials the others then share, and
		// a refused exchange stops the run after this one request (RunStop) instead of once per lane.
		const first = this.queue.shift();
		const accepted = first ? await this.submitInSlot(first) : undefined;
		// Each lane has one request in flight at a time. n8n renews expired temporary credentials per
		// request (a 401/403 calls preAuthentication and resends once), so when they expire mid-run
		// every lane whose request was signed with the old set renews once: at most `lanes` renewals
		// per expiry, plus the first set. One lane cannot hold the others during a renewal.
		const lanes = Math.max(1, Math.min(this.settings.maxInFlight, this.queue.length + 1));
		await Promise.all(Array.from({ length: lanes }, async (_, lane) => await this.lane(lane === 0 ? accepted : undefined)));
	}

	private async lane(start: Accepted | undefined): Promise<void> {
		let current = start;
		for (;;) {
			if (!current) {
				const next = this.queue.shift();
				if (!next) return;
				current = await this.submitInSlot(next);
				if (!current) continue;
			}
			if (this.settings.wait) await this.follow(current);
			else this.reportAccepted(current);
			current = undefined;
		}
	}

	private failBatch(batch: PackedBatch, makeError: (itemIndex: number) => NodeApiError, details?: (entry: Entry) => IDataObject): void {
		const { ledger } = this.itemRun;
		for (const entry of batch.entries) {
			if (!ledger.isSettled(entry.itemIndex)) ledger.fail(entry.itemIndex, makeError(entry.itemIndex), details?.(entry));
		}
	}

	/** The node's own words for a batch-level outcome, with what is known about where the batch got. */
	private textError(itemIndex: number, message: string, facts: Facts, description?: string): NodeApiError {
		const error = new NodeApiError(this.itemRun.node, { message } as JsonObject, { message, description, itemIndex });
		error.message = message;
		setFailureFacts(error, facts);
		return error;
	}

	private label(batch: PackedBatch): string {
		return `batch ${batch.number} (${batch.entries.length} ${batch.method} record(s))`;
	}

	/**
	 * Sends the batch once it has one of the process's batch slots, and keeps the slot until the batch
	 * is final (or, not waiting, until Rightsline accepted it). Without a slot by the time limit, or
	 * once the run is stopped, `submit` fails the batch as not sent.
	 */
	private async submitInSlot(batch: PackedBatch): Promise<Accepted | undefined> {
		const { slots } = this.settings;
		if (!(await slots.take(this.settings.deadline, this.signal))) return await this.submit(batch);
		const accepted = await this.submit(batch);
		if (!accepted) slots.release(false);
		return accepted;
	}

	private async submit(batch: PackedBatch): Promise<Accepted | undefined> {
		let backoffMs = this.settings.pollIntervalMs;
		for (;;) {
			if (this.signal?.aborted) {
				this.failBatch(batch, (itemIndex) => this.textError(itemIndex, `Not sent: the execution was stopped before ${this.label(batch)} was sent`, NOT_SENT));
				return undefined;
			}
			if (Date.now() >= this.settings.deadline) {
				this.failBatch(batch, (itemIndex) =>
					this.textError(
						itemIndex,
						`Not sent: the time limit of ${minutes(this.settings.deadline - this.startedAt)} was reached before ${this.label(batch)} could be sent`,
						NOT_SENT,
						'Rightsline allows 10 unfinished batches per client; raise the time limit or send fewer items per run.',
					),
				);
				return undefined;
			}
			let answer: Awaited<ReturnType<typeof createBatch>>;
			try {
				answer = await withRetry(
					async () => {
						// Checked on every attempt: nothing goes out once another lane stopped the run.
						this.itemRun.stop.check();
						return await createBatch(this.context, this.connection, batch.body);
					},
					{ idempotent: batch.method === 'GET', pacer: this.settings.pacer, signal: this.signal },
				);
			} catch (error) {
				this.itemRun.stop.failed(error);
				const write = writeOf(batch.method);
				this.failBatch(batch, (itemIndex) => rightslineError(this.itemRun.node, error, { itemIndex, action: `send ${this.label(batch)}`, write }));
				return undefined;
			}
			if (answer === 'queue-full') {
				this.settings.slots.crowded();
				// Our own batches free slots as they finish; someone else's only show up by trying again.
				const waitMs = this.inFlight > 0 && this.settings.wait ? Math.max(backoffMs, 2 * this.settings.pollIntervalMs) : backoffMs;
				backoffMs = Math.min(30_000, backoffMs * 1.5);
				await this.progress.wait(Math.min(waitMs, Math.max(0, this.settings.deadline - Date.now())), this.signal);
				continue;
			}
			const batchId = Number(answer?.batchId);
			if (!Number.isFinite(batchId) || batchId <= 0) {
				this.failBatch(batch, (itemIndex) =>
					this.textError(itemIndex, `Rightsline accepted ${this.label(batch)} without returning a batch ID`, MAY_COMPLETE, 'Check the batches in Rightsline before running these items again.'),
				);
				return undefined;
			}
			this.inFlight++;
			this.acceptedIds.push(batchId);
			return { batch, batchId, polls: this.planner.begin() };
		}
	}

	private reportAccepted(accepted: Accepted): void {
		this.inFlight--;
		// Not followed: Rightsline still runs it, but this run no longer knows when it ends.
		this.settings.slots.release(false);
		for (const entry of accepted.batch.entries) {
			const { batchId, ...rest } = submittedFields(entry, accepted.batchId);
			this.itemRun.ledger.succeed(entry.itemIndex, { batchId, batchStatus: 'Created', ...rest });
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
			if (woken) at = Math.max(Date.now(), Math.min(at, accepted.polls.acceptedAt + accepted.polls.replan()));
		}
	}

	private async follow(accepted: Accepted): Promise<void> {
		const { batch, batchId } = accepted;
		// What Get Batch needs to give each item its own result later (its Batch ID reads details.batchId).
		const details = (entry: Entry) => submittedFields(entry, batchId);
		const later = `It may still complete in Rightsline: fetch its results later with the Get Batch operation (ID ${batchId}).`;
		let pollAge = accepted.polls.first();
		let last = false;
		let finished = false;
		try {
			for (;;) {
				let pollAt = accepted.polls.acceptedAt + pollAge;
				if (pollAt >= this.settings.deadline) {
					pollAt = this.settings.deadline;
					last = true;
				}
				// Moved forward by what other batches taught the planner: then it is not the last look.
				if ((await this.waitToPoll(accepted, pollAt)) < pollAt) last = false;
				const answer = await withRetry(
					async () => {
						if (this.signal?.aborted) throw new Error('The execution was stopped');
						this.itemRun.stop.check();
						accepted.polls.sending();
						return await getBatch(this.context, this.connection, batchId);
					},
					{ idempotent: true, pacer: this.settings.pacer, signal: this.signal },
				);
				if (isFinalStatus(answer.batchStatus)) {
					finished = true;
					accepted.polls.finished();
					settleBatch({ ledger: this.itemRun.ledger, node: this.itemRun.node, batch, batchId, answer, cancelIfRecordFails: this.settings.cancelIfRecordFails });
					return;
				}
				if (last) {
					const message = `Batch ${batchId} was still ${answer.batchStatus ?? 'running'} when the time limit of ${minutes(this.settings.deadline - this.startedAt)} was reached`;
					this.failBatch(batch, (itemIndex) => this.textError(itemIndex, message, MAY_COMPLETE, later), details);
					return;
				}
				pollAge = accepted.polls.running();
			}
		} catch (error) {
			this.itemRun.stop.failed(error);
			const stopped = this.signal?.aborted;
			this.failBatch(
				batch,
				(itemIndex) => {
					const apiError = rightslineError(this.itemRun.node, error, { itemIndex, action: `read the status of batch ${batchId}` });
					apiError.message = stopped
						? `Batch ${batchId} was sent but the execution was stopped before it finished`
						: `Batch ${batchId} was sent but its status could not be read: ${apiError.message}`;
					apiError.description = later;
					setFailureFacts(apiError, MAY_COMPLETE);
					return apiError;
				},
				details,
			);
		} finally {
			this.inFlight--;
			this.settings.slots.release(finished);
			this.progress.notify();
		}
	}
}
