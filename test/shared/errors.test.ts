import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { describeApiError, readErrorBody, toNodeApiError } from '../../nodes/shared';
import { n8nFailure, TEST_NODE } from './helpers/n8n-request';
import { ScriptedServer, type Reply } from './helpers/scripted-server';

const problem = (status: number, extra: Record<string, unknown>) => ({
	type: `https://tools.ietf.org/html/rfc9110#section-${status}`,
	status,
	traceId: undefined,
	...extra,
});

/** [case, reply from the server, expected message, expected detail] */
const VENDOR_SHAPES: Array<[string, Reply, string, string | undefined]> = [
	[
		'RFC 7807 problem+json (BigChange 404)',
		{
			status: 404,
			body: problem(404, { title: 'Not Found', detail: 'Job 42 was not found.', instance: '/v1/jobs/42' }),
			headers: { 'content-type': 'application/problem+json' },
		},
		'Not Found: Job 42 was not found.',
		undefined,
	],
	[
		'422 with a field list (BigChange)',
		{
			status: 422,
			body: problem(422, {
				title: 'One or more validation errors occurred.',
				errors: { orderNumber: ['required for this job type'], personId: ['must be a uuid'] },
			}),
			headers: { 'content-type': 'application/problem+json' },
		},
		'orderNumber: required for this job type; personId: must be a uuid',
		'One or more validation errors occurred.',
	],
	[
		'422 with several messages for one field',
		{ status: 422, body: { errors: { '$.plannedDuration': ['must be a number', 'must be positive'] } } },
		'plannedDuration: must be a number, must be positive',
		undefined,
	],
	[
		'VBAPI envelope with a problem in `error`',
		{
			status: 400,
			body: {
				data: null,
				error: { type: null, title: 'Bad Request', status: 400, detail: 'job_ID is required', instance: null },
				debug: { activityID: 'a1b2c3' },
			},
		},
		'Bad Request: job_ID is required',
		'activity ID a1b2c3',
	],
	[
		'OL Connect 2024+ JSON error',
		{ status: 404, body: { error: { status: 404, message: 'Job not found', parameter: '12345' } } },
		'Job not found (parameter: 12345)',
		undefined,
	],
	[
		'OL Connect older plain-text error',
		{ status: 500, body: 'Job ID in request body does not match job ID in path' },
		'Job ID in request body does not match job ID in path',
		undefined,
	],
	[
		'OL Connect older empty 401',
		{ status: 401, body: '', headers: { 'WWW-Authenticate': 'BASIC' } },
		'status 401: credentials rejected or session expired: check the credential and run its test',
		undefined,
	],
	[
		'Rightsline { message }',
		{ status: 429, body: { message: 'Too many batches in queued status. Please wait and try again.' } },
		'Too many batches in queued status. Please wait and try again.',
		undefined,
	],
	[
		'Rightsline validation errors as JSON inside message',
		{ status: 400, body: { message: '{"title":["Title is required."],"template":["Unknown template."]}' } },
		'title: Title is required.; template: Unknown template.',
		undefined,
	],
	[
		'plain text, whitespace collapsed',
		{ status: 500, body: '  Internal error:\n\n  database   unavailable \n' },
		'Internal error: database unavailable',
		undefined,
	],
	[
		'HTML page from a proxy',
		{
			status: 502,
			body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>',
			headers: { 'content-type': 'text/html' },
		},
		'the server answered with an HTML page (status 502)',
		'502 Bad Gateway',
	],
	[
		'OAuth token error',
		{ status: 400, body: { error: 'invalid_client', error_description: 'Client authentication failed' } },
		'invalid_client: Client authentication failed',
		undefined,
	],
	[
		'unrecognised JSON object',
		{ status: 500, body: { foo: { bar: 1 } } },
		'status 500: the server failed while processing the request; if it repeats, report it to the vendor with the time',
		'the server answered {"foo":{"bar":1}}',
	],
];

