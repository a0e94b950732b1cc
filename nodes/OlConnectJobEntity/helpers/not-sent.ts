import { inspectFailure } from '../../shared/failure';

/**
 * Stands in for a request the node chose not to send because an earlier one was refused in a way
 * that repeats for every job (wrong credentials, missing role): a thousand identical refusals
 * help nobody and can lock an account. `cause` keeps the refusal, so retry logic and messages
 * read its status.
 */
export class NotSent extends Error {
	constructor(readonly refusal: unknown) {
		super('Not sent: an earlier request of this run was refused');
		this.cause = refusal;
	}
}

/**
 * OL Connect answers 500 for a job that does not exist and for an id mismatch: repeating the
 * request gives the same answer, so it is handed back as a value instead of being retried.
 */
export function isServerError(error: unknown): boolean {
	return inspectFailure(error).status === 500;
}

/** A request's result or its failure as a value, so the caller can decide what to rethrow. */
export async function settled<T>(request: Promise<T>): Promise<{ value: T } | { failure: unknown }> {
	return await request.then(
		(value) => ({ value }),
		(failure: unknown) => ({ failure }),
	);
}
