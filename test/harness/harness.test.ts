import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SimServer, type SimRequest, type SimResponse } from '../simulators/base';
import { runNode, testCredential, TestCredentialsHelper, type CredentialRecord } from './index';
import { tinyCredentialTypes } from './fixtures/tiny-credentials';
import { TinyHttp } from './fixtures/tiny-http.node';

const API_KEY = 'key-123';
const USER = 'ada';
const PASSWORD = 'lovelace';

/** A small API with every auth style the tiny credentials use. */
function tinyApi(): SimServer {
	const server = new SimServer({ name: 'tiny' });
	server.route('POST', '/login', (req) => {
		const body = req.body as { user?: string; password?: string } | undefined;
		if (body?.user !== USER || body.password !== PASSWORD) return { status: 401, body: { message: 'bad login' } };
		return { status: 200, body: { token: server.tokens.issue(USER) } };
	});
	const authorised = (req: SimRequest): boolean => {
		const auth = req.headers.authorization ?? '';
		if (req.headers['x-api-key'] === API_KEY) return true;
		if (auth === `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`) return true;
		if (req.headers['x-signed'] === `sig:${PASSWORD.length}`) return true;
		return auth.startsWith('Bearer ') && server.tokens.check(auth.slice(7)) === 'valid';
	};
	const guarded = (handler: (req: SimRequest) => SimResponse) => (req: SimRequest) =>
		authorised(req) ? handler(req) : { status: 401, body: { message: 'not authorised' } };
	server.route('GET', '/whoami', guarded(() => ({ status: 200, body: { user: USER } })));
	server.route(
		'GET',
		'/items/:id',
		guarded((req) =>
			req.params.id === 'missing'
				? { status: 404, body: { title: 'Not Found', detail: `No item ${req.params.id}` } }
				: { status: 200, body: { id: req.params.id, name: `item ${req.params.id}` } },
		),
	);
	return server;
}

function credential(type: string, data: ICredentialDataDecryptedObject): Record<string, CredentialRecord> {
	return { [type]: { id: `${type}-1`, name: `${type} account`, type, data } };
}

