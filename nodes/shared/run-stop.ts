import { isCredentialRefusal } from './credential-refused';
import { inspectFailure } from './failure';

/**
 * Network failures that every other request of the run would meet too: wrong address, server down,
 * untrusted certificate.
 */
const RUN_STOPPING_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'CERT_HAS_EXPIRED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * A final failure (after retries) that every other item of the run would meet too: the login or
 * token request refused, credentials refused after n8n's own refresh (401), access refused (403),
 * or a server that cannot be reached or trusted. A record the vendor refuses, a timeout or a 5xx
 * concerns that request only.
 */
export function stopsTheRun(error: unknown): boolean {
	if (isCredentialRefusal(error)) return true;
	const failure = inspectFailure(error);
	if (failure.status !== undefined) return failure.status === 401 || failure.status === 403;
	return failure.code !== undefined && RUN_STOPPING_CODES.has(failure.code);
}

/**
 * Stands in for a request the node chose not to send because an earlier one failed in a way that
 * repeats for every item. The earlier failure is kept as `reason`, not as `cause`: the retry logic
 * must not mistake this for a network failure worth repeating.
 */
export class NotSent extends Error {
	constructor(readonly reason: unknown) {
		super('Not sent: an earlier request of this run failed in a way that would repeat for every item');
		this.name = 'NotSent';
	}
}

/**
 * The stop rule every node shares: once a failure that would repeat for every item is final, the
 * rest of the run is not sent. Two thousand identical refusals help nobody, take hours of retries
 * when a server is down, and can lock the account (VBAPI, BigChange and Rightsline all count
 * failed logins).
 */
export class RunStop {
	private stopper: unknown;
	private stoppedOnce = false;

	get stopped(): boolean {
		return this.stoppedOnce;
	}

	/** The failure that stopped the run. */
	get reason(): unknown {
		return this.stopper;
	}

	/** Throws NotSent when the run is stopped; call it before every request. */
	check(): void {
		if (this.stoppedOnce) throw new NotSent(this.stopper);
	}

	/** Called with every final failure, after retries; returns whether it stopped the run. */
	failed(error: unknown): boolean {
		if (this.stoppedOnce || error instanceof NotSent || !stopsTheRun(error)) return false;
		this.stopper = error;
		this.stoppedOnce = true;
		return true;
	}
}
