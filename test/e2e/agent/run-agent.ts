/**
 * The four nodes as tools of n8n's AI Agent, in the real n8n: examples/agent-batch-jobs-tools.json (Manual
 * Trigger → AI Agent with the OpenAI Chat Model and the four tools) runs once per scenario, each a copy
 * with the scenario's prompt, its OpenAI credential pointed at the scripted model (model-server.ts). Per
 * scenario: the model was offered the tool and asked for the call, the vendor's simulator received the
 * request the prompt needs, the tool result the model got says what happened (or, for a bad argument,
 * what was wrong, in words), the run succeeded, and the agent's final answer carries the result.
 */
import type { INode, IRun } from 'n8n-workflow';

import { isAgentExample, type Example } from '../lib/examples';
import type { Instance } from '../lib/instance';
import type { Results } from '../lib/results';
import type { Timings } from '../lib/timings';
import { ScriptedModel, type OfferedTool } from './model-server';
import { agentScenarios, EXAMPLE_PROMPT, requestLine, type AgentScenario } from './scenarios';

export const OPENAI_CREDENTIAL = { id: 'demo-openai', name: 'OpenAI (scripted model)' };
const AGENT_NODE = 'AI Agent';

/** The batch the Rightsline example submitted earlier in the suite: the agent asks for its status. */
async function submittedRightslineBatch(instance: Instance): Promise<number | undefined> {
	const requests = await instance.simulators.requests('rightsline');
	const read = requests.map((request) => /^\/v4\/batch\/(\d+)$/.exec(request.path)).find(Boolean);
	return read ? Number(read[1]) : undefined;
}

function withPrompt(example: Example, scenario: AgentScenario): Example['workflow'] {
	const nodes = example.workflow.nodes.map((node): INode => (node.name === AGENT_NODE ? { ...node, parameters: { ...node.parameters, text: scenario.script.prompt } } : node));
	return { ...example.workflow, id: `agent-${scenario.key}`.slice(0, 21), name: `${example.workflow.name} (${scenario.label})`, nodes };
}

/**
 * What the model reads about a tool: the node's own tool description (not n8n's "<action> in <node>"),
 * every parameter explained (by the tool description, or by its own `$fromAI` description: a VBA record's
 * fields are the entity's, so only the workflow can say what each holds), and each parameter typed.
 */
function toolSchemaProblems(tool: OfferedTool | undefined): string[] {
	if (!tool) return [];
	const problems: string[] = [];
	if (/ in [^.]+$/.test(tool.description) && tool.description.length < 80) problems.push(`the tool description is n8n's generic one: ${JSON.stringify(tool.description)}`);
	for (const [key, schema] of Object.entries(tool.parameters.properties ?? {})) {
		if (!tool.description.includes(key) && !schema.description) problems.push(`neither the tool description nor the parameter's own explains the parameter ${key}`);
		if (schema.type === undefined) problems.push(`the parameter ${key} has no type in the tool schema`);
	}
	return problems;
}

/** How a tool looks to the model, in one line: its description's length and each parameter. */
export function toolSummary(tool: OfferedTool): string {
	const parameters = Object.entries(tool.parameters.properties ?? {}).map(([key, schema]) => `${key} (${String(schema.type)}${tool.parameters.required?.includes(key) ? ', required' : ''})`);
	return `${tool.name}: a ${tool.description.length}-character description; parameters ${parameters.join(', ') || 'none'}`;
}

/** The agent's last output item: its final answer once the tools have answered. */
function finalAnswer(run: IRun): string | undefined {
	const tasks = run.data.resultData.runData[AGENT_NODE] ?? [];
	for (const task of [...tasks].reverse()) {
		const output = task.data?.main?.[0]?.[0]?.json.output;
		if (typeof output === 'string') return output;
	}
	return undefined;
}

