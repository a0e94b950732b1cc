import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';

import { inspectFailure, NotSent, notSentBecause, toNodeApiError, type StatusExplanations } from '../../shared';

export type JobOperation = 'update' | 'get' | 'create' | 'list';

export interface FailureContext {
	operation: JobOperation;
	itemIndex: number;
	jobId?: number;
	/** The body that was sent, to name custom fields by definition ID rather than list position. */
	sent?: IDataObject;
	pastedToken?: boolean;
}

const SCOPE: Record<JobOperation, string> = { update: 'jobs:write', create: 'jobs:write', get: 'jobs:read', list: 'jobs:read' };
const VERB: Record<JobOperation, string> = { update: 'update jobs', create: 'create jobs', get: 'read jobs', list: 'list jobs' };
const LOCKABLE = new Set(['description', 'personid']);
const STARTED = /start|complet/i;

const EXPLANATIONS: StatusExplanations = {
	403: 'authenticated, but the API client lacks the scope for this operation or may not act for this Customer ID',
	404: 'no job with this ID for this Customer ID',
};

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function subjectOf(context: FailureContext): string {
	if (context.jobId !== undefined) return `Job ${context.jobId}`;
	return context.operation === 'create' ? 'New job' : 'Job list';
}

/** `$.customFields[1].definitionId` → "custom field 99", using the definition ID that was sent at that position. */
function propertyName(key: string, sent: IDataObject | undefined): string {
	const bare = key.replace(/^\$\.?/, '');
	const custom = /^customFields\[(\d+)\]/i.exec(bare);
	if (!custom) return bare === '' ? 'request' : bare;
	const entry = (sent?.customFields as IDataObject[] | undefined)?.[Number(custom[1])];
	return entry?.definitionId !== undefined ? `custom field ${String(entry.definitionId)}` : `custom field #${Number(custom[1]) + 1}`;
}

function messagesOf(value: unknown): string[] {
	const list = Array.isArray(value) ? value : [value];
	return list.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '').map((entry) => entry.trim());
}

/** The documented 422 (and 400) errors map as one line: "orderNumber: required for this job type; …". */
function fieldErrors(errors: Bag, sent: IDataObject | undefined, skip: Set<string> = new Set()): string | undefined {
	const parts = Object.entries(errors)
		.filter(([key]) => !skip.has(key))
		.flatMap(([key, value]) => {
			const texts = messagesOf(value);
			return texts.length > 0 ? [`${propertyName(key, sent)}: ${texts.join(', ')}`] : [];
		});
	return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Which of description/personId BigChange refused because the job is under way or done, if that is the refusal. */
function lockedFields(status: number, body: Bag, sent: IDataObject | undefined): { fields: string[]; keys: Set<string> } | undefined {
	if (isBag(body.errors)) {
		const keys = Object.entries(body.errors)
			.filter(([key, value]) => LOCKABLE.has(key.replace(/^\$\.?/, '').toLowerCase()) && messagesOf(value).some((text) => STARTED.test(text)))
			.map(([key]) => key);
		return keys.length > 0 ? { fields: keys.map((key) => key.replace(/^\$\.?/, '')), keys: new Set(keys) } : undefined;
	}
	const text = `${String(body.title ?? '')} ${String(body.detail ?? '')}`;
	if (status !== 400 || !STARTED.test(text)) return undefined;
	const fields = ['description', 'personId'].filter((name) => sent?.[name] !== undefined);
	return { fields: fields.length > 0 ? fields : ['description'], keys: new Set() };
}

/** 401 and 403 concern the credential, not the job: the same words for every item of the run. */
function accessMessage(status: number | undefined, context: Pick<FailureContext, 'operation' | 'pastedToken'>): string | undefined {
	if (status === 401) {
		return context.pastedToken
			? 'BigChange refused the pasted bearer token (expired or revoked); paste a fresh token into the BigChange credential'
			: "BigChange did not accept the access token even after n8n fetched a new one; check the credential's client ID, secret and Token URL";
	}
	if (status === 403) {
		return `BigChange refused to let this API client ${VERB[context.operation]}: it needs the ${SCOPE[context.operation]} scope and access to this Customer ID. A BigChange administrator can grant them under API Key Management.`;
	}
	return undefined;
}

function ownMessage(status: number | undefined, body: unknown, context: FailureContext): string | undefined {
	const subject = subjectOf(context);
	switch (status) {
		case 401:
		case 403:
			return `${subject}: ${accessMessage(status, context)}`;
		case 404:
			return context.jobId === undefined
				? undefined
				: `${subject} was not found in BigChange: check the job ID; the job may have been deleted or belong to another Customer ID`;
		case 400:
		case 422: {
			if (!isBag(body)) return undefined;
			const locked = lockedFields(status, body, context.sent);
			const others = isBag(body.errors) ? fieldErrors(body.errors, context.sent, locked?.keys) : undefined;
			if (locked) {
				const names = locked.fields.join(' and ');
				const also = others ? `. Also: ${others}` : '';
				return `${subject} has already started or been completed, so BigChange no longer lets its ${names} change; leave ${names} out for jobs that are under way${also}`;
			}
			return others === undefined ? undefined : `${subject}: ${others}`;
		}
		default:
			return undefined;
	}
}

/**
 * "Not sent, because …" in the words every node uses: it is about the run, not this job. When a
 * 401 or 403 stopped the run, BigChange's reason is given in this node's words, not a bare status.
 */
function notSentError(node: INode, error: NotSent, context: FailureContext): NodeApiError {
	const apiError = toNodeApiError(node, error, { itemIndex: context.itemIndex });
	const reason = accessMessage(inspectFailure(error.reason).status, context);
	if (reason !== undefined) apiError.message = notSentBecause(reason);
	return apiError;
}

/** A POST that may have created the job is never repeated; the shared words say so (toNodeApiError). */
const CREATE_WRITE = { idempotent: false, vendor: 'BigChange', what: 'job' };

/**
 * Any failed BigChange call as a NodeApiError whose message a person can act on: 403 names the
 * missing scope, 404 the job, 422 lists the fields, a locked job says why; everything else keeps
 * the server's own words. Secrets are scrubbed by toNodeApiError.
 */
export function bigChangeError(node: INode, error: unknown, context: FailureContext): NodeApiError {
	if (error instanceof NotSent) return notSentError(node, error, context);
	const failure = inspectFailure(error);
	let message = ownMessage(failure.status, failure.body, context);
	if (message === undefined && context.jobId !== undefined) message = `${subjectOf(context)}: ${toNodeApiError(node, error).message}`;
	return toNodeApiError(node, error, {
		itemIndex: context.itemIndex,
		explanations: EXPLANATIONS,
		action: context.jobId === undefined ? VERB[context.operation].replace(/s$/, '') : `${context.operation} job ${context.jobId}`,
		message,
		write: context.operation === 'create' ? CREATE_WRITE : undefined,
	});
}
