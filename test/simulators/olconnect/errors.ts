import type { SimResponse } from '../base';
import type { OlcSimSettings } from './settings';

export interface OlcErrorOptions {
	/** The JSON Error's `parameter`: the ID of the resource that caused the error. */
	parameter?: string | number;
	/** What an older server sends instead: plain text, or nothing when undefined. */
	legacyText?: string;
	headers?: Record<string, string>;
}

/** `WWW-Authenticate: BASIC` on a 401, as both generations of the docs list it. */
export const BASIC_CHALLENGE = { 'www-authenticate': 'BASIC' };

/**
 * An error answer in the style the server is set to: 2023.1+ sends the JSON Error structure
 * `{ "error": { "status", "message", "parameter" } }`; older servers an empty body or a line of text.
 */
export function olcError(settings: OlcSimSettings, status: number, message: string, options: OlcErrorOptions = {}): SimResponse {
	if (settings.errorStyle === 'legacy') {
		return options.legacyText === undefined
			? { status, headers: options.headers }
			: { status, headers: { ...options.headers, 'content-type': 'text/plain' }, body: options.legacyText };
	}
	const error: Record<string, unknown> = { status, message };
	if (options.parameter !== undefined) error.parameter = String(options.parameter);
	return { status, headers: { ...options.headers, 'content-type': 'application/json' }, body: { error } };
}
