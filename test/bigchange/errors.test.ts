import type { IDataObject } from 'n8n-workflow';

import { BIGCHANGE_SIM_DEFAULTS, CONTACT, createBigChangeSimulator, JOB_TYPE, PERSON, type BigChangeSimulator } from '../simulators/bigchange';
import { bigChangeHelper, clientCredentials, expectEachItemOnce, jobParam, pastedToken, runJobs, UNPACED } from './bigchange-fixture';

const D = BIGCHANGE_SIM_DEFAULTS;

describe('BigChange Job Update: errors on the right item, in plain words', () => {
	let sim: BigChangeSimulator;
	let repair: number;
	let install: number;
	let started: number;

	beforeEach(async () => {
		sim = await createBigChangeSimulator();
		repair = sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme, description: 'Leak' });
		install = sim.seedJob({ typeId: JOB_TYPE.installation, contactId: CONTACT.acme, orderNumber: 'PO-1' });
		started = sim.seedJob({ typeId: JOB_TYPE.repair, contactId: CONTACT.acme, description: 'Boiler', status: 'started' });
	});
	afterEach(() => sim.stop());

	const update = (items: IDataObject[], extra: IDataObject = {}) =>
		runJobs({
			sim,
			parameters: {
				operation: 'update',
				jobId: jobParam('={{ $json.job }}'),
				updateFields: { description: '={{ $json.description }}' },
				clearFields: '={{ $json.clear ?? [] }}',
				customFields: { field: [{ definitionId: '={{ $json.definition ?? 8 }}', change: 'set', value: 'v' }] }, // 8: Parking notes
				options: UNPACED,
				...extra,
			},
			items,
		});

	it('422 field errors become one readable message on the item that caused them', async () => {
		const run = await update([
			{ job: repair, description: 'fine' },
			{ job: install, clear: ['orderNumber'] },
			{ job: repair, definition: 99 },
		]);
		expectEachItemOnce(run, 3);
		expect(run.success.map((item) => item.json.jobId)).toEqual([repair]);
		expect(run.errorOf(1)).toBe(`Job ${install}: orderNumber: An order number is required for this job type.`);
		// The errors map says customFields[0]; the message names the definition that was sent there.
		expect(run.errorOf(2)).toBe(`Job ${repair}: custom field 99: Custom field definition 99 does not exist.`);
	});

	it('a job that does not exist: 404 explained', async () => {
		const run = await update([{ job: 424242, description: 'x' }]);
		expect(run.errorOf(0)).toBe('Job 424242 was not found in BigChange: check the job ID; the job may have been deleted or belong to another Customer ID');
		expect(run.errors[0].json.error).not.toMatch(/\[object Object\]/);
	});

	it('description of a started job: BigChange’s 422 explained plainly, other field errors kept', async () => {
		const run = await update([{ job: started, description: 'too late' }]);
		expect(run.errorOf(0)).toBe(
			`Job ${started} has already started or been completed, so BigChange no longer lets its description change; leave description out for jobs that are under way`,
		);
		const both = await runJobs({
			sim,
			parameters: {
				operation: 'update',
				jobId: jobParam(started),
				updateFields: { description: 'x', personId: PERSON.brightsidePrimary },
				customFields: { field: [{ definitionId: 99, change: 'clear' }] },
				options: UNPACED,
			},
			items: [{}],
		});
		expect(both.errorOf(0)).toBe(
			`Job ${started} has already started or been completed, so BigChange no longer lets its description and personId change; leave description and personId out for jobs that are under way. Also: custom field 99: Custom field definition 99 does not exist.`,
		);
	});

	it('description of a started job answered with 400 problem instead: the same plain explanation', async () => {
		sim.settings.lockedFieldStatus = 400;
		const run = await update([{ job: started, description: 'too late' }]);
		expect(run.errorOf(0)).toBe(
			`Job ${started} has already started or been completed, so BigChange no longer lets its description change; leave description out for jobs that are under way`,
		);
		sim.setJobStatus(started, 'completedWithIssues');
		const person = await runJobs({
			sim,
			parameters: { operation: 'update', jobId: jobParam(started), updateFields: { personId: PERSON.acmePrimary }, options: UNPACED },
			items: [{}],
		});
		expect(person.errorOf(0)).toMatch(new RegExp(`^Job ${started} has already started or been completed, so BigChange no longer lets its personId change`));
	});

	it('403: the API client lacks jobs:write, said in words, with the problem body or an empty one', async () => {
		const reader = bigChangeHelper(clientCredentials(sim, { clientId: D.readOnlyClientId, clientSecret: D.readOnlyClientSecret }));
		const parameters = { operation: 'update', jobId: jobParam(repair), updateFields: { reference: 'R' }, options: UNPACED };
		const expected = `Job ${repair}: BigChange refused to let this API client update jobs: it needs the jobs:write scope and access to this Customer ID. A BigChange administrator can grant them under API Key Management.`;
		const run = await runJobs({ sim, parameters, items: [{}], credentialsHelper: reader });
		expect(run.errorOf(0)).toBe(expected);
		sim.settings.forbiddenBody = 'empty';
		const bare = await runJobs({ sim, parameters, items: [{}], credentialsHelper: reader });
		expect(bare.errorOf(0)).toBe(expected);
		expect(sim.job(repair)?.reference).toBeNull();
		// A 403 is not retried.
		expect(sim.requests('PATCH')).toHaveLength(2);
	});

	it('a pasted token that has expired: the first item says to paste a fresh one, the rest are not sent, no token request is made', async () => {
		const token = sim.issueToken();
		sim.server.tokens.expireAll();
		const run = await runJobs({
			sim,
			parameters: { operation: 'get', jobId: jobParam('={{ $json.job }}'), options: UNPACED },
			items: [{ job: repair }, { job: install }],
			credentialsHelper: bigChangeHelper(pastedToken(sim, token)),
		});
		expect(run.errorOf(0)).toBe(
			`Job ${repair}: BigChange refused the pasted bearer token (expired or revoked); paste a fresh token into the BigChange credential`,
		);
		// Every other item would meet the same refusal: it is not sent (defect 12.5).
		expect(run.errorOf(1)).toBe(
			'Not sent, because an earlier request of this run failed: BigChange refused the pasted bearer token (expired or revoked); paste a fresh token into the BigChange credential',
		);
		// n8n itself sends the first item's request once more after its 401; no other item is sent.
		expect(sim.requests('GET').map((req) => [req.path, req.status])).toEqual([
			[`/v1/jobs/${repair}`, 401],
			[`/v1/jobs/${repair}`, 401],
		]);
		expect(sim.tokensIssued).toBe(0);
		expect(JSON.stringify([run.success, run.errors])).not.toContain(token);
	});

	it('server failures that outlast the retries keep the server’s words and the job', async () => {
		sim.server.faults.failNext(4, {
			status: 500,
			headers: { 'content-type': 'application/problem+json' },
			body: { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Database timeout', instance: `/v1/jobs/${repair}` },
			match: (req) => req.method === 'PATCH',
		});
		const run = await update([{ job: repair, description: 'x' }]);
		expect(run.errorOf(0)).toBe(`Job ${repair}: Internal Server Error: Database timeout`);
		expect(sim.requests('PATCH')).toHaveLength(4);
	});

	it('Stop Workflow ends the run with a summary: which item failed and why, which were updated', async () => {
		const run = await runJobs({
			sim,
			parameters: { operation: 'update', jobId: jobParam('={{ $json.job }}'), clearFields: ['orderNumber'], options: UNPACED },
			items: [{ job: repair }, { job: install }],
			settings: { onError: 'stopWorkflow' },
		});
		expect(run.nodeError?.message).toBe(`1 of 2 items failed (item 1): Job ${install}: orderNumber: An order number is required for this job type.`);
		expect(run.nodeError?.description).toContain('The other 1 item was updated in BigChange (item 0); that is not undone.');
		expect(sim.job(repair)?.orderNumber).toBeNull();
	});

	it('never puts the client secret or the access token in an output', async () => {
		const run = await update([{ job: 424242 }, { job: started, description: 'x' }, { job: repair, description: 'ok' }]);
		const everything = JSON.stringify([run.success, run.errors]);
		const token = String(run.credentialsHelper.stored('bigchange-1').accessToken);
		expect(token.length).toBeGreaterThan(20);
		expect(everything).not.toContain(token);
		expect(everything).not.toContain(D.clientSecret);
		expect(run.errors).toHaveLength(2);
	});
});
