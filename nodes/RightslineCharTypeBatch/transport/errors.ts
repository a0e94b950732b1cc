import type { INode, NodeApiError } from 'n8n-workflow';

import { describeApiError, notSentBecause, toNodeApiError, type ToNodeApiErrorOptions } from '../../shared/errors';
import type { StatusExplanations } from '../../shared/explanations';
import { setFailureFacts } from '../../shared/failure-facts';
import { NotSent } from '../../shared/run-stop';
import { charTypeName } from '../helpers/char-types';
import type { BatchMethod, Entry } from '../helpers/entries';

/** Rightsline's own words for what its statuses mean (overview/errors.md). */
export const RIGHTSLINE_EXPLANATIONS: StatusExplanations = {
	401: 'Rightsline did not accept the credentials: run the credential test',
	403: 'Rightsline (AWS API Gateway) refused the request or the API user lacks the permission',
	429: 'Rightsline allows 40 requests a second, a daily quota (see Get Limits) and 10 unfinished batches per client; try again later',
	503: 'Rightsline is unavailable, for example during a deployment; try again in a few minutes',
	504: 'Rightsline took too long to answer; the batch may or may not have been created, so check before re-running',
};

/** API Gateway's messages, turned into what a person can check. */
const GATEWAY_ADVICE: Array<{ pattern: RegExp; advice: (match: RegExpExecArray) => string }> = [
	{
		pattern: /^The request signature we calculated does not match/,
		advice: () =>
			'Rightsline rejected the request signature: what arrived is not what was signed. A proxy between n8n and Rightsline may be changing requests; otherwise run the credential test',
	},
	{
		pattern: /^Signature (expired|not yet current): (\S+)/,
		advice: (m) => `Rightsline rejected the request because the n8n server’s clock is more than 5 minutes off (signed at ${m[2]}): correct the server’s time, e.g. with NTP`,
	},
	{
		pattern: /^Credential should be scoped to a valid region, not '([^']*)'/,
		advice: (m) => `Rightsline does not accept signatures for the region “${m[1]}”: set Signing Region in the credential (Rightsline’s v4 API uses us-west-2)`,
	},
	{
		pattern: /^The security token included in the request is (invalid|expired)/,
		advice: (m) => `Rightsline did not accept the temporary credentials (${m[1]}) even after new ones were fetched: run the credential test, and check that the keys belong to this environment`,
	},
	{ pattern: /^Forbidden$/, advice: () => 'Rightsline refused the API key (403 Forbidden): check the API key and the environment in the credential' },
	{
		pattern: /^Missing Authentication Token$/,
		advice: () => 'Rightsline has no such endpoint or did not receive a signature (403 Missing Authentication Token): check the environment or custom URL in the credential',
	},
	{ pattern: /^Limit Exceeded$/, advice: () => 'Rightsline’s daily request quota is used up (429 Limit Exceeded): check Get Limits, and try again tomorrow or ask Rightsline for more' },
];

/** What a batch request asks Rightsline to do, for the words of a write whose answer was lost. */
export function writeOf(method: BatchMethod): ToNodeApiErrorOptions['write'] {
	// Only a retrieval can be sent twice without consequence; a second batch applies everything again.
	return { idempotent: method === 'GET', vendor: 'Rightsline', what: method === 'POST' || method === 'COPY' ? 'record' : 'change' };
}

/** A NodeApiError in words a workflow builder can act on; secrets are never included. */
export function rightslineError(node: INode, error: unknown, options: Pick<ToNodeApiErrorOptions, 'itemIndex' | 'action' | 'write'> = {}): NodeApiError {
	const apiError = toNodeApiError(node, error, { ...options, explanations: RIGHTSLINE_EXPLANATIONS });
	// A batch not sent after an earlier refusal names that refusal, in the same words.
	const notSent = error instanceof NotSent;
	const said = describeApiError(notSent ? error.reason : error).message;
	for (const { pattern, advice } of GATEWAY_ADVICE) {
		const match = pattern.exec(said);
		if (!match) continue;
		if (notSent) {
			apiError.message = notSentBecause(advice(match));
		} else {
			apiError.message = advice(match);
			// API Gateway follows its first line with the canonical request it expected: header names
			// and hashes that help nobody reading the item.
			setFailureFacts(apiError, { vendorMessage: said.split('\n')[0] });
		}
		break;
	}
	return apiError;
}

