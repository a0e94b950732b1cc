import { inspectFailure } from '../../nodes/shared';

/**
 * n8n 1.x (1.123.81 read) builds its NodeApiError from the axios error without keeping it: no `cause`,
 * no `response`; the status is in `httpCode` and the answer's parsed body in `context.data`. These are
 * the fields a 1.123.81 NodeApiError had for a 422 with a problem+json body (measured by constructing
 * one with its n8n-workflow); n8n 2.x keeps the axios error as `cause` (node-api-error-facts.test.ts).
 */
const n8n1Failure = (status: number, data: unknown) => ({
	name: 'NodeApiError',
	message: `Request failed with status code ${status}`,
	messages: [`Request failed with status code ${status}`],
	httpCode: String(status),
	context: { data },
});

describe('inspectFailure on an n8n 1.x NodeApiError', () => {
	it('reads the status from httpCode and the body from context.data', () => {
		const body = { title: 'One or more validation errors occurred.', status: 422, errors: { orderNumber: ['An order number is required for this job type.'] } };
		expect(inspectFailure(n8n1Failure(422, body))).toMatchObject({ status: 422, body });
	});

	it('takes no body from context when there was no answer', () => {
		const failure = inspectFailure({ name: 'NodeApiError', message: 'connect ECONNREFUSED', httpCode: 'ECONNREFUSED', context: { data: { leftover: true } } });
		expect(failure.code).toBe('ECONNREFUSED');
		expect(failure.status).toBeUndefined();
		expect(failure.body).toBeUndefined();
	});
});