async function runScenario(instance: Instance, model: ScriptedModel, scenario: AgentScenario, workflowId: string, timings: Timings): Promise<{ problems: string[]; detail: string }> {
	const before = (await instance.simulators.requests(scenario.vendor)).at(-1)?.seq ?? 0;
	const { run, output } = await timings.time(`agent ${scenario.key}`, async () => await instance.n8n.execute(workflowId));
	const requests = await instance.simulators.requests(scenario.vendor, before);
	const record = model.record(scenario.script.prompt);
	const problems = [...record.problems];
	if (!run) problems.push(`n8n printed no run JSON (exit ${String(output.code)}): ${`${output.stdout}\n${output.stderr}`.trim().split('\n').slice(-5).join(' | ')}`);
	const error = run?.data.resultData.error;
	if (error) problems.push(`the agent run failed: ${error.message}`);
	if (run && run.status !== 'success') problems.push(`the run's status is ${run.status}`);
	if (record.requests !== 2) problems.push(`the model was asked ${record.requests} time(s); expected 2 (the tool call, then the answer)`);
	const toolRuns = run?.data.resultData.runData[scenario.toolNode]?.length ?? 0;
	if (toolRuns !== scenario.script.calls.length) problems.push(`the tool node ${scenario.toolNode} ran ${toolRuns} time(s), expected ${scenario.script.calls.length}`);
	problems.push(...toolSchemaProblems(record.offered.find((tool) => tool.name === scenario.script.tool)));
	problems.push(...scenario.checkRequests(requests));
	const answer = run ? finalAnswer(run) : undefined;
	if (!record.answer) problems.push('the model never got the tool result, so it gave no answer');
	else if (answer !== record.answer) problems.push(`the agent's output is ${JSON.stringify(answer)}, not the model's answer ${JSON.stringify(record.answer)}`);
	const calls = scenario.script.calls.map((args) => JSON.stringify(args)).join(' ');
	const detail = `tool ${scenario.script.tool} called with ${calls}; simulator got ${requestLine(requests) || 'no request'}; tool result ${record.results.join(' ').slice(0, 160)}; answer ${JSON.stringify(answer ?? '').slice(0, 200)}`;
	return { problems, detail };
}

export async function agentChecks(instance: Instance, results: Results, timings: Timings): Promise<void> {
	const example = instance.examples.find(isAgentExample);
	if (!example) {
		results.fail('agent', ['no examples/agent-*.json to run']);
		return;
	}
	const setupProblems = instance.exampleProblems.get(example.file) ?? [];
	const batchId = await submittedRightslineBatch(instance);
	if (batchId === undefined) setupProblems.push('the Rightsline simulator holds no batch to ask about (did the Rightsline example run?)');
	if (!example.workflow.nodes.some((node) => node.name === AGENT_NODE && node.parameters.text === EXAMPLE_PROMPT)) {
		setupProblems.push(`${example.file} has no "${AGENT_NODE}" node asking ${JSON.stringify(EXAMPLE_PROMPT)}`);
	}
	if (setupProblems.length) {
		results.fail(`agent: ${example.file}`, setupProblems);
		return;
	}
	const scenarios = agentScenarios(batchId ?? 0);
	const model = new ScriptedModel(scenarios.map((scenario) => scenario.script));
	const url = await model.start();
	try {
		await instance.n8n.importCredentials([{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-scripted-model-e2e', url } }]);
		// The example itself asks the first scenario's prompt; the others run a copy with their own.
		const copies = scenarios.slice(1).map((scenario) => withPrompt(example, scenario));
		await timings.time('import agent workflows', async () => await instance.n8n.importWorkflows(copies));
		for (const [index, scenario] of scenarios.entries()) {
			const workflowId = index === 0 ? example.id : copies[index - 1].id;
			const { problems, detail } = await runScenario(instance, model, scenario, workflowId, timings);
			results.check(`agent: ${scenario.label}`, problems, detail);
		}
		// Every tool the agent offered, as the model saw it (the same for each prompt).
		for (const tool of model.record(scenarios[0].script.prompt).offered) results.note(`agent tool ${toolSummary(tool)}`);
	} finally {
		await model.stop();
	}
}