type Bag = Record<string, unknown>;

const VERBS: Record<BatchMethod, string> = {
	GET: 'retrieve',
	POST: 'create',
	PUT: 'update',
	DELETE: 'delete',
	'EXECUTE-WORKFLOW': 'run the workflow action on',
	COPY: 'copy',
};

function isBag(value: unknown): value is Bag {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function texts(value: unknown): string[] {
	if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
	if (Array.isArray(value)) return value.flatMap(texts);
	if (isBag(value)) {
		const own = value.Message ?? value.message ?? value.ErrorMessage ?? value.errorMessage;
		if (own !== undefined) return texts(own);
		if ('Value' in value || 'value' in value) return texts(value.Value ?? value.value);
	}
	return [];
}

/**
 * Rightsline reports a validation failure as a JSON document in `message`
 * ({"IsValid":false,"Errors":[{"Key":"CharDataValidation","Value":["Invalid field found x."]}],…});
 * this gives its sentences, or undefined when the message is plain text.
 */
export function validationDetails(message: string): string | undefined {
	if (!/^\s*\{/.test(message)) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(message);
	} catch {
		return undefined;
	}
	if (!isBag(parsed)) return undefined;
	const details = [...texts(parsed.Errors ?? parsed.errors), ...texts(parsed.DbValidationErrors)];
	if (parsed.IsLocked === true) details.push('The record is locked.');
	if (parsed.HasBlockingConflicts === true) details.push('The change conflicts with existing rights (blocking conflicts).');
	return details.length > 0 ? details.join(' ') : 'Rightsline reported the record as not valid without saying why.';
}

function subject(entry: Entry): string {
	if (entry.kind === 'relationship') return 'relationship';
	return entry.charTypeId > 0 ? charTypeName(entry.charTypeId) : 'record';
}

function idText(id: number | undefined): string {
	return id ? ` ${id}` : '';
}

/** What a person should read when one record of a batch failed, from its `code` and `message`. */
export function recordFailureText(entry: Entry, code: number, message: string, id: number | undefined): string {
	const what = subject(entry);
	// Get Batch knows the method only from the item, which may not say.
	const verb = (VERBS as Partial<Record<string, string>>)[entry.method] ?? 'process';
	const status = `${code} ${message}`;
	const details = validationDetails(message);
	if (details !== undefined) return `Rightsline did not ${verb} the ${what}${idText(id)}: ${details} (${code})`;
	switch (message.trim()) {
		case 'Record Not Found.':
			return id ? `Rightsline has no ${what} with ID ${id} (${status})` : `Rightsline did not find the ${what} (${status})`;
		case 'Access Denied.':
			return `The Rightsline API user may not ${verb} this ${what}${idText(id)} (${status}): check the user’s security role in Rightsline`;
		case 'Invalid Record.':
			return `Rightsline rejected the ${what}${idText(id)} as invalid (${status}): check the template ID, title and fields`;
		case 'Record Locked.':
			return `The ${what}${idText(id)} is locked in Rightsline (${status}); try again once it is unlocked`;
		default:
			return `Rightsline did not ${verb} the ${what}${idText(id)}: ${message || 'no message'} (${code})`;
	}
}

/** A relationship whose parent or child does not exist comes back as a missing record. */
export function missingLinkText(side: 'parent' | 'child', charTypeId: number, id: number): string {
	return `Rightsline did not create the relationship: its ${side}, ${charTypeName(charTypeId)} ${id}, does not exist (404 Record Not Found.)`;
}
