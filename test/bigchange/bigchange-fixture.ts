import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { BigChangeApi } from '../../credentials/BigChangeApi.credentials';
import { BigChangeJobUpdate } from '../../nodes/BigChangeJobUpdate/BigChangeJobUpdate.node';
import { pairedIndex, runNode, TestCredentialsHelper, type NodeRunResult, type NodeSettings } from '../harness';
import { BIGCHANGE_SIM_DEFAULTS, CONTACT, JOB_TYPE, type BigChangeSimulator } from '../simulators/bigchange';

export const CREDENTIAL_ID = 'bigchange-1';
const D = BIGCHANGE_SIM_DEFAULTS;

/** Credential data as a user would fill it in, pointed at the simulator. */
export function clientCredentials(sim: BigChangeSimulator, overrides: IDataObject = {}): IDataObject {
	return {
		customerId: D.customerId,
		authentication: 'clientCredentials',
		clientId: D.clientId,
		clientSecret: D.clientSecret,
		tokenUrl: sim.tokenUrl,
		baseUrl: sim.baseUrl,
		...overrides,
	};
}

export function pastedToken(sim: BigChangeSimulator, token: string, overrides: IDataObject = {}): IDataObject {
	return { customerId: D.customerId, authentication: 'bearerToken', bearerToken: token, baseUrl: sim.baseUrl, ...overrides };
}

export function bigChangeHelper(data: IDataObject): TestCredentialsHelper {
	const helper = new TestCredentialsHelper([new BigChangeApi()]);
	helper.save({ id: CREDENTIAL_ID, name: 'BigChange (simulator)', type: 'bigChangeApi', data: data as never });
	return helper;
}

export interface JobRun extends NodeRunResult {
	/** The error message of each failed item, by input index. */
	errorOf: (index: number) => string | undefined;
}

export { pairedIndex } from '../harness';

/** Runs the node once through n8n's engine; parameters are the node's own, resource defaults to job. */
export async function runJobs(options: {
	sim: BigChangeSimulator;
	parameters: IDataObject;
	items: IDataObject[];
	settings?: NodeSettings;
	credentialsHelper?: TestCredentialsHelper;
}): Promise<JobRun> {
	const credentialsHelper = options.credentialsHelper ?? bigChangeHelper(clientCredentials(options.sim));
	const run = await runNode({
		type: new BigChangeJobUpdate(),
		typeName: 'n8n-nodes-batch-jobs.bigChangeJobUpdate',
		parameters: { resource: 'job', ...options.parameters } as INodeParameters,
		items: options.items,
		credentials: { bigChangeApi: { id: CREDENTIAL_ID, name: 'BigChange (simulator)', type: 'bigChangeApi', data: {} } },
		credentialsHelper,
		settings: options.settings ?? { onError: 'continueErrorOutput' },
	});
	const errorOf = (index: number) => {
		const failed = run.errors.find((item) => pairedIndex(item) === index);
		return failed === undefined ? undefined : String(failed.json.error);
	};
	return { ...run, errorOf };
}

export { expectEachItemOnce } from '../harness';

export const jobParam = (value: string | number, mode: 'id' | 'url' = 'id'): IDataObject => ({ __rl: true, mode, value });

/** Fast requests for tests that are not about pacing. */
export const UNPACED = { requestsPerSecond: 0 };

/** `count` repair jobs for Acme, described "before": what the many-item update tests change. */
export function seedJobs(sim: BigChangeSimulator, count: number): number[] {
	return Array.from({ length: count }, () => sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme, description: 'before' }));
}

/** One run that sets each job's description to "done <job>"; `credentials` overrides the client-credentials data. */
export async function updateDescriptions(sim: BigChangeSimulator, jobs: number[], options: IDataObject = UNPACED, credentials?: IDataObject): Promise<JobRun> {
	return await runJobs({
		sim,
		parameters: { operation: 'update', jobId: jobParam('={{ $json.job }}'), updateFields: { description: '={{ $json.text }}' }, options },
		items: jobs.map((job) => ({ job, text: `done ${job}` })),
		credentialsHelper: credentials ? bigChangeHelper(clientCredentials(sim, credentials)) : undefined,
	});
}
