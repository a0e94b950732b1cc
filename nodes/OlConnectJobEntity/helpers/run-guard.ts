import { inspectFailure } from '../../shared/failure';
import { OlcLoginError } from '../transport/login';

/**
 * Stands in for a request the node chose not to send because an earlier one failed in a way that
 * repeats for every job (see `stopsTheRun`): a thousand identical refusals help nobody, take
 * hours of retries when the server is down, and can lock an account. The earlier failure is kept
 * as `refusal`, not as `cause`: the retry logic must not mistake this for a network failure
 * worth repeating.
 */
export class NotSent extends Error {
	constructor(readonly refusal: unknown) {
		super('Not sent: an earlier request of this run failed in a way that would repeat');
	}
}

/**
 * OL Connect answers 500 for a job that does not exist and for an id mismatch: repeating the
 * request gives the same answer, so it is handed back as a value instead of being retried.
 */
function isServerError(error: unknown): boolean {
	return inspectFailure(error).status === 500;
}

/** Network failures that no other job of the run would escape: wrong address, server down, untrusted certificate. */
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

function failedLogin(error: unknown): boolean {
	let level: unknown = error;
	for (let depth = 0; depth < 8 && typeof level === 'object' && level !== null; depth++) {
		if (level instanceof OlcLoginError) return true;
		level = (level as { cause?: unknown }).cause;
	}
	return false;
}

/**
 * A failure (after retries) that every other job of the run would meet too: credentials refused
 * (401), access refused (403), a failed login, or a server that cannot be reached or trusted.
 * A job that does not exist, a timeout or a 5xx concerns that job only.
 */
function stopsTheRun(error: unknown): boolean {
	if (failedLogin(error)) return true;
	const failure = inspectFailure(error);
	if (failure.status !== undefined) return failure.status === 401 || failure.status === 403;
	return failure.code !== undefined && RUN_STOPPING_CODES.has(failure.code);
}

/** The answer, or the server's refusal of the job(s) asked about, which repeating would not change. */
export type Guarded<T> = { value: T } | { refused: unknown };

/**
 * What every operation does around its requests: a refusal (by default a 500) comes back as a
 * value (not retried), any other failure is rethrown as it came so the retry logic reads its
 * status and network code, and once a failure that would repeat for every job is final, nothing
 * more is sent.
 */
export class RunGuard {
	private stopper: unknown;

	async call<T>(request: () => Promise<T>, refuses: (error: unknown) => boolean = isServerError): Promise<Guarded<T>> {
		if (this.stopper !== undefined) throw new NotSent(this.stopper);
		const result = await request().then(
			(value: T) => ({ value }),
			(failure: unknown) => ({ failure }),
		);
		if ('value' in result) return result;
		if (refuses(result.failure)) return { refused: result.failure };
		throw result.failure;
	}

	/** Called with every final failure, after retries. */
	failed(error: unknown): void {
		if (!(error instanceof NotSent) && stopsTheRun(error)) this.stopper ??= error;
	}
}
