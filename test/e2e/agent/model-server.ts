/**
 * A scripted chat model for the AI Agent checks: an HTTP server on 127.0.0.1 that speaks OpenAI's Chat
 * Completions API (POST /v1/chat/completions, plain JSON or `stream: true` server-sent chunks), as n8n's
 * OpenAI Chat Model node calls it when "Use Responses API" is off. It answers by script, one per prompt:
 * the first request for a prompt gets the script's tool calls (finish_reason "tool_calls"); the request
 * that carries their results (role "tool" messages) has the results judged by the script and gets a final
 * answer in words (finish_reason "stop"). What it saw is kept per prompt for the test to read.
 * Format: https://platform.openai.com/docs/api-reference/chat/create (tool_calls, finish_reason, usage).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

export interface ModelScript {
	/** The user's words the script answers: the agent sends them as the user message. */
	prompt: string;
	/** The tool the model calls: n8n names a tool after its node (`BigChange Job Update` → `BigChange_Job_Update`). */
	tool: string;
	/** One tool call per entry, with the arguments a model would write for the prompt. */
	calls: Array<Record<string, unknown>>;
	/** Problems with the tool results the agent sent back (one per call, in order); [] when they answer the prompt. */
	judge(results: string[]): string[];
	/** The final answer in words, built from the tool results. */
	answer(results: string[]): string;
}

/** A function the agent offered the model, as the request's `tools` listed it. */
export interface OfferedTool {
	name: string;
	description: string;
	parameters: { properties?: Record<string, { type?: unknown; description?: string }>; required?: string[] };
}

export interface ScriptRecord {
	requests: number;
	offered: OfferedTool[];
	toolCallIds: string[];
	/** The content of each tool message that answered one of this script's calls. */
	results: string[];
	problems: string[];
	answer?: string;
}

interface ChatMessage {
	role: string;
	content?: unknown;
	tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

interface ChatRequest {
	model?: string;
	messages?: ChatMessage[];
	tools?: Array<{ type: string; function: OfferedTool }>;
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
}

function text(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part: { text?: string }) => part.text ?? '').join('');
	return '';
}

/** A rough token count, so `usage` is filled as OpenAI fills it. */
const tokens = (value: string) => Math.max(1, Math.ceil(value.length / 4));

export class ScriptedModel {
	private server?: Server;
	private nextId = 1;
	readonly records = new Map<string, ScriptRecord>();

	constructor(private readonly scripts: ModelScript[]) {
		for (const script of scripts) this.records.set(script.prompt, { requests: 0, offered: [], toolCallIds: [], results: [], problems: [] });
	}

	/** The base URL an OpenAI credential takes (`…/v1`). */
	async start(): Promise<string> {
		const server = createServer((req, res) => void this.handle(req, res));
		this.server = server;
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	record(prompt: string): ScriptRecord {
		const record = this.records.get(prompt);
		if (!record) throw new Error(`No script for the prompt ${JSON.stringify(prompt)}`);
		return record;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
			return this.error(res, 404, `Unknown endpoint ${req.method} ${req.url}: this model answers POST /v1/chat/completions only`);
		}
		if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) return this.error(res, 401, 'No API key given (Authorization: Bearer …)');
		let body: ChatRequest;
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
		} catch {
			return this.error(res, 400, 'The body is not JSON');
		}
		const messages = body.messages ?? [];
		const userText = text(messages.find((message) => message.role === 'user')?.content).trim();
		const script = this.scripts.find((candidate) => userText === candidate.prompt);
		if (!script) return this.error(res, 400, `No script for the prompt ${JSON.stringify(userText)}`);
		const record = this.record(script.prompt);
		record.requests++;
		record.offered = (body.tools ?? []).map((tool) => tool.function);

		const toolMessages = messages.filter((message) => message.role === 'tool');
		if (toolMessages.length === 0) {
			if (!record.offered.some((tool) => tool.name === script.tool)) {
				record.problems.push(`the agent did not offer the tool ${script.tool} (offered: ${record.offered.map((tool) => tool.name).join(', ') || 'none'})`);
			}
			record.toolCallIds = script.calls.map(() => `call_${String(this.nextId++).padStart(6, '0')}`);
			const toolCalls = script.calls.map((args, index) => ({
				id: record.toolCallIds[index],
				type: 'function',
				function: { name: script.tool, arguments: JSON.stringify(args) },
			}));
			return this.reply(res, body, { role: 'assistant', content: null, tool_calls: toolCalls }, 'tool_calls');
		}

		// The agent must send back the assistant turn that asked for the calls, then one tool message per call.
		const asked = messages.flatMap((message) => (message.role === 'assistant' ? (message.tool_calls ?? []).map((call) => call.id) : []));
		for (const id of record.toolCallIds) {
			if (!asked.includes(id)) record.problems.push(`the agent's second request does not repeat the assistant's tool call ${id}`);
		}
		record.results = record.toolCallIds.map((id) => {
			const answer = toolMessages.find((message) => message.tool_call_id === id);
			if (!answer) record.problems.push(`no tool message answers the call ${id}`);
			return text(answer?.content);
		});
		record.problems.push(...script.judge(record.results));
		record.answer = script.answer(record.results);
		return this.reply(res, body, { role: 'assistant', content: record.answer }, 'stop');
	}

	private reply(res: ServerResponse, body: ChatRequest, message: Omit<ChatMessage, 'content'> & { content: string | null }, finishReason: 'stop' | 'tool_calls'): void {
		const id = `chatcmpl-${String(this.nextId++).padStart(8, '0')}`;
		const created = Math.floor(Date.now() / 1000);
		const model = body.model ?? 'scripted';
		const promptTokens = tokens(JSON.stringify(body.messages ?? []));
		const completionTokens = tokens(JSON.stringify(message));
		const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
		if (!body.stream) {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ id, object: 'chat.completion', created, model, choices: [{ index: 0, message: { ...message, refusal: null }, logprobs: null, finish_reason: finishReason }], usage }));
			return;
		}
		// Streamed: the role first, then the content or each tool call (name and arguments), then the finish.
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
		const chunk = (delta: object, finish: string | null = null) =>
			res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`);
		chunk({ role: 'assistant', content: message.content === null ? null : '' });
		if (message.content) chunk({ content: message.content });
		(message.tool_calls ?? []).forEach((call, index) => chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments } }] }));
		chunk({}, finishReason);
		if (body.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
		res.end('data: [DONE]\n\n');
	}

	private error(res: ServerResponse, status: number, message: string): void {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: null } }));
	}
}
