import { Client, request } from 'undici';

import { SimServer } from './index';

describe('SimServer routing, middlewares and log', () => {
	let sim: SimServer;
	let base: string;

	beforeEach(async () => {
		sim = new SimServer({ name: 'routing' });
		sim.route('GET', '/v1/jobs/:jobId', (req) => ({ status: 200, body: { id: req.params.jobId, q: req.query } }));
		sim.route('PUT', '/v1/jobs/:jobId', (req) => ({ status: 204, body: undefined, headers: { 'x-put': req.params.jobId } }));
		sim.route('GET', '/v1/jobs/special', () => ({ status: 200, body: 'literal wins' }));
		sim.route('GET', '/v1/plans/{planKey}/cases/{caseKey}', (req) => ({ status: 200, body: req.params }));
		sim.route('GET', '/files/*', (req) => ({ status: 200, body: { rest: req.params['*'] } }));
		sim.route('GET', '/named/*tail', (req) => ({ status: 200, body: { tail: req.params.tail } }));
		sim.route('POST', '/echo', (req) => ({ status: 201, body: { body: req.body ?? null, raw: req.rawBody } }));
		sim.route('GET', '/boom', () => {
			throw new Error('handler exploded');
		});
		base = await sim.start();
	});

	afterEach(() => sim.stop());

	it('binds to 127.0.0.1 and reports the base URL', () => {
		expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.baseUrl).toBe(base);
	});

	it('matches params (both :name and {name}), decodes them and passes the query', async () => {
		const res = await request(`${base}/v1/jobs/J%2042?x=1&x=2&y=3`);
		expect(res.statusCode).toBe(200);
		expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(await res.body.json()).toEqual({ id: 'J 42', q: { x: '1,2', y: '3' } });

		const nested = await request(`${base}/v1/plans/7/cases/9`);
		expect(await nested.body.json()).toEqual({ planKey: '7', caseKey: '9' });
	});

	it('prefers a literal route over a param route at the same path', async () => {
		const res = await request(`${base}/v1/jobs/special`);
		expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
		expect(await res.body.text()).toBe('literal wins');
	});

	it('captures the rest of the path with a trailing wildcard', async () => {
		expect(await (await request(`${base}/files/a/b/c.txt`)).body.json()).toEqual({ rest: 'a/b/c.txt' });
		expect(await (await request(`${base}/named/x/y`)).body.json()).toEqual({ tail: 'x/y' });
	});

	it('sends 404 JSON for an unknown path and 405 with Allow for a known path', async () => {
		const missing = await request(`${base}/nope`);
		expect(missing.statusCode).toBe(404);
		expect(await missing.body.json()).toEqual({ error: 'Not Found', method: 'GET', path: '/nope' });

		const wrongMethod = await request(`${base}/v1/jobs/1`, { method: 'DELETE' });
		expect(wrongMethod.statusCode).toBe(405);
		expect(String(wrongMethod.headers.allow).split(', ').sort()).toEqual(['GET', 'PUT']);
		await wrongMethod.body.dump();
	});

	it('sends an empty body with content-length 0 when the body is undefined', async () => {
		const res = await request(`${base}/v1/jobs/5`, { method: 'PUT' });
		expect(res.statusCode).toBe(204);
		expect(res.headers['x-put']).toBe('5');
		expect(await res.body.text()).toBe('');
	});

	it('parses JSON bodies and keeps non-JSON bodies raw', async () => {
		const json = await request(`${base}/echo`, { method: 'POST', body: '{"a":[1,2]}', headers: { 'content-type': 'application/json' } });
		expect(await json.body.json()).toEqual({ body: { a: [1, 2] }, raw: '{"a":[1,2]}' });
		const text = await request(`${base}/echo`, { method: 'POST', body: 'a=1&b=2' });
		expect(await text.body.json()).toEqual({ body: null, raw: 'a=1&b=2' });
	});

	it('answers 500 with the message when a handler throws', async () => {
		const res = await request(`${base}/boom`);
		expect(res.statusCode).toBe(500);
		expect(await res.body.json()).toEqual({ error: 'Simulator handler failed', simulator: 'routing', message: 'handler exploded' });
	});

	it('runs middlewares in order before the route, and a response short-circuits', async () => {
		const seen: string[] = [];
		sim.use((req) => {
			seen.push(`first:${req.params.jobId ?? '-'}`);
			return undefined;
		});
		sim.use(async (req) => {
			seen.push('second');
			return req.headers.authorization === 'let-me-in' ? undefined : { status: 401, body: { error: 'no' } };
		});
		const denied = await request(`${base}/v1/jobs/3`);
		expect(denied.statusCode).toBe(401);
		await denied.body.dump();
		const allowed = await request(`${base}/v1/jobs/3`, { headers: { authorization: 'let-me-in' } });
		expect(allowed.statusCode).toBe(200);
		await allowed.body.dump();
		expect(seen).toEqual(['first:3', 'second', 'first:3', 'second']);
	});

	it('records every request in order with method, path, query, headers, body, status and outcome', async () => {
		await (await request(`${base}/v1/jobs/1?page=2`, { headers: { 'X-Custom': 'A' } })).body.dump();
		await (await request(`${base}/echo`, { method: 'POST', body: '[1]' })).body.dump();
		await (await request(`${base}/missing`)).body.dump();

		expect(sim.log).toHaveLength(3);
		const [first, second, third] = sim.log;
		expect(first).toMatchObject({ seq: 1, method: 'GET', path: '/v1/jobs/1', query: { page: '2' }, status: 200, outcome: 'ok', rawBody: '' });
		expect(first.headers['x-custom']).toBe('A');
		expect(first.body).toBeUndefined();
		expect(second).toMatchObject({ seq: 2, method: 'POST', path: '/echo', body: [1], rawBody: '[1]', status: 201 });
		expect(third).toMatchObject({ seq: 3, status: 404, outcome: 'ok' });
		expect(first.time).toBeLessThanOrEqual(second.time);
		expect(Math.abs(first.time - Date.now())).toBeLessThan(5_000);

		expect(sim.stats()).toEqual({ requests: 3, byStatus: { 200: 1, 201: 1, 404: 1 }, rateLimited: 0 });
		sim.resetLog();
		expect(sim.log).toHaveLength(0);
		expect(sim.stats()).toEqual({ requests: 0, byStatus: {}, rateLimited: 0 });
		await (await request(`${base}/v1/jobs/1`)).body.dump();
		expect(sim.log[0].seq).toBe(1);
	});

	it('keeps only counters when logging is off', async () => {
		sim.logging = false;
		for (let i = 0; i < 5; i++) await (await request(`${base}/v1/jobs/${i}`)).body.dump();
		expect(sim.log).toHaveLength(0);
		expect(sim.stats()).toEqual({ requests: 5, byStatus: { 200: 5 }, rateLimited: 0 });
	});

	it('reuses one keep-alive connection for sequential requests', async () => {
		const client = new Client(base);
		let connects = 0;
		client.on('connect', () => connects++);
		try {
			for (let i = 0; i < 3; i++) {
				const res = await client.request({ method: 'GET', path: `/v1/jobs/${i}` });
				expect(res.headers.connection).toBe('keep-alive');
				await res.body.dump();
			}
		} finally {
			await client.close();
		}
		expect(connects).toBe(1);
	});
});

describe('SimServer lifecycle', () => {
	it('throws when baseUrl is read before start, and stop() is idempotent', async () => {
		const sim = new SimServer({ name: 'life' });
		expect(() => sim.baseUrl).toThrow('life: baseUrl read before start()');
		await sim.start();
		await sim.stop();
		await sim.stop();
	});

	it('stop() closes idle keep-alive sockets so a later request cannot connect', async () => {
		const sim = new SimServer();
		sim.route('GET', '/', () => ({ status: 200, body: 'hi' }));
		const base = await sim.start();
		await (await request(base)).body.dump();
		await sim.stop();
		await expect(request(base)).rejects.toThrow();
	});
});
