import type { SimRequest, SimResponse } from '../base';
import { rightslineResponse } from './gateway';
import { BATCH_METHODS, runBatch, type BatchInput, type BatchMethod, type BatchResults, type OutcomeContext } from './outcomes';
import type { RightslineSimSettings } from './settings';

export type BatchStatus = 'Created' | 'InProgress' | 'Complete' | 'Cancelled' | 'Errored' | 'Error';

/** One batch as the simulator keeps it; `status` and `results` are set when it reaches a final status. */
export interface SimBatch {
	id: number;
	apiKey: string;
	input: BatchInput;
	/** Records plus relationships. */
	size: number;
	createdAt: number;
	startsAt: number;
	finishesAt: number;
	status?: BatchStatus;
	results?: BatchResults;
	/** How many times a client asked for it. */
	polls: number;
}

type Bag = Record<string, unknown>;

const QUEUE_FULL = 'Too many batches in queued status. Please wait and try again.';

function isBag(value: unknown): value is Bag {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badRequest(message: string): SimResponse {
	return rightslineResponse(400, { message });
}

/**
 * `POST /v4/batch` and `GET /v4/batch/:id`. A batch is `Created` for the queued time, then
 * `InProgress`, then final; batches of one client run side by side, each on its own clock, and
 * at most `maxActiveBatches` of them may be unfinished at once.
 */
export class BatchQueue {
	private readonly batches = new Map<number, SimBatch>();
	private readonly pending: SimBatch[] = [];
	private nextId = 48_865_381;
	private failNextCount = 0;
	private failNextStatus: 'Error' | 'Errored' | undefined;

	constructor(
		private readonly settings: RightslineSimSettings,
		private readonly context: (now: number) => OutcomeContext,
	) {}

	/** Every batch created so far, in creation order. */
	list(): SimBatch[] {
		return [...this.batches.values()];
	}

	/** Batches of this client that are not final at `now`. */
	active(apiKey: string, now: number): number {
		let count = 0;
		for (const batch of this.pending) if (batch.apiKey === apiKey && batch.finishesAt > now) count++;
		return count;
	}

	/** The next `count` batches end in the error status with no results, as a failed run would. */
	errorNext(count: number, status?: 'Error' | 'Errored'): void {
		this.failNextCount = count;
		this.failNextStatus = status;
	}

	/** Finishes, in order, every batch whose time has come, so batches see each other's changes. */
	advance(now: number): void {
		if (this.pending.length === 0) return;
		const due = this.pending.filter((batch) => batch.finishesAt <= now).sort((a, b) => a.finishesAt - b.finishesAt || a.id - b.id);
		for (const batch of due) {
			this.pending.splice(this.pending.indexOf(batch), 1);
			if (batch.status !== undefined) continue;
			const { status, results } = runBatch(batch.input, this.context(batch.finishesAt));
			batch.status = status;
			// A snapshot: later batches must not change what this one reported.
			batch.results = JSON.parse(JSON.stringify(results)) as BatchResults;
		}
	}

	/** Brings every unfinished batch's end to `now`, so its final status shows from then on. */
	finishAll(now: number): void {
		for (const batch of this.pending) {
			batch.startsAt = Math.min(batch.startsAt, now);
			batch.finishesAt = Math.min(batch.finishesAt, now);
		}
		this.advance(now);
	}

	/** An error status decided at creation still waits out the processing time before it shows. */
	statusAt(batch: SimBatch, now: number): BatchStatus {
		if (now < batch.startsAt) return 'Created';
		if (now < batch.finishesAt) return 'InProgress';
		return batch.status ?? 'InProgress';
	}

	create(req: SimRequest, now: number): SimResponse {
		const apiKey = req.headers['x-api-key'] ?? '';
		const parsed = this.parse(req);
		if (typeof parsed === 'string') return badRequest(parsed);
		const size = Object.values(parsed.records).reduce((sum, list) => sum + list.length, 0) + parsed.relationships.length;
		if (size === 0) return badRequest('A batch must contain at least one record or relationship.');
		if (size > this.settings.maxRecordsPerBatch) return badRequest(`Batch requests are limited to ${this.settings.maxRecordsPerBatch} records.`);
		if (this.active(apiKey, now) >= this.settings.maxActiveBatches) return rightslineResponse(429, { message: QUEUE_FULL });

		const { queuedMs, processingMs, perRecordMs } = this.settings.timing;
		const batch: SimBatch = {
			id: this.nextId++,
			apiKey,
			input: parsed,
			size,
			createdAt: now,
			startsAt: now + queuedMs,
			finishesAt: now + queuedMs + processingMs + perRecordMs * size,
			polls: 0,
		};
		if (this.failNextCount > 0) {
			this.failNextCount--;
			batch.status = this.failNextStatus ?? this.settings.errorStatus;
			batch.results = { records: {}, relationships: [] };
		}
		this.batches.set(batch.id, batch);
		this.pending.push(batch);
		return rightslineResponse(202, { batchId: batch.id, batchStatus: 'Created' });
	}

	retrieve(req: SimRequest, now: number): SimResponse {
		const id = Number(req.params.id);
		const batch = this.batches.get(id);
		if (!batch || batch.apiKey !== (req.headers['x-api-key'] ?? '')) return rightslineResponse(404, { message: `Batch ${req.params.id} not found.` });
		batch.polls++;
		const status = this.statusAt(batch, now);
		const final = status !== 'Created' && status !== 'InProgress';
		return rightslineResponse(200, {
			batchId: batch.id,
			batchStatus: status,
			batchResults: final ? batch.results : { records: {}, relationships: [] },
		});
	}

	clear(): void {
		this.batches.clear();
		this.pending.length = 0;
	}

	private parse(req: SimRequest): BatchInput | string {
		const body = req.body;
		if (!isBag(body)) return 'Invalid request body. A JSON object with method and records is required.';
		const method = typeof body.method === 'string' ? body.method.toUpperCase() : '';
		if (!(BATCH_METHODS as readonly string[]).includes(method)) return `Invalid batch method "${String(body.method ?? '')}".`;
		const records = body.records ?? {};
		if (!isBag(records) || Object.values(records).some((list) => !Array.isArray(list))) return 'records must be an object of arrays keyed by char type ID.';
		const relationships = body.relationships ?? [];
		if (!Array.isArray(relationships)) return 'relationships must be an array.';
		const options = isBag(body.batchOptions) ? body.batchOptions : {};
		return {
			method: method as BatchMethod,
			cancelIfRecordFails: options.cancelIfRecordFails === true,
			records: records as Record<string, unknown[]>,
			relationships,
		};
	}
}
