import type { Example } from '../../e2e/lib/examples';
import type { N8nServer } from '../../e2e/lib/n8n';
import type { Results } from '../../e2e/lib/results';
import type { N8nWorker, QueueN8n } from './cluster';
import type { N8nDatabase } from './db';
import type { QueueSimulators } from './sims';

/** Everything a scenario of the queue test works with. */
export interface QueueContext {
	n8n: QueueN8n;
	main: N8nServer;
	workers: N8nWorker[];
	sims: QueueSimulators;
	db: N8nDatabase;
	examples: Map<string, Example>;
	results: Results;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` gives a value, or throws naming what did not happen. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
		await sleep(500);
	}
}

/** Which worker ran each execution, from the workers' logs. */
export function workerOf(context: QueueContext): Map<string, string> {
	const owner = new Map<string, string>();
	for (const worker of context.workers) for (const id of worker.startedExecutions()) owner.set(id, worker.name);
	return owner;
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const text = await res.text();
	let json: unknown = text;
	try {
		json = JSON.parse(text);
	} catch {
		// Not JSON: keep the text for the report.
	}
	return { status: res.status, json };
}
