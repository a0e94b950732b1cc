import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialTestRequest,
	type INode,
} from 'n8n-workflow';

import { bareNodeType } from './bare-node';
import type { TestCredentialsHelper } from './credentials-helper';
import { NodeTypeRegistry } from './node-types';
import { additionalData } from './run-workflow';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

interface ResponseError {
	message?: string;
	cause?: { response?: { status?: number; statusText?: string }; code?: string };
}

/**
 * The credential form's "Test" button, as n8n's CredentialsTester runs it: the credential's
 * `test.request` sent by a RoutingNode on a temporary node, with preAuthentication and
 * authenticate applied, and the same verdicts for non-2xx answers and network failures.
 */
export async function testCredential(
	credentialsHelper: TestCredentialsHelper,
	credentialId: string,
): Promise<CredentialTestResult> {
	const stored = credentialsHelper.stored(credentialId);
	const record = { id: credentialId, name: 'credential under test', type: credentialsHelper.typeOf(credentialId), data: stored };
	const credentialType = credentialsHelper.getType(record.type);
	const testRequest = credentialType.test as ICredentialTestRequest | undefined;
	if (!testRequest) return { status: 'Error', message: 'No testing function found for this credential.' };

	const nodeType = bareNodeType('Credential Test', {
		credential: record.type,
		properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
	});
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [record.type]: { id: credentialId, name: record.name } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypeRegistry({ credentialTest: nodeType }),
	});
	const data: ICredentialDataDecryptedObject = await credentialsHelper.getDecrypted(
		additionalData(credentialsHelper),
		{ id: credentialId, name: record.name },
		record.type,
	);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(credentialsHelper),
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	try {
		await new RoutingNode(context, nodeType, { ...record, data }).runNode();
	} catch (caught) {
		const error = caught as ResponseError;
		const response = error.cause?.response;
		if (response?.status !== undefined) {
			const rule = testRequest.rules?.find(
				(candidate) => candidate.type === 'responseCode' && candidate.properties.value === response.status,
			);
			if (rule) return { status: 'Error', message: rule.properties.message as string };
			return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		}
		if (error.cause?.code) return { status: 'Error', message: error.cause.code };
		return { status: 'Error', message: String(error.message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
