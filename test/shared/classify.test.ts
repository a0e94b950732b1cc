import { classifyFailure } from '../../nodes/shared';
import { n8nFailure } from './helpers/n8n-request';
import { ScriptedServer } from './helpers/scripted-server';

/** Every error here is produced for real: n8n's request client against a loopback server. */
describe('classifyFailure on real n8n request errors', () => {
	let server: ScriptedServer;
	let seq = 0;

	beforeAll(async () => {
		server = await ScriptedServer.start();
	});

	afterAll(async () => {
		await server.close();
	});

	async function failWith(reply: Parameters<ScriptedServer['script']>[1], timeout = 2000) {
		const url = server.script(`/classify/${seq++}`, reply);
		return await n8nFailure({ url, method: 'POST', body: { a: 1 }, json: true, timeout });
	}

	const both = (error: unknown) => ({
		idempotent: classifyFailure(error, { idempotent: true }),
		create: classifyFailure(error, { idempotent: false }),
	});

	it.each([429, 503])('%i is retried even for a create (the server did not process it)', async (status) => {
		const { idempotent, create } = both(await failWith({ status, body: { message: 'busy' } }));
		expect(idempotent.retry).toBe(true);
		expect(create.retry).toBe(true);
		expect(create.throttled).toBe(true);
		expect(create.waitMs).toBeUndefined();
	});

	it('408 is retried for both, without pausing other workers', async () => {
		const { create } = both(await failWith({ status: 408 }));
		expect(create).toMatchObject({ retry: true });
		expect(create.throttled).toBeFalsy();
	});

	it('reads Retry-After in seconds from the error', async () => {
		const error = await failWith({ status: 429, headers: { 'Retry-After': '3' } });
		expect(classifyFailure(error, { idempotent: false }).waitMs).toBe(3000);
	});

	it('reads Retry-After as an HTTP date from the error', async () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		const error = await failWith({ status: 503, headers: { 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' } });
		expect(classifyFailure(error, { idempotent: false, now }).waitMs).toBe(5000);
	});

	it.each([500, 502, 504])('%i is retried only when idempotent', async (status) => {
		const { idempotent, create } = both(await failWith({ status, body: 'upstream trouble' }));
		expect(idempotent.retry).toBe(true);
		expect(create.retry).toBe(false);
		expect(create.reason).toMatch(/may have applied/);
	});

	it('an HTML 502 page from a proxy is classified by its status', async () => {
		const error = await failWith({ status: 502, body: '<!doctype html><title>502</title>', headers: { 'content-type': 'text/html' } });
		expect(both(error).idempotent.retry).toBe(true);
	});

	it.each([400, 401, 403, 404, 409, 422, 501])('%i is never retried', async (status) => {
		const { idempotent, create } = both(await failWith({ status, body: { title: 'no' } }));
		expect(idempotent.retry).toBe(false);
		expect(create.retry).toBe(false);
	});

	it('a timeout after sending is retried only when idempotent', async () => {
		const { idempotent, create } = both(await failWith('hang', 150));
		expect(idempotent.retry).toBe(true);
		expect(create.retry).toBe(false);
		expect(create.reason).toMatch(/ECONNABORTED/);
	});

	it('a connection reset after sending is retried only when idempotent', async () => {
		const { idempotent, create } = both(await failWith('reset'));
		expect(idempotent.retry).toBe(true);
		expect(create.retry).toBe(false);
		expect(create.reason).toMatch(/ECONNRESET/);
	});

	it('connection refused is retried even for a create (nothing was sent)', async () => {
		const error = await n8nFailure({ url: 'http://127.0.0.1:1/x', method: 'POST', body: {}, json: true });
		expect(both(error).create).toMatchObject({ retry: true });
	});

	it('an unknown host (DNS) is retried even for a create (nothing was sent)', async () => {
		const error = await n8nFailure({ url: 'http://no-such-host.invalid/x', method: 'POST', body: {}, json: true });
		expect(both(error).create).toMatchObject({ retry: true, reason: expect.stringMatching(/ENOTFOUND|EAI_AGAIN/) });
	});

	it('a cancelled request is never retried', async () => {
		const url = server.script('/classify/cancel', 'hang');
		const controller = new AbortController();
		const pending = n8nFailure({ url, json: true, abortSignal: controller.signal });
		controller.abort();
		expect(both(await pending).idempotent).toMatchObject({ retry: false, reason: 'cancelled' });
	});

	it('something that is not an HTTP failure is not retried', () => {
		expect(classifyFailure(new Error('bug'), { idempotent: true }).retry).toBe(false);
		expect(classifyFailure('text', { idempotent: true }).retry).toBe(false);
		expect(classifyFailure(undefined, { idempotent: true }).retry).toBe(false);
	});
});
