import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';
import { NodeApiError, type IHttpRequestOptions, type INode, type JsonObject } from 'n8n-workflow';

export const TEST_NODE: INode = {
	id: 'shared-test-node',
	name: 'Shared Test Node',
	type: 'test.shared',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * Sends a request the way `httpRequestWithAuthentication` does once credentials are applied:
 * through n8n's OutboundHttp client, with a failure wrapped as `new NodeApiError(node, error)`.
 * So the errors under test are the ones nodes really receive.
 */
export async function n8nRequest(options: IHttpRequestOptions): Promise<unknown> {
	try {
		return await Container.get(OutboundHttp).requests().request(options);
	} catch (error) {
		throw new NodeApiError(TEST_NODE, error as JsonObject);
	}
}

/** The NodeApiError a request fails with; fails the test if it succeeds. */
export async function n8nFailure(options: IHttpRequestOptions): Promise<NodeApiError> {
	try {
		await n8nRequest(options);
	} catch (error) {
		if (error instanceof NodeApiError) return error;
		throw error;
	}
	throw new Error(`Expected ${options.method ?? 'GET'} ${options.url} to fail`);
}