describe('test harness: real engine, real credential handling', () => {
	let server: SimServer;
	let baseUrl: string;

	beforeEach(async () => {
		server = tinyApi();
		baseUrl = await server.start();
	});
	afterEach(async () => {
		await server.stop();
	});

	const items = (count: number) => Array.from({ length: count }, (_, n) => ({ id: String(n + 1) }));

	it('applies a generic header credential resolved from $credentials', async () => {
		const run = await runNode({
			type: new TinyHttp(),
			parameters: { authentication: 'tinyHeaderApi' },
			items: items(2),
			credentialTypes: tinyCredentialTypes,
			credentials: credential('tinyHeaderApi', { baseUrl, apiKey: API_KEY }),
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.success.map((item) => item.json.id)).toEqual(['1', '2']);
		expect(server.log.map((req) => req.headers['x-api-key'])).toEqual([API_KEY, API_KEY]);
	});

	it('applies basic auth from the generic auth block', async () => {
		const run = await runNode({
			type: new TinyHttp(),
			parameters: { authentication: 'tinyBasicApi' },
			items: items(1),
			credentialTypes: tinyCredentialTypes,
			credentials: credential('tinyBasicApi', { baseUrl, user: USER, password: PASSWORD }),
		});
		expect(run.success).toHaveLength(1);
		expect(server.log[0].headers.authorization).toBe(`Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`);
	});

	it('calls a function-style authenticate', async () => {
		const run = await runNode({
			type: new TinyHttp(),
			parameters: { authentication: 'tinyFunctionApi' },
			items: items(1),
			credentialTypes: tinyCredentialTypes,
			credentials: credential('tinyFunctionApi', { baseUrl, secret: PASSWORD }),
		});
		expect(run.success).toHaveLength(1);
		expect(server.log[0].headers['x-signed']).toBe(`sig:${PASSWORD.length}`);
	});

	it('fetches a token once by preAuthentication and reuses it across 50 requests', async () => {
		const run = await runNode({
			type: new TinyHttp(),
			parameters: { authentication: 'tinyTokenApi' },
			items: items(50),
			credentialTypes: tinyCredentialTypes,
			credentials: credential('tinyTokenApi', { baseUrl, user: USER, password: PASSWORD }),
		});
		expect(run.success).toHaveLength(50);
		const logins = server.log.filter((req) => req.path === '/login');
		expect(logins).toHaveLength(1);
		const bearers = new Set(server.log.filter((req) => req.path.startsWith('/items/')).map((req) => req.headers.authorization));
		expect(bearers.size).toBe(1);
		expect(run.credentialsHelper.activityOf('tinyTokenApi-1').preAuthentications).toBe(1);
		// Saved as n8n's database would keep it, so the next execution starts with the token.
		expect(run.credentialsHelper.stored('tinyTokenApi-1').sessionToken).toBe([...bearers][0]?.slice(7));
	});

	it('reuses a saved token in the next execution', async () => {
		const helper = new TestCredentialsHelper(tinyCredentialTypes);
		const credentials = credential('tinyTokenApi', { baseUrl, user: USER, password: PASSWORD });
		for (const record of Object.values(credentials)) helper.save(record);
		const options = { type: new TinyHttp(), parameters: { authentication: 'tinyTokenApi' }, credentials, credentialsHelper: helper };
		await runNode({ ...options, items: items(3) });
		await runNode({ ...options, items: items(3) });
		expect(server.log.filter((req) => req.path === '/login')).toHaveLength(1);
	});

	it('on a 401 refreshes the token, retries once, and keeps the new token', async () => {
		let served = 0;
		server.use((req) => {
			if (req.path.startsWith('/items/') && ++served === 11) server.tokens.expireAll();
			return undefined;
		});
		const run = await runNode({
			type: new TinyHttp(),
			parameters: { authentication: 'tinyTokenApi' },
			items: items(20),
			credentialTypes: tinyCredentialTypes,
			credentials: credential('tinyTokenApi', { baseUrl, user: USER, password: PASSWORD }),
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.success.map((item) => item.json.id)).toEqual(items(20).map((item) => item.id));
		expect(server.log.filter((req) => req.path === '/login')).toHaveLength(2);
		const itemCalls = server.log.filter((req) => req.path.startsWith('/items/'));
		expect(itemCalls.map((req) => req.status).filter((status) => status === 401)).toHaveLength(1);
		expect(itemCalls).toHaveLength(21);
		// Every request after the refresh carries the new token, not the expired one.
		const afterRefresh = itemCalls.slice(11).map((req) => req.headers.authorization);
		expect(new Set(afterRefresh).size).toBe(1);
		expect(afterRefresh[0]).not.toBe(itemCalls[0].headers.authorization);
		expect(run.credentialsHelper.activityOf('tinyTokenApi-1').forcedRefreshes).toBe(1);
	});

	it('fails with a clear message when the refreshed token is refused too', async () => {
		server.use((req) => (req.path.startsWith('/items/') ? { status: 401, body: { message: 'not authorised' } } : undefined));
		const run = await runNode({
			type: new TinyHttp(),
			parameters: { authentication: 'tinyTokenApi' },
			items: items(3),
			credentialTypes: tinyCredentialTypes,
			credentials: credential('tinyTokenApi', { baseUrl, user: USER, password: PASSWORD }),
		});
		expect(run.nodeError?.message).toMatch(/Authorization failed - please check your credentials/);
		const itemCalls = server.log.filter((req) => req.path.startsWith('/items/'));
		expect(itemCalls).toHaveLength(2);
		expect(server.log.filter((req) => req.path === '/login')).toHaveLength(2);
	});

	it('Continue On Fail (regular output) keeps failed items in the main output, paired', async () => {
		const run = await runNode({
			type: new TinyHttp(),
			parameters: { authentication: 'tinyHeaderApi' },
			items: [{ id: '1' }, { id: 'missing' }, { id: '3' }],
			credentialTypes: tinyCredentialTypes,
			credentials: credential('tinyHeaderApi', { baseUrl, apiKey: API_KEY }),
			settings: { onError: 'continueRegularOutput' },
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.success[1].json.error).toMatch(/could not be found/);
		expect(run.success[2].json.id).toBe('3');
	});

	it('"Continue (using error output)" routes failed items to the error output, paired and merged with input', async () => {
		const run = await runNode({
			type: new TinyHttp(),
			parameters: { authentication: 'tinyHeaderApi' },
			items: [{ id: '1' }, { id: 'missing' }, { id: '3' }],
			credentialTypes: tinyCredentialTypes,
			credentials: credential('tinyHeaderApi', { baseUrl, apiKey: API_KEY }),
			settings: { onError: 'continueErrorOutput' },
		});
		expect(run.success.map((item) => item.json.id)).toEqual(['1', '3']);
		expect(run.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(run.errors).toHaveLength(1);
		expect(run.errors[0].pairedItem).toEqual({ item: 1 });
		expect(run.errors[0].json.error).toMatch(/could not be found/);
		expect(run.errors[0].json.id).toBe('missing');
		expect(run.errors[0].json.details).toEqual({ httpCode: '404' });
	});

	it('without any error setting, the first failure stops the workflow', async () => {
		const run = await runNode({
			type: new TinyHttp(),
			parameters: { authentication: 'tinyHeaderApi' },
			items: [{ id: '1' }, { id: 'missing' }, { id: '3' }],
			credentialTypes: tinyCredentialTypes,
			credentials: credential('tinyHeaderApi', { baseUrl, apiKey: API_KEY }),
		});
		expect(run.nodeError?.message).toMatch(/could not be found/);
		expect(run.result.error).toBeDefined();
		expect(server.log.map((req) => req.path)).toEqual(['/items/1', '/items/missing']);
	});

	it('Retry On Fail re-runs the node until it succeeds', async () => {
		server.faults.failNext(2, { status: 500, body: { message: 'boom' } });
		const run = await runNode({
			type: new TinyHttp(),
			parameters: { authentication: 'tinyHeaderApi' },
			items: items(1),
			credentialTypes: tinyCredentialTypes,
			credentials: credential('tinyHeaderApi', { baseUrl, apiKey: API_KEY }),
			settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		});
		expect(run.nodeError).toBeUndefined();
		expect(run.success.map((item) => item.json.id)).toEqual(['1']);
		expect(server.log.map((req) => req.status)).toEqual([500, 500, 200]);
	});

	it('the credential Test button runs preAuthentication and the test request', async () => {
		const helper = new TestCredentialsHelper(tinyCredentialTypes);
		helper.save({ id: 'good', name: 'good', type: 'tinyTokenApi', data: { baseUrl, user: USER, password: PASSWORD } });
		helper.save({ id: 'bad-key', name: 'bad', type: 'tinyHeaderApi', data: { baseUrl, apiKey: 'wrong' } });
		expect(await testCredential(helper, 'good')).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.log.map((req) => req.path)).toEqual(['/login', '/whoami']);
		const refused = await testCredential(helper, 'bad-key');
		expect(refused.status).toBe('Error');
	});
});
