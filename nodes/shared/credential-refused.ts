import { UserError } from 'n8n-workflow';

import { isBag } from './failure';

const NAME = 'CredentialRefused';

/**
 * Thrown by a credential's login (`preAuthentication`) when the vendor refuses it: a wrong password,
 * an unknown client, an MFA challenge. n8n wraps it in a NodeApiError, so it is recognised by name
 * along the cause chain (`isCredentialRefusal`) rather than by `instanceof`, which would fail if n8n
 * loaded the credential and the node from two copies of this module.
 */
export class CredentialRefused extends UserError {
	constructor(message: string) {
		super(message);
		this.name = NAME;
	}
}

export function isCredentialRefusal(error: unknown): boolean {
	let level: unknown = error;
	for (let depth = 0; depth < 8 && isBag(level); depth++) {
		if (level.name === NAME) return true;
		level = level.cause ?? level.errorResponse;
	}
	return false;
}
