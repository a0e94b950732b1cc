import type { INode, NodeApiError } from 'n8n-workflow';

import { readErrorBody } from '../../shared/error-body';
import { notSentBecause, toNodeApiError } from '../../shared/errors';
import { explainStatus, type StatusExplanations } from '../../shared/explanations';
import { inspectFailure } from '../../shared/failure';
import { scrubText, scrubValue } from '../../shared/scrub';
import { NotSent } from '../../shared/run-stop';
import type { AuthMode } from './connection';

/** What each status means on a Connect Server, for the error's description. */
const OLC_EXPLANATIONS: StatusExplanations = {
	401: 'OL Connect did not accept the credentials or the session: check the credential and run its test',
	403: 'on Connect 2023.1 and later the user lacks a role this call needs (job data needs the Data Handler role, ROLE_DATA); before 2023.1 the user name, password or session token was refused',
	404: 'the job does not exist on this server (the server’s clean-up removes finished jobs), or the Server URL points to another server',
	406: 'the server cannot answer in a format this node reads',
	500: 'the Connect Server failed to process the request; for job calls the usual cause is a job ID that does not exist',
};

const UNAUTHORIZED: Record<AuthMode, string> = {
	login: 'OL Connect did not accept the session even after logging in again: check the user name and password in the credential',
	basic: 'OL Connect did not accept the user name or password set in the credential: check both',
	none: 'OL Connect requires authentication: security is on for this server, so set the credential to log in or use Basic auth',
};

const FORBIDDEN =
	'OL Connect refused access: the user needs the Data Handler role (ROLE_DATA) to read or change jobs (before Connect 2023.1 this also means the user name, password or session was not accepted)';

export interface OlcErrorContext {
	itemIndex: number;
	jobId: number;
	/** What the node was doing, e.g. "update the properties of job 12". */
	action: string;
	authMode: AuthMode;
	/** Values to redact besides what the scrubber finds by name (the password). */
	secrets: readonly string[];
	/** The node's own words when the status alone would mislead, e.g. for a job of a refused chunk. */
	message?: string;
	/** Added to the description: how the failure was found. */
	note?: string;
}

/** "…missing resource. (parameter: 12)" reads better without the full stop inside, and with none at the end. */
function tidy(text: string): string {
	return text.replace(/\.\s*\(parameter:/, ' (parameter:').replace(/[.\s]+$/, '');
}

function ownWords(status: number | undefined, context: OlcErrorContext): string | undefined {
	switch (status) {
		case 401:
			return UNAUTHORIZED[context.authMode];
		case 403:
			return FORBIDDEN;
		case 404:
			return `OL Connect has no job ${context.jobId}`;
		case 500:
			return `OL Connect could not ${context.action}; the most common cause is that job ${context.jobId} does not exist (any more)`;
		default:
			return undefined;
	}
}

/**
 * The failure in the node's words, without the job in front: what the server said, in the 2023.1+
 * JSON Error or as older plain text, is kept in the description; an empty body (older servers)
 * adds nothing there.
 */
function describeFailure(node: INode, error: unknown, context: OlcErrorContext): NodeApiError {
	const failure = inspectFailure(error);
	const own = context.message ?? ownWords(failure.status, context);
	const apiError = toNodeApiError(node, error, {
		itemIndex: context.itemIndex,
		action: context.action,
		explanations: OLC_EXPLANATIONS,
		message: own,
		secrets: context.secrets,
	});
	if (own === undefined) apiError.message = tidy(apiError.message);
	if (own !== undefined && failure.status !== undefined) {
		const reading = readErrorBody(scrubValue(failure.body, context.secrets), { status: failure.status, contentType: failure.headers['content-type'] });
		const said = reading?.message === undefined ? undefined : tidy(scrubText(reading.message, context.secrets));
		apiError.description = [
			`HTTP ${failure.status}: ${explainStatus(failure.status, OLC_EXPLANATIONS)}.`,
			said === undefined ? undefined : `The server said: ${said}.`,
			`While trying to ${context.action}.`,
			context.note,
		]
			.filter(Boolean)
			.join(' ');
	} else if (context.note) {
		apiError.description = [apiError.description, context.note].filter(Boolean).join(' ');
	}
	return apiError;
}

/**
 * A NodeApiError for one job, in words a workflow builder can act on, starting with the job. A job
 * the run's stop rule held back (NotSent) names the failure that stopped the run, in the same
 * words as the job that met it.
 */
export function olcApiError(node: INode, thrown: unknown, context: OlcErrorContext): NodeApiError {
	if (!(thrown instanceof NotSent)) {
		const apiError = describeFailure(node, thrown, context);
		apiError.message = `Job ${context.jobId}: ${apiError.message}`;
		return apiError;
	}
	const apiError = toNodeApiError(node, thrown, { itemIndex: context.itemIndex, action: context.action, secrets: context.secrets });
	const reason = describeFailure(node, thrown.reason, { ...context, message: undefined, note: undefined });
	apiError.message = `Job ${context.jobId}: ${notSentBecause(reason.message)}`;
	return apiError;
}
