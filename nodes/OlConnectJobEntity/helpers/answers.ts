import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemParameter } from '../../shared/item-parameter';
import { itemProblem, type ItemProblem } from '../../shared/item-problem';
import { parseJobId } from './job-id';
import { asNameValueList, type NameValue } from './name-value';

/** The address answered, but not the way the Job Entity service does: most likely the wrong server. */
function unexpected(what: string): Error {
	return new Error(`OL Connect answered without ${what}: check that the Server URL points to the Connect Server's REST API`);
}

/** `{ identifiers: [...] }`, the Identifier Lists of Get Content Items and Get Job Segments. */
export function identifiersOf<T>(body: unknown, what: string): T[] {
	const identifiers = (body as { identifiers?: unknown } | null)?.identifiers;
	if (!Array.isArray(identifiers)) throw unexpected(what);
	return identifiers as T[];
}

export function nameValuesOf(body: unknown, what: string): NameValue[] {
	const list = asNameValueList(body);
	if (!list) throw unexpected(what);
	return list;
}

/** A single-job update answers `true` (text/plain, which the HTTP client may already have parsed). */
export function confirmUpdated(body: unknown, what: string): void {
	if (body === true || (typeof body === 'string' && body.trim() === 'true')) return;
	throw new Error(`OL Connect did not confirm the update of ${what} (it answered ${JSON.stringify(body ?? '')} instead of true)`);
}

/** The `prepare` of operations that need nothing but the job ID. */
export function jobIdOnly(context: IExecuteFunctions): (itemIndex: number, item: INodeExecutionData) => { jobId: number; input: undefined } | ItemProblem {
	const jobId = new ItemParameter(context, context.getNode(), 'jobId');
	return (itemIndex, item) => {
		const parsed = parseJobId(jobId.value(itemIndex, item));
		return 'problem' in parsed ? itemProblem(parsed.problem, jobId.field ?? 'jobId') : { jobId: parsed.ok, input: undefined };
	};
}