describe('describeApiError on real n8n request errors', () => {
	let server: ScriptedServer;
	let seq = 0;

	beforeAll(async () => {
		server = await ScriptedServer.start();
	});

	afterAll(async () => {
		await server.close();
	});

	it.each(VENDOR_SHAPES)('%s', async (_name, reply, message, detail) => {
		const url = server.script(`/errors/${seq++}`, reply);
		const error = await n8nFailure({ url, method: 'PUT', body: { a: 1 }, json: true });
		const status = typeof reply === 'object' ? reply.status : undefined;
		expect(describeApiError(error)).toEqual({ status, message, ...(detail ? { detail } : {}) });
	});

	it('a network failure says what happened and where, without the query string', async () => {
		const error = await n8nFailure({ url: 'http://127.0.0.1:1/jobs?api_key=SECRET123456', json: true });
		expect(describeApiError(error)).toEqual({
			message: 'the connection was refused: check the host and port, and that the server is running',
			detail: 'request to http://127.0.0.1:1/jobs',
		});
	});

	it('a timeout and a reset are told apart', async () => {
		const hang = await n8nFailure({ url: server.script('/errors/hang', 'hang'), json: true, timeout: 100 });
		const reset = await n8nFailure({ url: server.script('/errors/reset', 'reset'), json: true });
		expect(describeApiError(hang).message).toBe('no answer arrived within the timeout');
		expect(describeApiError(reset).message).toBe('the connection was closed before an answer arrived');
	});

	it('never leaks credentials echoed by the server', async () => {
		const echo = {
			message: 'Invalid token Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl for x-api-key: KEY-abcdef123',
			request: { headers: { Authorization: 'Basic dXNlcjpwYXNzd29yZA==', 'x-api-key': 'KEY-abcdef123' } },
		};
		const url = server.script('/errors/echo', { status: 401, body: echo });
		const error = await n8nFailure({ url, json: true, headers: { 'x-api-key': 'KEY-abcdef123' } });
		const described = JSON.stringify(describeApiError(error));
		expect(described).not.toMatch(/KEY-abcdef123|eyJhbGci|dXNlcjpwYXNzd29yZA/);
		expect(described).toContain('[redacted]');
		const nodeError = toNodeApiError(TEST_NODE, error);
		expect(JSON.stringify(nodeError)).not.toMatch(/KEY-abcdef123|eyJhbGci|dXNlcjpwYXNzd29yZA/);
		expect(nodeError.cause).toBeUndefined();
	});
});

describe('readErrorBody', () => {
	it.each([
		['OL Connect 2024+', { error: { status: 401, message: 'Invalid token' } }, 'Invalid token'],
		['errors as a list of objects', { errors: [{ field: 'name', message: 'too long' }, 'bad date'] }, 'name: too long; bad date'],
		['errors with propertyName', { errors: [{ propertyName: 'Reference', errorMessage: 'too long' }] }, 'Reference: too long'],
		['ASP.NET Message', { Message: 'An error has occurred.' }, 'An error has occurred.'],
		['body-level error under an empty key', { errors: { '': ['body is required'] } }, 'body is required'],
		['a top-level list', [{ message: 'first' }, { message: 'second' }], 'first; second'],
		['JSON sent as text', '{"message":"from text"}', 'from text'],
		['bytes', new TextEncoder().encode('bytes body'), 'bytes body'],
		['title only', { title: 'Forbidden' }, 'Forbidden'],
		['detail repeating the title', { title: 'Conflict', detail: 'Conflict: record locked' }, 'Conflict: record locked'],
	])('%s', (_name, body, message) => {
		expect(readErrorBody(body)?.message).toBe(message);
	});

	it('long text is clipped', () => {
		const message = readErrorBody('x'.repeat(1000))?.message ?? '';
		expect(message.length).toBeLessThanOrEqual(300);
		expect(message.endsWith('…')).toBe(true);
	});

	it.each([undefined, null, '', '   ', {}])('says nothing for an empty body %p', (body) => {
		expect(readErrorBody(body)).toBeUndefined();
	});

	it.each([
		{ error: {} },
		{ message: { nested: true } },
		{ errors: { a: [{}] } },
		{ error: { status: 404 } },
		{ data: [], error: { type: null, title: null, status: 0, detail: null, instance: null } },
		[{}],
		42,
	])('never says [object Object] (%j)', (body) => {
		const reading = readErrorBody(body, { status: 500 });
		expect(JSON.stringify(reading ?? {})).not.toContain('[object Object]');
	});
});

