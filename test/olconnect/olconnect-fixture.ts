import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { OlConnectApi } from '../../credentials/OlConnectApi.credentials';
import { OlConnectJobEntity } from '../../nodes/OlConnectJobEntity/OlConnectJobEntity.node';
import { runNode, TestCredentialsHelper, type NodeRunResult, type NodeSettings } from '../harness';
import type { RecordedRequest } from '../simulators/base';
import { OLC_SIM_DEFAULTS, type OlConnectSimulator } from '../simulators/olconnect';

export const CREDENTIAL_ID = 'olc-1';

export type AuthMode = 'login' | 'basic' | 'none';

export function olcCredentialData(sim: OlConnectSimulator, authentication: AuthMode = 'login', overrides: IDataObject = {}): IDataObject {
	const secrets = authentication === 'none' ? {} : { username: OLC_SIM_DEFAULTS.username, password: OLC_SIM_DEFAULTS.password };
	return { serverUrl: sim.url, authentication, ...secrets, ...overrides };
}

export function olcCredentialsHelper(sim: OlConnectSimulator, authentication: AuthMode = 'login', overrides: IDataObject = {}): TestCredentialsHelper {
	const helper = new TestCredentialsHelper([new OlConnectApi()]);
	helper.save({ id: CREDENTIAL_ID, name: 'OL Connect (simulator)', type: 'olConnectApi', data: olcCredentialData(sim, authentication, overrides) as never });
	return helper;
}

export type JobRun = NodeRunResult;

export async function runJobNode(options: {
	sim: OlConnectSimulator;
	operation: string;
	items: IDataObject[];
	parameters?: IDataObject;
	authentication?: AuthMode;
	credentialsHelper?: TestCredentialsHelper;
	settings?: NodeSettings;
}): Promise<JobRun> {
	const credentialsHelper = options.credentialsHelper ?? olcCredentialsHelper(options.sim, options.authentication);
	const run = await runNode({
		type: new OlConnectJobEntity(),
		typeName: 'n8n-nodes-batch-jobs.olConnectJobEntity',
		parameters: { resource: 'job', operation: options.operation, jobId: '={{ $json.jobId }}', ...options.parameters } as INodeParameters,
		items: options.items,
		credentials: { olConnectApi: { id: CREDENTIAL_ID, name: 'OL Connect (simulator)', type: 'olConnectApi', data: {} } },
		credentialsHelper,
		settings: options.settings ?? { onError: 'continueErrorOutput' },
	});
	return run;
}

export { expectEachItemOnce } from '../harness';

/** Requests other than logins. */
export function dataRequests(sim: OlConnectSimulator): RecordedRequest[] {
	return sim.server.log.filter((req) => !req.path.endsWith('/authentication/login'));
}

export function logins(sim: OlConnectSimulator): RecordedRequest[] {
	return sim.server.log.filter((req) => req.path.endsWith('/authentication/login'));
}

/** Asserts that every data request carried exactly the authentication the mode calls for. */
export function expectAuthOnEveryRequest(sim: OlConnectSimulator, mode: AuthMode): void {
	const requests = dataRequests(sim);
	expect(requests.length).toBeGreaterThan(0);
	const basic = `Basic ${Buffer.from(`${OLC_SIM_DEFAULTS.username}:${OLC_SIM_DEFAULTS.password}`).toString('base64')}`;
	for (const req of requests) {
		if (mode === 'login') {
			expect(req.headers.auth_token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
			expect(req.headers.authorization).toBeUndefined();
		} else if (mode === 'basic') {
			expect(req.headers.authorization).toBe(basic);
			expect(req.headers.auth_token).toBeUndefined();
		} else {
			expect(req.headers.authorization).toBeUndefined();
			expect(req.headers.auth_token).toBeUndefined();
		}
	}
	expect(logins(sim)).toHaveLength(mode === 'login' ? 1 : 0);
}

/** A failed item's description (what n8n shows under its message), from its `details`. */
export function descriptionOf(item: INodeExecutionData): string {
	return String((item.json.details as IDataObject | undefined)?.description ?? '');
}
