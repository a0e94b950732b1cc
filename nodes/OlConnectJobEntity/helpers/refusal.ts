import { inspectFailure } from '../../shared/failure';

/** The answer, or the server's refusal of the job(s) asked about, which repeating would not change. */
export type Answer<T> = { value: T } | { refused: unknown };

/**
 * OL Connect answers 500 for a job that does not exist and for an id mismatch: repeating the
 * request gives the same answer, so it is handed back as a value instead of being retried.
 */
function isServerError(error: unknown): boolean {
	return inspectFailure(error).status === 500;
}

/**
 * Runs one request: a refusal (by default a 500) comes back as a value, so the retry logic does
 * not repeat it; any other failure is rethrown as it came, so the retry logic and the run's stop
 * rule read its status and network code.
 */
export async function answerOrRefusal<T>(request: () => Promise<T>, refuses: (error: unknown) => boolean = isServerError): Promise<Answer<T>> {
	const result = await request().then(
		(value: T) => ({ value }),
		(failure: unknown) => ({ failure }),
	);
	if ('value' in result) return result;
	if (refuses(result.failure)) return { refused: result.failure };
	throw result.failure;
}
