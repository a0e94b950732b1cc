/**
 * What the AI Agent is asked, per node, and what must follow: the tool call a model would make for the
 * prompt (with the `$fromAI` keys of examples/agent-batch-jobs-tools.json), what the vendor's simulator
 * must receive, what the tool result must say, and the answer the model then gives from that result.
 */
import type { LoggedRequest } from '../lib/simulator-messages';
import type { ModelScript } from './model-server';

export interface AgentScenario {
	label: string;
	/** Joins the workflow ID of this scenario's copy of the example. */
	key: string;
	vendor: string;
	/** The tool's node in the example. */
	toolNode: string;
	script: ModelScript;
	/** Problems with what the vendor's simulator received while the agent ran. */
	checkRequests(requests: LoggedRequest[]): string[];
}

type Json = Record<string, unknown>;

/** A tool result as n8n hands it to the model: the JSON of the tool's output items. */
function items(result: string): Json[] {
	try {
		const parsed = JSON.parse(result) as unknown;
		return Array.isArray(parsed) ? (parsed as Json[]) : [parsed as Json];
	} catch {
		return [];
	}
}

const first = (result: string): Json => items(result)[0] ?? {};
const show = (value: unknown) => JSON.stringify(value);
const errorOf = (result: string) => (typeof first(result).error === 'string' ? (first(result).error as string) : undefined);

