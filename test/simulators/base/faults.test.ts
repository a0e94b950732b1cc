import { request } from 'undici';

import { SimServer, type RecordedRequest } from './index';

const isPost = (req: RecordedRequest) => req.method === 'POST';

describe('FaultInjector switches', () => {
	let sim: SimServer;
	let base: string;
	let created: number;

	beforeEach(async () => {
		created = 0;
		sim = new SimServer({ name: 'faults' });
		sim.route('GET', '/ping', () => ({ status: 200, body: { pong: true } }));
		sim.route('POST', '/things', () => {
			created++;
			return { status: 201, body: { id: created, padding: 'x'.repeat(200) } };
		});
		base = await sim.start();
	});

	afterEach(() => sim.stop());

	async function statusOf(path: string, method: 'GET' | 'POST' = 'GET'): Promise<number> {
		const res = await request(`${base}${path}`, { method });
		await res.body.dump();
		return res.statusCode;
	}

	it('failNext answers the given status, headers and body without running the route, exactly count times', async () => {
		sim.faults.failNext(2, { status: 503, headers: { 'Retry-After': '3' }, body: { error: 'maintenance' } });
		const first = await request(`${base}/things`, { method: 'POST' });
		expect(first.statusCode).toBe(503);
		expect(first.headers['retry-after']).toBe('3');
		expect(await first.body.json()).toEqual({ error: 'maintenance' });
		expect(await statusOf('/things', 'POST')).toBe(503);
		expect(await statusOf('/things', 'POST')).toBe(201);
		expect(created).toBe(1);
		expect(sim.log.map((r) => r.outcome)).toEqual(['fault', 'fault', 'ok']);
		expect(sim.stats().byStatus).toEqual({ 503: 2, 201: 1 });
	});

	it('counts down only on matching requests', async () => {
		sim.faults.failNext(1, { status: 500, match: isPost });
		expect(await statusOf('/ping')).toBe(200);
		expect(await statusOf('/ping')).toBe(200);
		expect(await statusOf('/things', 'POST')).toBe(500);
		expect(await statusOf('/things', 'POST')).toBe(201);
	});

	it('consumes armed faults in the order they were armed', async () => {
		sim.faults.failNext(1, { status: 502 });
		sim.faults.failNext(1, { status: 504 });
		expect(await statusOf('/ping')).toBe(502);
		expect(await statusOf('/ping')).toBe(504);
		expect(await statusOf('/ping')).toBe(200);
	});

	it('dropNext destroys the socket with no response and does not run the route', async () => {
		sim.faults.dropNext(1, { match: isPost });
		await expect(request(`${base}/things`, { method: 'POST' })).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
		expect(created).toBe(0);
		expect(sim.log[0]).toMatchObject({ outcome: 'dropped', status: undefined });
		expect(await statusOf('/things', 'POST')).toBe(201);
		expect(created).toBe(1);
	});

	it('dropNext with afterHandling applies the state change and then drops', async () => {
		sim.faults.dropNext(1, { afterHandling: true });
		await expect(request(`${base}/things`, { method: 'POST' })).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
		expect(created).toBe(1);
		expect(sim.log[0]).toMatchObject({ outcome: 'dropped', status: undefined });
		expect(sim.stats().byStatus).toEqual({});
	});

	it('delayNext delays only the next matching requests', async () => {
		// A delay far longer than any scheduling hiccup of a busy machine, so the bounds cannot flake.
		sim.faults.delayNext(1, 2500, { match: isPost });
		let t = performance.now();
		expect(await statusOf('/ping')).toBe(200);
		expect(performance.now() - t).toBeLessThan(2000);
		t = performance.now();
		expect(await statusOf('/things', 'POST')).toBe(201);
		expect(performance.now() - t).toBeGreaterThanOrEqual(2490);
		t = performance.now();
		expect(await statusOf('/things', 'POST')).toBe(201);
		expect(performance.now() - t).toBeLessThan(2000);
	});

	it('setLatency slows every request until reset', async () => {
		sim.faults.setLatency(2500);
		for (let i = 0; i < 2; i++) {
			const t = performance.now();
			expect(await statusOf('/ping')).toBe(200);
			expect(performance.now() - t).toBeGreaterThanOrEqual(2490);
		}
		sim.faults.reset();
		const t = performance.now();
		await statusOf('/ping');
		expect(performance.now() - t).toBeLessThan(2000);
	});

	it('setLatency with a function holds each answer back by what the request asks (a server whose time grows with the batch)', async () => {
		sim.faults.setLatency((req) => (req.method === 'POST' ? 2500 : 0));
		let t = performance.now();
		expect(await statusOf('/things', 'POST')).toBe(201);
		expect(performance.now() - t).toBeGreaterThanOrEqual(2490);
		t = performance.now();
		expect(await statusOf('/ping')).toBe(200);
		expect(performance.now() - t).toBeLessThan(2000);
	});

	it('truncateNext runs the route, promises the full length, sends half and cuts the connection', async () => {
		sim.faults.truncateNext(1);
		const res = await request(`${base}/things`, { method: 'POST' });
		expect(res.statusCode).toBe(201);
		const promised = Number(res.headers['content-length']);
		expect(promised).toBeGreaterThan(200);
		await expect(res.body.text()).rejects.toThrow();
		expect(created).toBe(1);
		expect(sim.log[0]).toMatchObject({ status: 201, outcome: 'fault' });
		expect(await statusOf('/things', 'POST')).toBe(201);
	});

	it('nonJsonNext answers an HTML proxy page, 502 by default or the given status', async () => {
		sim.faults.nonJsonNext(1);
		sim.faults.nonJsonNext(1, { status: 504 });
		const first = await request(`${base}/ping`);
		expect(first.statusCode).toBe(502);
		expect(first.headers['content-type']).toBe('text/html');
		const html = await first.body.text();
		expect(html).toContain('<title>502 Bad Gateway</title>');
		expect(() => JSON.parse(html)).toThrow();
		const second = await request(`${base}/ping`);
		expect(second.statusCode).toBe(504);
		expect(await second.body.text()).toContain('504 Gateway Timeout');
		expect(await statusOf('/ping')).toBe(200);
	});

	it('failRate fails a seeded, repeatable fraction of matching requests', async () => {
		const run = async (): Promise<number[]> => {
			sim.faults.failRate(0.3, { status: 500, seed: 42, match: isPost });
			const statuses: number[] = [];
			for (let i = 0; i < 40; i++) statuses.push(await statusOf('/things', 'POST'));
			expect(await statusOf('/ping')).toBe(200);
			return statuses;
		};
		const first = await run();
		const second = await run();
		expect(second).toEqual(first);
		const failures = first.filter((s) => s === 500).length;
		// mulberry32(42) draws 14 values below 0.3 in its first 40.
		expect(failures).toBe(14);
		expect(first.filter((s) => s === 201)).toHaveLength(40 - failures);
		sim.faults.failRate(0, { status: 500 });
		for (let i = 0; i < 10; i++) expect(await statusOf('/things', 'POST')).toBe(201);
	});

	it('reset disarms every pending fault', async () => {
		sim.faults.failNext(5, { status: 500 });
		sim.faults.dropNext(5);
		sim.faults.truncateNext(5);
		sim.faults.nonJsonNext(5);
		sim.faults.failRate(1, { status: 500 });
		sim.faults.reset();
		for (let i = 0; i < 3; i++) expect(await statusOf('/ping')).toBe(200);
	});
});
