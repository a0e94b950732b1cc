import { NodeApiError } from 'n8n-workflow';

import { n8nFailure } from './helpers/n8n-request';
import { ScriptedServer } from './helpers/scripted-server';

/**
 * Pins down where a NodeApiError from n8n's request path keeps what the shared code reads. If an
 * n8n upgrade moves any of it, these fail before retry or error messages silently degrade.
 */
interface AxiosLike {
	code?: string;
	response?: { status: number; headers: Record<string, unknown>; data: unknown };
}

const causeOf = (error: NodeApiError): AxiosLike => error.cause as AxiosLike;

describe('NodeApiError from n8n-core request path (facts the shared code relies on)', () => {
	let server: ScriptedServer;

	beforeAll(async () => {
		server = await ScriptedServer.start();
	});

	afterAll(async () => {
		await server.close();
	});

	it('an HTTP error keeps status, headers and parsed body on the axios cause, status in httpCode', async () => {
		const url = server.script('/facts/429', {
			status: 429,
			body: { message: 'slow down' },
			headers: { 'Retry-After': '7' },
		});
		const error = await n8nFailure({ url, method: 'POST', body: { a: 1 }, json: true });
		expect(error.httpCode).toBe('429');
		expect(causeOf(error).response?.status).toBe(429);
		expect(causeOf(error).response?.headers['retry-after']).toBe('7');
		expect(causeOf(error).response?.data).toEqual({ message: 'slow down' });
		// n8n replaces the message with its generic status text; the vendor's words move to description.
		expect(error.message).toBe('The service is receiving too many requests from you');
		expect(error.description).toBe('slow down');
	});

	it('a text or HTML body arrives as a string', async () => {
		const url = server.script('/facts/502', { status: 502, body: '<html><body>Bad gateway</body></html>' });
		const error = await n8nFailure({ url, json: true });
		expect(error.httpCode).toBe('502');
		expect(causeOf(error).response?.data).toBe('<html><body>Bad gateway</body></html>');
	});

	it('a timeout is ECONNABORTED (axios), in cause.code and in httpCode, with no response', async () => {
		const url = server.script('/facts/hang', 'hang');
		const error = await n8nFailure({ url, method: 'POST', body: {}, json: true, timeout: 150 });
		expect(causeOf(error).code).toBe('ECONNABORTED');
		expect(causeOf(error).response).toBeUndefined();
		expect(error.httpCode).toBe('ECONNABORTED');
	});

	it('a dropped socket is ECONNRESET', async () => {
		const url = server.script('/facts/reset', 'reset');
		const error = await n8nFailure({ url, method: 'POST', body: {}, json: true });
		expect(causeOf(error).code).toBe('ECONNRESET');
		expect(error.httpCode).toBe('ECONNRESET');
	});

	it('a closed port is ECONNREFUSED', async () => {
		const error = await n8nFailure({ url: 'http://127.0.0.1:1/x', json: true });
		expect(causeOf(error).code).toBe('ECONNREFUSED');
	});

	it('an aborted request is ERR_CANCELED', async () => {
		const url = server.script('/facts/abort', 'hang');
		const controller = new AbortController();
		const pending = n8nFailure({ url, json: true, abortSignal: controller.signal });
		setTimeout(() => controller.abort(), 50);
		expect(causeOf(await pending).code).toBe('ERR_CANCELED');
	});

	it('the request headers (credentials) ride along on the cause, but not in toJSON', async () => {
		const url = server.script('/facts/401', { status: 401, body: { message: 'no' } });
		const error = await n8nFailure({ url, json: true, headers: { 'x-api-key': 'KEY-123456789' } });
		const config = (error.cause as { config?: { headers?: Record<string, unknown> } }).config;
		expect(config?.headers?.['x-api-key']).toBe('KEY-123456789');
		expect(JSON.stringify(error)).not.toContain('KEY-123456789');
	});
});
