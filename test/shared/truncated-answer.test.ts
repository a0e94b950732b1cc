import { classifyFailure, describeApiError, inspectFailure, toNodeApiError } from '../../nodes/shared';
import { SimServer } from '../simulators/base';
import { n8nFailure, TEST_NODE } from './helpers/n8n-request';

/** An answer whose headers say 200 but whose body stops half way: n8n's client throws with status 200. */
describe('an answer cut off mid-body', () => {
	let server: SimServer;
	let url: string;

	beforeAll(async () => {
		server = new SimServer({ name: 'truncating' });
		server.route('GET', '/list', () => ({ status: 200, body: { identifiers: Array.from({ length: 50 }, (_, n) => n) } }));
		url = await server.start();
	});
	afterAll(async () => {
		await server.stop();
	});

	async function cutOff() {
		server.faults.truncateNext(1);
		return await n8nFailure({ url: `${url}/list`, method: 'GET', json: true });
	}

	it('is a lost connection, not a status', async () => {
		const failure = inspectFailure(await cutOff());
		expect(failure.status).toBeUndefined();
		expect(failure.code).toBe('UND_ERR_SOCKET');
	});

	it('is repeated when repeating is safe, and not for a create', async () => {
		const error = await cutOff();
		expect(classifyFailure(error, { idempotent: true }).retry).toBe(true);
		expect(classifyFailure(error, { idempotent: false }).retry).toBe(false);
	});

	it('is told in words, with no HTTP 200 in the message or the code', async () => {
		const error = await cutOff();
		expect(describeApiError(error).message).toBe('the connection was closed before the answer was complete');
		const apiError = toNodeApiError(TEST_NODE, error);
		expect(apiError.httpCode).toBeNull();
		expect(apiError.description ?? '').not.toMatch(/HTTP 200/);
	});
});