describe('toNodeApiError', () => {
	it('keeps the status in httpCode, the vendor words in message, and explains in description', () => {
		const cause = {
			isAxiosError: true,
			response: {
				status: 422,
				headers: {},
				data: { title: 'Validation failed', errors: { orderNumber: ['required for this job type'] } },
			},
		};
		const error = toNodeApiError(TEST_NODE, cause, { itemIndex: 3, action: 'update job 42' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('422');
		expect(error.message).toBe('orderNumber: required for this job type');
		expect(error.description).toBe(
			'HTTP 422: the server understood the request but rejected some values: correct the fields named. Validation failed. While trying to update job 42.',
		);
		expect(error.context.itemIndex).toBe(3);
	});

	it('lets a vendor node extend the status explanations', () => {
		const error = toNodeApiError(TEST_NODE, { response: { status: 403, data: '' } }, {
			explanations: { 403: 'forbidden: VBAPI also answers 403 when the User-Agent header is missing' },
		});
		expect(error.description).toBe('HTTP 403: forbidden: VBAPI also answers 403 when the User-Agent header is missing.');
	});

	it('takes the node\'s own message when given, keeping what the server said in the description', () => {
		const cause = { response: { status: 404, data: { title: 'Not Found', detail: 'Job 42 was not found.' } } };
		const error = toNodeApiError(TEST_NODE, cause, { message: 'Job 42 does not exist in BigChange (key sk_live_abcdef)', secrets: ['sk_live_abcdef'] });
		expect(error.message).toBe('Job 42 does not exist in BigChange (key [redacted])');
		expect(error.httpCode).toBe('404');
		expect(error.description).toBe(
			'HTTP 404: not found: check the ID or URL; the record may have been deleted. The server said: Not Found: Job 42 was not found.',
		);
	});

	it('keeps a message that mentions a network code (n8n would swap it for generic text)', () => {
		const error = toNodeApiError(TEST_NODE, { response: { status: 502, data: 'upstream ECONNRESET from backend' } });
		expect(error.message).toBe('upstream ECONNRESET from backend');
	});

	it('has no httpCode for a network failure', async () => {
		const raw = await n8nFailure({ url: 'http://127.0.0.1:1/x', json: true });
		const error = toNodeApiError(TEST_NODE, raw);
		expect(error.httpCode).toBeNull();
		expect(error.message).toMatch(/connection was refused/);
	});

	it('redacts exact secret values the caller passes', () => {
		const error = toNodeApiError(TEST_NODE, { response: { status: 400, data: 'customer 99 key hunter2hunter2 invalid' } }, {
			secrets: ['hunter2hunter2'],
		});
		expect(error.message).toBe('customer 99 key [redacted] invalid');
	});

	it('describes non-HTTP errors by their message, and re-describing its own output is stable', () => {
		expect(describeApiError(new NodeOperationError(TEST_NODE, 'ID is missing'))).toEqual({ message: 'ID is missing' });
		expect(describeApiError('plain words')).toEqual({ message: 'plain words' });
		expect(describeApiError({ response: { status: 404, data: { error: { status: 404 } } } })).toEqual({
			status: 404,
			message: 'status 404: not found: check the ID or URL; the record may have been deleted',
			detail: 'the server answered {"error":{"status":404}}',
		});
		const first = toNodeApiError(TEST_NODE, { response: { status: 404, data: { message: 'Job 7 not found' } } });
		expect(describeApiError(first)).toEqual({ status: 404, message: 'Job 7 not found' });
	});
});