/** What a model could not act on: a stack trace, a source location, an object printed as such. */
function unreadable(result: string): string[] {
	const problems: string[] = [];
	if (/\n\s*at \S+ \(|\bat .+\.(js|ts):\d+/.test(result)) problems.push(`the tool result holds a stack trace: ${result.slice(0, 300)}`);
	if (result.includes('[object Object]')) problems.push(`the tool result prints an object as [object Object]: ${result.slice(0, 300)}`);
	return problems;
}

function succeeded(result: string): string[] {
	const error = errorOf(result);
	return error ? [`the tool failed: ${error}`] : items(result).length ? [] : [`the tool result is not the node's items: ${result.slice(0, 300)}`];
}

function requestsAre(requests: LoggedRequest[], expected: Array<{ method: string; path: RegExp; body?: (body: unknown) => string | undefined }>): string[] {
	const problems: string[] = [];
	const relevant = requests.filter((request) => !/auth|token|credentials|login/i.test(request.path));
	if (relevant.length !== expected.length) {
		problems.push(`the simulator received ${relevant.length} request(s), expected ${expected.length}: ${relevant.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'}`);
	}
	expected.forEach((want, index) => {
		const got = relevant[index];
		if (!got) return;
		if (got.method !== want.method || !want.path.test(got.path)) problems.push(`request ${index + 1} is ${got.method} ${got.path}, expected ${want.method} ${want.path.source}`);
		const bodyProblem = want.body?.(got.body);
		if (bodyProblem) problems.push(`request ${index + 1}: ${bodyProblem}`);
	});
	return problems;
}

/** Where a VBA request's one record stands in VBA_JOBS (requests of other records last). */
function vbaJobIndex(body: unknown): number {
	const jobId = Array.isArray(body) ? (body as Json[])[0]?.job_ID : undefined;
	const index = VBA_JOBS.findIndex((job) => job.job_ID === jobId);
	return index === -1 ? VBA_JOBS.length : index;
}

/** The requests a line prints: method, path and body, without the logins. */
export const requestLine = (requests: LoggedRequest[]) =>
	requests
		.filter((request) => !/auth|token|credentials|login/i.test(request.path))
		.map((request) => `${request.method} ${request.path}${request.body === undefined ? '' : ` ${show(request.body)}`}`)
		.join('; ');

const VBA_JOBS = [
	{ job_ID: 'AGENT-EXPORT', description: 'Agent nightly export', job_Type: 'EXPORT' },
	{ job_ID: 'AGENT-RECON', description: 'Agent weekly reconciliation', job_Type: 'RECON' },
	{ job_ID: 'AGENT-LOAD', description: 'Agent eligibility load', job_Type: 'IMPORT' },
];

/** The example's own prompt: the BigChange scenario runs the example as a user imports it. */
export const EXAMPLE_PROMPT = 'Update the description of BigChange job 1001 to "Replace pump seal; bring 22mm fittings" and clear its reference.';

export function agentScenarios(rightslineBatchId: number): AgentScenario[] {
	return [
		{
			label: 'BigChange Job Update',
			key: 'bigchange',
			vendor: 'bigchange',
			toolNode: 'BigChange Job Update',
			script: {
				prompt: EXAMPLE_PROMPT,
				tool: 'BigChange_Job_Update',
				calls: [{ Job: 1001, Description: 'Replace pump seal; bring 22mm fittings', Clear_Fields: 'reference' }],
				judge: ([result]) => {
					const problems = succeeded(result);
					const changes = first(result).changes as Json | undefined;
					if (changes?.description !== 'Replace pump seal; bring 22mm fittings' || changes.reference !== null) {
						problems.push(`the result does not show the new description and the cleared reference: ${result.slice(0, 300)}`);
					}
					return problems;
				},
				answer: ([result]) => {
					const job = first(result);
					const changes = (job.changes ?? {}) as Json;
					return `Done: BigChange job ${show(job.jobId)} now has the description ${show(changes.description)}, and its reference is ${changes.reference === null ? 'cleared' : show(changes.reference)}.`;
				},
			},
			checkRequests: (requests) =>
				requestsAre(requests, [
					{
						method: 'PATCH',
						path: /\/jobs\/1001$/,
						body: (body) => {
							const sent = body as Json | undefined;
							return sent?.description === 'Replace pump seal; bring 22mm fittings' && sent.reference === null ? undefined : `the body is ${show(body)}`;
						},
					},
				]),
		},
		{
			label: 'VBA Batch Upsert',
			key: 'vba',
			vendor: 'vba',
			toolNode: 'VBA Batch Upsert',
			script: {
				prompt: `Upsert these three VBA jobs: ${VBA_JOBS.map((job) => `${job.job_ID} "${job.description}" of type ${job.job_Type}`).join('; ')}.`,
				tool: 'VBA_Batch_Upsert',
				calls: VBA_JOBS,
				judge: (results) =>
					results.flatMap((result, index) => {
						const problems = succeeded(result);
						const saved = first(result);
						if (saved.job_ID !== VBA_JOBS[index].job_ID || typeof saved.vbaResult !== 'object') problems.push(`call ${index + 1}'s result is not job ${VBA_JOBS[index].job_ID} with its vbaResult: ${result.slice(0, 300)}`);
						return problems;
					}),
				answer: (results) => `Saved in VBA: ${results.map((result) => `${show(first(result).job_ID)} (${show(first(result).vbaResult)})`).join(', ')}.`,
			},
			checkRequests: (requests) =>
				requestsAre(
					// One request per tool call; an agent may make the calls at once (n8n 1.x does), so in any order.
					[...requests].sort((a, b) => vbaJobIndex(a.body) - vbaJobIndex(b.body)),
					VBA_JOBS.map((job) => ({
						method: 'PUT',
						path: /\/jobs-batch$/,
						body: (body) => {
							const records = Array.isArray(body) ? (body as Json[]) : [];
							const record = records.find((candidate) => candidate.job_ID === job.job_ID);
							return records.length === 1 && record?.description === job.description && record.job_Type === job.job_Type ? undefined : `no single record ${show(job)} in ${show(body)}`;
						},
					})),
				),
		},
		{
			label: 'OL Connect Job Entity',
			key: 'olconnect',
			vendor: 'olconnect',
			toolNode: 'OL Connect Job Entity',
			script: {
				prompt: 'What are the properties of OL Connect job 1001?',
				tool: 'OL_Connect_Job_Entity',
				calls: [{ Job_ID: 1001 }],
				judge: ([result]) => {
					const problems = succeeded(result);
					// The OL Connect example, run earlier, changed the status and added a mail date; batch stays B-7.
					const properties = first(result).properties as Json | undefined;
					if (properties?.batch !== 'B-7' || typeof properties.status !== 'string') problems.push(`the result does not hold job 1001's properties (a status, batch B-7): ${result.slice(0, 300)}`);
					return problems;
				},
				answer: ([result]) => {
					const properties = (first(result).properties ?? {}) as Json;
					return `OL Connect job 1001 has ${Object.entries(properties).map(([name, value]) => `${name} = ${show(value)}`).join(', ')}.`;
				},
			},
			checkRequests: (requests) => requestsAre(requests, [{ method: 'GET', path: /\/jobs\/1001\/properties$/ }]),
		},
		{
			label: 'Rightsline Char-Type Batch',
			key: 'rightsline',
			vendor: 'rightsline',
			toolNode: 'Rightsline Char-Type Batch',
			script: {
				prompt: `What is the status of Rightsline batch ${rightslineBatchId}?`,
				tool: 'Rightsline_Char-Type_Batch',
				calls: [{ Batch_ID: rightslineBatchId }],
				judge: ([result]) => {
					const problems = succeeded(result);
					const batch = first(result);
					if (batch.batchId !== rightslineBatchId || typeof batch.batchStatus !== 'string') problems.push(`the result is not batch ${rightslineBatchId} with its status: ${result.slice(0, 300)}`);
					return problems;
				},
				answer: ([result]) => {
					const batch = first(result);
					const records = Object.values(((batch.batchResults as Json | undefined)?.records ?? {}) as Record<string, unknown[]>).flat().length;
					return `Rightsline batch ${show(batch.batchId)} is ${show(batch.batchStatus)}${batch.failed === true ? ' with failures' : ''}; it holds ${records} record result(s).`;
				},
			},
			checkRequests: (requests) => requestsAre(requests, [{ method: 'GET', path: new RegExp(`/v4/batch/${rightslineBatchId}$`) }]),
		},
		{
			label: 'bad argument: unknown BigChange job',
			key: 'bad-job',
			vendor: 'bigchange',
			toolNode: 'BigChange Job Update',
			script: {
				prompt: 'Change the description of BigChange job 4040 to "Check the boiler pressure".',
				tool: 'BigChange_Job_Update',
				calls: [{ Job: 4040, Description: 'Check the boiler pressure', Clear_Fields: '' }],
				judge: ([result]) => {
					const problems = unreadable(result);
					const error = errorOf(result);
					if (!error || !error.includes('4040') || !/no job|not found|does not exist|doesn't exist/i.test(error)) {
						problems.push(`the tool result does not say that job 4040 does not exist: ${result.slice(0, 300)}`);
					}
					return problems;
				},
				answer: ([result]) => `I could not change job 4040. BigChange said: ${errorOf(result) ?? result}`,
			},
			checkRequests: (requests) => requestsAre(requests, [{ method: 'PATCH', path: /\/jobs\/4040$/ }]),
		},
		{
			label: 'bad argument: VBA record without its job_ID',
			key: 'bad-record',
			vendor: 'vba',
			toolNode: 'VBA Batch Upsert',
			script: {
				prompt: 'Add a VBA job described as "Monthly premium audit" of type AUDIT.',
				tool: 'VBA_Batch_Upsert',
				// The model leaves out the ID it was not given, as a model does; n8n resolves the missing $fromAI key to nothing.
				calls: [{ description: 'Monthly premium audit', job_Type: 'AUDIT' }],
				judge: ([result]) => {
					const problems = unreadable(result);
					const error = errorOf(result);
					if (!error || !error.includes('job_ID') || !/required/i.test(error)) problems.push(`the tool result does not say that job_ID is required: ${result.slice(0, 300)}`);
					return problems;
				},
				answer: ([result]) => `The job was not saved. VBA needs a job ID: ${errorOf(result) ?? result}`,
			},
			checkRequests: (requests) => requestsAre(requests, []),
		},
	];
}
