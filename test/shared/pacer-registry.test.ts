import type { INode } from 'n8n-workflow';

import { sharedPacer } from '../../nodes/shared/pacer-registry';

const node = (id?: string): INode => ({
	id: 'n',
	name: 'Node',
	type: 't',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: id ? { vbaSoftwareApi: { id, name: 'VBA' } } : {},
});
const VBAPI = { requestsPerSecond: 25, burst: 50 };

describe('sharedPacer: one pace per credential in an n8n process', () => {
	it('two runs with the same credential, base URL and pace share one pacer', () => {
		const a = sharedPacer(node('cred-1'), 'vbaSoftwareApi', VBAPI, 25, 'https://vbapi.example/vbasoftware');
		const b = sharedPacer(node('cred-1'), 'vbaSoftwareApi', VBAPI, 25, 'https://vbapi.example/vbasoftware');
		expect(b).toBe(a);
	});

	it('another credential, base URL or pace gets a pacer of its own', () => {
		const a = sharedPacer(node('cred-2'), 'vbaSoftwareApi', VBAPI, 25, 'https://one.example');
		expect(sharedPacer(node('cred-3'), 'vbaSoftwareApi', VBAPI, 25, 'https://one.example')).not.toBe(a);
		expect(sharedPacer(node('cred-2'), 'vbaSoftwareApi', VBAPI, 25, 'https://two.example')).not.toBe(a);
		expect(sharedPacer(node('cred-2'), 'vbaSoftwareApi', VBAPI, 10, 'https://one.example')).not.toBe(a);
	});

	it('a node without a saved credential ID is not shared with anyone', () => {
		expect(sharedPacer(node(), 'vbaSoftwareApi', VBAPI, 25)).not.toBe(sharedPacer(node(), 'vbaSoftwareApi', VBAPI, 25));
	});

	it('a Retry-After seen by one run holds the other (same pacer, same pause)', async () => {
		const a = sharedPacer(node('cred-4'), 'vbaSoftwareApi', { requestsPerSecond: 0 }, undefined);
		const b = sharedPacer(node('cred-4'), 'vbaSoftwareApi', { requestsPerSecond: 0 }, undefined);
		a.pauseFor(60_000);
		const controller = new AbortController();
		const waiting = b.acquire(controller.signal);
		controller.abort();
		await expect(waiting).rejects.toBeDefined();
	});
});
