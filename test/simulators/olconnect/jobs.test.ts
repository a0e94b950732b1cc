import { Agent } from 'undici';

import { basic, call } from './test-client';
import {
	createOlConnectSimulator,
	hasOpenssl,
	OLC_SIM_DEFAULTS,
	sampleJobs,
	selfSignedCertificate,
	type OlConnectSimulator,
	type OlConnectSimulatorOptions,
} from './index';

const AUTH = { authorization: basic(OLC_SIM_DEFAULTS.username, OLC_SIM_DEFAULTS.password) };
const itWithOpenssl = hasOpenssl ? it : it.skip;

describe('OL Connect simulator: Job Entity service', () => {
	let sim: OlConnectSimulator;

	async function start(options: OlConnectSimulatorOptions = {}): Promise<void> {
		sim = await createOlConnectSimulator({ jobs: sampleJobs(), ...options });
	}

	afterEach(async () => {
		await sim.stop();
	});

	const jobs = (path: string) => `${sim.url}/rest/serverengine/entity/jobs${path}`;
	const get = (path: string) => call(jobs(path), { headers: { ...AUTH, accept: 'application/json' } });
	const put = (path: string, body: unknown, headers: Record<string, string> = {}) =>
		call(jobs(path), { method: 'PUT', headers: { ...AUTH, ...headers }, body });

	describe('reads', () => {
		beforeEach(() => start());

		it('lists content items with their data records', async () => {
			const res = await get('/1001/contents');
			expect(res.status).toBe(200);
			expect(res.headers['content-type']).toBe('application/json');
			expect(res.json).toEqual({
				identifiers: [
					{ item: 50001, record: 70001 },
					{ item: 50002, record: 70002 },
					{ item: 50003, record: 70003 },
				],
			});
		});

		it('lists job segments at the job address itself', async () => {
			expect((await get('/1001')).json).toEqual({ identifiers: [3001, 3002] });
			expect((await get('/1003')).json).toEqual({ identifiers: [] });
		});

		it('returns metadata and properties as bare name/value lists', async () => {
			expect((await get('/1001/metadata')).json).toEqual([
				{ name: 'Customer', value: 'ACME' },
				{ name: 'Pages', value: '12' },
			]);
			expect((await get('/1002/properties')).json).toEqual([{ name: 'status', value: 'queued' }]);
		});

		it('answers a path that is not a job number with 404, before any job lookup', async () => {
			expect((await get('/abc/properties')).status).toBe(404);
		});

		it('answers 406 when the client accepts none of the produced types', async () => {
			const res = await call(jobs('/1001/properties'), { headers: { ...AUTH, accept: 'text/plain' } });
			expect(res.status).toBe(406);
		});
	});

	describe.each(['json', 'legacy'] as const)('%s error style', (errorStyle) => {
		beforeEach(() => start({ errorStyle }));

		it('a missing job: 404 naming it (2023.1+) or a bare 500 (older)', async () => {
			const res = await get('/424242/properties');
			if (errorStyle === 'json') {
				expect(res.status).toBe(404);
				expect(res.json).toEqual({
					error: { status: 404, message: 'The specified Job passed into this method refers to a missing resource.', parameter: '424242' },
				});
			} else {
				expect(res.status).toBe(500);
				expect(res.text).toBe('');
			}
		});

		it('refuses a body whose id differs from the path with 500', async () => {
			const res = await put('/1001/properties', { id: 1002, properties: [] });
			expect(res.status).toBe(500);
			if (errorStyle === 'json') expect(res.json).toMatchObject({ error: { status: 500, parameter: '1001' } });
			else expect(res.text).toBe('');
			expect(sim.job(1001).properties).toHaveLength(2);
		});
	});

	describe('single-job updates', () => {
		beforeEach(() => start());

		it('replaces the whole list and answers true as text/plain', async () => {
			const res = await put('/1001/properties', { id: 1001, properties: [{ name: 'status', value: 'done' }] });
			expect(res.status).toBe(200);
			expect(res.headers['content-type']).toBe('text/plain');
			expect(res.text).toBe('true');
			expect(sim.job(1001).properties).toEqual([{ name: 'status', value: 'done' }]);
			const meta = await put('/1002/metadata', { id: '1002', properties: [{ name: 'Pages', value: 3 }] });
			expect(meta.text).toBe('true');
			expect(sim.job(1002).metadata).toEqual([{ name: 'Pages', value: '3' }]);
		});

		it('refuses JSON-only Accept (406), a non-JSON body (415), objects as values (400)', async () => {
			expect((await put('/1001/properties', { id: 1001, properties: [] }, { accept: 'application/json' })).status).toBe(406);
			expect((await put('/1001/properties', '{"id":1001}', { 'content-type': 'text/plain' })).status).toBe(415);
			const res = await put('/1001/properties', { id: 1001, properties: [{ name: 'x', value: { a: 1 } }] });
			expect(res.status).toBe(400);
			expect(sim.job(1001).properties).toHaveLength(2);
		});
	});

	describe('many-jobs update', () => {
		it('answers 200 with no content and replaces each job\'s list by default', async () => {
			await start();
			const res = await put('/properties', [
				{ id: 1001, properties: [{ name: 'status', value: 'done' }] },
				{ id: 1002, properties: [{ name: 'batch', value: 'B-9' }] },
			]);
			expect(res.status).toBe(200);
			expect(res.text).toBe('');
			expect(sim.job(1001).properties).toEqual([{ name: 'status', value: 'done' }]);
			expect(sim.job(1002).properties).toEqual([{ name: 'batch', value: 'B-9' }]);
		});

		it('merges instead when switched to', async () => {
			await start({ manyUpdate: 'merge' });
			await put('/properties', [{ id: 1001, properties: [{ name: 'status', value: 'done' }, { name: 'new', value: '1' }] }]);
			expect(sim.job(1001).properties).toEqual([
				{ name: 'status', value: 'done' },
				{ name: 'batch', value: 'B-7' },
				{ name: 'new', value: '1' },
			]);
		});

		it('a missing job fails the request with 404 naming it; atomic by default', async () => {
			await start();
			const res = await put('/properties', [
				{ id: 1001, properties: [] },
				{ id: 9, properties: [] },
			]);
			expect(res.status).toBe(404);
			expect(res.json).toMatchObject({ error: { status: 404, parameter: '9' } });
			expect(sim.job(1001).properties).toHaveLength(2);
			expect(sim.jobs.has(9)).toBe(false);
		});

		it('answers 500 naming the missing job instead when switched to', async () => {
			await start({ manyMissingStatus: 500 });
			const res = await put('/properties', [{ id: 9, properties: [] }]);
			expect(res.status).toBe(500);
			expect(res.json).toMatchObject({ error: { status: 500, parameter: '9' } });
		});

		it('applies the jobs before the missing one when not atomic', async () => {
			await start({ manyUpdateAtomic: false, errorStyle: 'legacy' });
			const res = await put('/properties', [
				{ id: 1001, properties: [] },
				{ id: 9, properties: [] },
				{ id: 1002, properties: [] },
			]);
			expect(res.status).toBe(500);
			expect(res.text).toBe('');
			expect(sim.job(1001).properties).toEqual([]);
			expect(sim.job(1002).properties).toHaveLength(1);
		});
	});

	itWithOpenssl('serves HTTPS with a self-signed certificate: refused unless trusted', async () => {
		const tls = selfSignedCertificate();
		await start({ https: tls });
		expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		const strict = new Agent();
		const trusting = new Agent({ connect: { ca: tls.cert } });
		try {
			await expect(call(jobs('/1001'), { headers: AUTH, dispatcher: strict })).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
			expect((await call(jobs('/1001'), { headers: AUTH, dispatcher: trusting })).json).toEqual({ identifiers: [3001, 3002] });
		} finally {
			await strict.close();
			await trusting.close();
		}
	});
});
