import { performance } from 'perf_hooks';

import { RequestPacer, withRetry, type RetryEvent, type RetryPolicy } from '../../nodes/shared';
import { n8nRequest } from './helpers/n8n-request';
import { gaps, ScriptedServer } from './helpers/scripted-server';

/** How late a timer may fire on a busy 2-core machine without the test failing. */
const LATE = 3000;

describe('withRetry against a real server through n8n request errors', () => {
	let server: ScriptedServer;
	let seq = 0;
	const fast: RetryPolicy = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50 };

	beforeAll(async () => {
		server = await ScriptedServer.start();
	});

	afterAll(async () => {
		await server.close();
	});

	function path(name: string): string {
		return `/retry/${name}/${seq++}`;
	}

	const post = (url: string, timeout = 2000) => () =>
		n8nRequest({ url, method: 'POST', body: { a: 1 }, json: true, timeout });

	it('waits exactly the Retry-After seconds, measured at the server', async () => {
		const p = path('after-seconds');
		const url = server.script(p, { status: 429, headers: { 'Retry-After': '1' } });
		await expect(withRetry(post(url), { idempotent: false, policy: fast })).resolves.toEqual({ ok: true });
		const [gap] = gaps(server.times(p));
		expect(server.count(p)).toBe(2);
		expect(gap).toBeGreaterThanOrEqual(990);
		expect(gap).toBeLessThan(1000 + LATE);
	});

	it('gives "slow down" answers a longer budget than real failures', async () => {
		const p = path('throttle-budget');
		const throttled = { status: 429, headers: { 'Retry-After': '0' } };
		const url = server.script(p, throttled, throttled, throttled, throttled, throttled);
		const policy: RetryPolicy = { ...fast, maxAttempts: 2, maxThrottledAttempts: 6 };
		await expect(withRetry(post(url), { idempotent: false, policy })).resolves.toEqual({ ok: true });
		expect(server.count(p)).toBe(6);

		const failing = path('failure-budget');
		const boom = { status: 503 as const };
		const errorUrl = server.script(failing, { status: 500 }, { status: 500 }, boom);
		await expect(withRetry(post(errorUrl), { idempotent: true, policy })).rejects.toBeDefined();
		expect(server.count(failing)).toBe(2);
	});

	it('waits until a Retry-After HTTP date, measured at the server', async () => {
		const p = path('after-date');
		// HTTP dates have whole seconds, so "2 s from now" is between 1 and 2 s away.
		const at = new Date(Date.now() + 2000).toUTCString();
		const url = server.script(p, { status: 503, headers: { 'Retry-After': at } });
		await withRetry(post(url), { idempotent: false, policy: fast });
		const [gap] = gaps(server.times(p));
		expect(gap).toBeGreaterThanOrEqual(950);
		expect(gap).toBeLessThan(2000 + LATE);
	});

	it('backs off exponentially when there is no Retry-After', async () => {
		const p = path('grow');
		const url = server.script(p, { status: 500 }, { status: 502 }, { status: 504 });
		const events: RetryEvent[] = [];
		const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 };
		await withRetry(post(url), { idempotent: true, policy, onRetry: (e) => events.push(e) });
		expect(events.map((e) => e.waitMs)).toEqual([99, 199, 399]);
		const measured = gaps(server.times(p));
		expect(measured).toHaveLength(3);
		measured.forEach((gap, i) => {
			expect(gap).toBeGreaterThanOrEqual(events[i].waitMs - 2);
			expect(gap).toBeLessThan(events[i].waitMs + LATE);
		});
	});

	it('stops after maxAttempts and throws the last error unchanged', async () => {
		const p = path('give-up');
		const url = server.script(p, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
		const thrown: unknown[] = [];
		const send = async () => {
			try {
				return await post(url)();
			} catch (error) {
				thrown.push(error);
				throw error;
			}
		};
		const outcome = withRetry(send, { idempotent: true, policy: { ...fast, maxAttempts: 3 } });
		await expect(outcome).rejects.toBeDefined();
		expect(server.count(p)).toBe(3);
		expect(thrown).toHaveLength(3);
		await expect(outcome).rejects.toBe(thrown[2]);
	});

	it('does not repeat a create that timed out (it may have been applied)', async () => {
		const p = path('create-timeout');
		const url = server.script(p, 'hang');
		await expect(withRetry(post(url, 150), { idempotent: false, policy: fast })).rejects.toMatchObject({
			httpCode: 'ECONNABORTED',
		});
		expect(server.count(p)).toBe(1);
	});

	it('repeats an idempotent call that timed out', async () => {
		const p = path('put-timeout');
		const url = server.script(p, 'hang');
		await expect(withRetry(post(url, 150), { idempotent: true, policy: fast })).resolves.toEqual({ ok: true });
		expect(server.count(p)).toBe(2);
	});

	it('does not repeat a create whose connection was reset, but repeats an idempotent one', async () => {
		const create = path('create-reset');
		const createUrl = server.script(create, 'reset');
		await expect(withRetry(post(createUrl), { idempotent: false, policy: fast })).rejects.toBeDefined();
		expect(server.count(create)).toBe(1);

		const put = path('put-reset');
		const putUrl = server.script(put, 'reset');
		await expect(withRetry(post(putUrl), { idempotent: true, policy: fast })).resolves.toEqual({ ok: true });
		expect(server.count(put)).toBe(2);
	});

	it.each([429, 503])('retries %i even for a create', async (status) => {
		const p = path(`create-${status}`);
		const url = server.script(p, { status }, { status });
		await expect(withRetry(post(url), { idempotent: false, policy: fast })).resolves.toEqual({ ok: true });
		expect(server.count(p)).toBe(3);
	});

	it.each([400, 404])('never retries %i', async (status) => {
		const p = path(`no-${status}`);
		const url = server.script(p, { status, body: { message: 'nope' } });
		await expect(withRetry(post(url), { idempotent: true, policy: fast })).rejects.toMatchObject({
			httpCode: String(status),
		});
		expect(server.count(p)).toBe(1);
	});

	it('gives up at once when Retry-After is longer than the policy allows', async () => {
		const p = path('too-long');
		const url = server.script(p, { status: 429, headers: { 'Retry-After': '3600' } });
		const started = performance.now();
		await expect(
			withRetry(post(url), { idempotent: true, policy: { ...fast, maxRetryAfterMs: 60_000 } }),
		).rejects.toMatchObject({ httpCode: '429' });
		expect(server.count(p)).toBe(1);
		expect(performance.now() - started).toBeLessThan(3000);
	});

	it('a 429 with Retry-After holds back every worker sharing the pacer', async () => {
		const limited = path('shared-429');
		const other = path('shared-other');
		const limitedUrl = server.script(limited, { status: 429, headers: { 'Retry-After': '1' } });
		const otherUrl = server.script(other);
		const pacer = new RequestPacer({ requestsPerSecond: 0 });
		const first = withRetry(post(limitedUrl), { idempotent: false, policy: fast, pacer });
		// The second worker starts after the 429 has been seen, well inside the pause.
		await new Promise((resolve) => setTimeout(resolve, 200));
		const second = withRetry(post(otherUrl), { idempotent: false, policy: fast, pacer });
		await Promise.all([first, second]);
		const [rejectedAt] = server.times(limited);
		const [otherAt] = server.times(other);
		expect(otherAt - rejectedAt).toBeGreaterThanOrEqual(990);
	});

	it('stops waiting when the execution is cancelled', async () => {
		const p = path('cancel');
		const url = server.script(p, { status: 503, headers: { 'Retry-After': '30' } });
		const controller = new AbortController();
		const run = withRetry(post(url), { idempotent: true, policy: fast, signal: controller.signal });
		setTimeout(() => controller.abort(new Error('execution stopped')), 100);
		await expect(run).rejects.toThrow('execution stopped');
		expect(server.count(p)).toBe(1);
	});

	it('rejects a policy with fewer than one attempt', async () => {
		await expect(
			withRetry(async () => 1, { idempotent: true, policy: { ...fast, maxAttempts: 0 } }),
		).rejects.toThrow(RangeError);
	});
});
