import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

import { setFailureFacts } from '../../shared/failure-facts';
import type { ItemLedger } from '../../shared/ledger';
import type { Entry } from './entries';
import { missingLinkText, recordFailureText } from '../transport/errors';
import type { PackedBatch } from './packing';
import { matchBatchResults, type BatchAnswer, type Match } from './results';
import { submittedFields } from './submitted-entry';

const NOT_FINAL = new Set(['created', 'inprogress', 'in progress', 'queued', 'pending', 'processing']);
const ERROR_STATUSES = new Set(['error', 'errored', 'failed']);
const CANCELLED_STATUSES = new Set(['cancelled', 'canceled']);

/** Created and InProgress are documented as not final; anything else Rightsline says is. */
export function isFinalStatus(status: string | undefined): boolean {
	return status !== undefined && status !== '' && !NOT_FINAL.has(status.toLowerCase());
}

/** Both spellings occur in the docs: `Error` in the status table, `Errored` in the samples. */
export function isErrorStatus(status: string | undefined): boolean {
	return status !== undefined && ERROR_STATUSES.has(status.toLowerCase());
}

interface FailureFacts {
	/** Rightsline's per-record `code`. */
	httpCode?: number;
	/** Rightsline's per-record `message`, as it said it. */
	vendorMessage?: string;
	description?: string;
	/** The batch ran, but nothing says whether this record was applied. */
	unknownOutcome?: boolean;
}

/** A record's failure inside a batch Rightsline accepted: the batch was sent, the record answered for. */
function failure(node: INode, itemIndex: number, message: string, facts: FailureFacts = {}): NodeApiError {
	const { httpCode, description } = facts;
	const error = new NodeApiError(node, { message } as JsonObject, {
		message,
		description,
		httpCode: httpCode === undefined ? undefined : String(httpCode),
		itemIndex,
	});
	error.message = message;
	setFailureFacts(error, { sent: true, mayHaveBeenApplied: facts.unknownOutcome === true, vendorMessage: facts.vendorMessage });
	return error;
}

function successJson(entry: Entry, match: Match, batchId: number): IDataObject {
	const { result } = match;
	const base: IDataObject = { code: result.code ?? null, message: result.message ?? null, id: result.id ?? null };
	if (entry.kind === 'relationship') return { ...base, batchId, relationship: result.relationship ?? null };
	return { ...base, charTypeId: entry.charTypeId, batchId, record: result.record ?? null };
}

function isFailedResult(match: Match | undefined): boolean {
	return match !== undefined && (match.kind === 'missing-link' || !((match.result.code ?? 0) >= 200 && (match.result.code ?? 0) < 300));
}

/** What one entry of a final batch comes to: its output, or the error that says what happened to it. */
export type EntryOutcome = { ok: true; json: IDataObject } | { ok: false; error: NodeApiError };

/** A final batch's answer, read once for all of its entries at hand. */
export interface FinalBatch {
	batchId: number;
	status: string;
	matches: Map<Entry, Match>;
	cancelled: boolean;
}

export function readFinalBatch(entries: readonly Entry[], batchId: number, answer: BatchAnswer, cancelIfRecordFails: boolean): FinalBatch {
	const status = String(answer.batchStatus ?? '');
	const matches = matchBatchResults(entries, answer);
	const anyFailed = entries.some((entry) => isFailedResult(matches.get(entry)));
	// The status table calls it Cancelled; the docs' sample of exactly this case says Errored.
	const cancelled = CANCELLED_STATUSES.has(status.toLowerCase()) || (isErrorStatus(status) && cancelIfRecordFails && anyFailed);
	return { batchId, status, matches, cancelled };
}

/** What to say when a completed batch's answer holds nothing that is clearly this entry's. */
export interface NoResult {
	text?: string;
	hint: string;
}

/**
 * One entry's outcome: a success with `code`, `message`, `id` and the returned `record`, or an
 * error that says what happened to that record in words.
 */
export function entryOutcome(node: INode, entry: Entry, batch: FinalBatch, noResult: NoResult): EntryOutcome {
	const { batchId, status, cancelled } = batch;
	const match = batch.matches.get(entry);
	if (match && isFailedResult(match)) {
		const text =
			match.kind === 'missing-link'
				? missingLinkText(match.side, match.charTypeId, match.recordId)
				: recordFailureText(entry, match.result.code ?? 0, String(match.result.message ?? ''), match.result.id ?? (entry.payload.id as number | undefined));
		const said = String(match.result.message ?? '');
		return { ok: false, error: failure(node, entry.itemIndex, text, { httpCode: match.result.code, vendorMessage: said === '' ? undefined : said }) };
	}
	if (cancelled) {
		return {
			ok: false,
			error: failure(
				node,
				entry.itemIndex,
				`Not processed: Rightsline cancelled batch ${batchId} because another record in it failed, and “Cancel Batch If a Record Fails” is on`,
				{ description: 'Nothing in this batch was applied. Fix the failed record(s) and run these items again.' },
			),
		};
	}
	if (match) return { ok: true, json: successJson(entry, match, batchId) };
	const text = isErrorStatus(status)
		? `Rightsline ended batch ${batchId} with status ${status} and no result for this record; it may or may not have been applied`
		: (noResult.text ?? `Rightsline finished batch ${batchId} (status ${status || 'unknown'}) without a result for this record`);
	return { ok: false, error: failure(node, entry.itemIndex, text, { description: noResult.hint, unknownOutcome: true }) };
}

/** Settles every item of a batch from its final answer. */
export function settleBatch(options: {
	ledger: ItemLedger;
	node: INode;
	batch: PackedBatch;
	batchId: number;
	answer: BatchAnswer;
	cancelIfRecordFails: boolean;
}): void {
	const { ledger, node, batch, batchId, answer, cancelIfRecordFails } = options;
	const final = readFinalBatch(batch.entries, batchId, answer, cancelIfRecordFails);
	const noResult = { hint: `Check the record in Rightsline, or fetch the batch with the Get Batch operation (ID ${batchId}).` };
	for (const entry of batch.entries) {
		const outcome = entryOutcome(node, entry, final, noResult);
		if (outcome.ok) ledger.succeed(entry.itemIndex, outcome.json);
		else ledger.fail(entry.itemIndex, outcome.error, submittedFields(entry, batchId));
	}
}
