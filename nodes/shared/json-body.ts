import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * Request options for a JSON body serialized once, here. Given an object, n8n's axios layer
 * stringifies it on every attempt; given a string, it parses it again to check it. Bytes pass
 * through untouched, which is a measurable share of a bulk run's client time (see bench/).
 *
 * Redirects are not followed: the batch APIs here never redirect a write, and following one would
 * replay the body to an address the credential does not name. A 3xx becomes an error that says so.
 */
export function jsonBodyOptions(
	value: unknown,
	accept = 'application/json',
): Pick<IHttpRequestOptions, 'body' | 'headers' | 'disableFollowRedirect'> {
	return {
		body: Buffer.from(JSON.stringify(value)),
		headers: { 'Content-Type': 'application/json', Accept: accept },
		disableFollowRedirect: true,
	};
}
