import type { INode, NodeApiError } from 'n8n-workflow';

import { describeApiError, toNodeApiError } from '../../shared/errors';
import type { StatusExplanations } from '../../shared/explanations';

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

/** A NodeApiError in words a workflow builder can act on; secrets are never included. */
export function rightslineError(node: INode, error: unknown, options: { itemIndex?: number; action?: string } = {}): NodeApiError {
	const apiError = toNodeApiError(node, error, { ...options, explanations: RIGHTSLINE_EXPLANATIONS });
	const said = describeApiError(error).message;
	for (const { pattern, advice } of GATEWAY_ADVICE) {
		const match = pattern.exec(said);
		if (match) {
			apiError.message = advice(match);
			break;
		}
	}
	return apiError;
}
