import http from 'http';
import type { AddressInfo } from 'net';
import type { IExecuteFunctions } from 'n8n-workflow';

import { bareNodeType } from './bare-node';
import { tinyCredentialTypes } from './fixtures/tiny-credentials';
import { runNode, TestCredentialsHelper } from './index';

/**
 * Facts about n8n-core that the benchmarks' figures rest on; if a new n8n changes them, this fails
 * and the README's performance notes need a new look.
 */
describe('n8n-core 2.41 request path', () => {
	it('opens a new connection for every request a node makes (no keep-alive reuse)', async () => {
		let connections = 0;
		let requests = 0;
		const server = http.createServer((req, res) => {
			requests++;
			req.resume();
			req.on('end', () => {
				res.setHeader('content-type', 'application/json');
				res.end('{}');
			});
		});
		server.on('connection', () => connections++);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const sender = bareNodeType('Sender', {
			credential: 'tinyHeaderApi',
			async execute(this: IExecuteFunctions) {
				for (let i = 0; i < 20; i++) {
					await this.helpers.httpRequestWithAuthentication.call(this, 'tinyHeaderApi', { method: 'PUT', url: `${baseUrl}/x`, body: { i }, json: true });
				}
				return [[{ json: {}, pairedItem: { item: 0 } }]];
			},
		});
		const helper = new TestCredentialsHelper(tinyCredentialTypes, [{ id: 'c', name: 'c', type: 'tinyHeaderApi', data: { baseUrl, apiKey: 'k' } }]);
		try {
			await runNode({
				type: sender,
				parameters: {},
				items: [{}],
				credentials: { tinyHeaderApi: { id: 'c', name: 'c', type: 'tinyHeaderApi', data: {} } },
				credentialsHelper: helper,
			});
		} finally {
			server.close();
		}
		expect(requests).toBe(20);
		expect(connections).toBe(20);
	});
});
