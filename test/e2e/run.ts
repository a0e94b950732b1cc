/**
 * `npm run test:e2e`: the package inside the real n8n, as users install it. Prepares n8n 2.41.1 on
 * Node 24 in .cache/ (reused when there), packs this package and installs the tarball as a community
 * package, starts the vendor simulators, imports a `demo-<vendor>` credential for each and every
 * examples/*.json, runs each with `n8n execute --id`, and checks what came out; then the AI Agent
 * example once per node with the nodes as tools (test/e2e/agent/run-agent.ts). Then the browser
 * test (test/e2e/browser.ts) on the same instance, unless `--no-browser`.
 * Prints one line per workflow, the time each part took, and `e2e: N passed, N failed`.
 * E2E_N8N_VERSION=2.40.7 (and E2E_NODE_MAJOR) run the same suite against another n8n release;
 * `npm run test:e2e:n8n1` runs it against n8n 1.123.81 on Node 22 (README, Compatibility).
 */
import { agentChecks } from './agent/run-agent';
import { browserChecks } from './browser';
import { checkRun, receivedBetween } from './lib/check-run';
import { isAgentExample } from './lib/examples';
import type { Instance } from './lib/instance';
import type { Results } from './lib/results';
import { runSuite } from './lib/suite';
import type { Timings } from './lib/timings';
import { vendorNamed } from './vendors';

/** The last line n8n printed that is not a stack frame: the error's message. */
function lastError(printed: string): string {
	const lines = printed.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('at '));
	return lines[lines.length - 1] ?? 'no output';
}

async function executeExamples(instance: Instance, results: Results, timings: Timings): Promise<void> {
	for (const example of instance.examples.filter((candidate) => !isAgentExample(candidate))) {
		const label = example.file;
		const setupProblems = instance.exampleProblems.get(example.file) ?? [];
		if (setupProblems.length) {
			results.fail(label, setupProblems);
			continue;
		}
		const vendor = vendorNamed(example.vendor);
		const credential = instance.credentials.find((entry) => entry.id === `demo-${example.vendor}`);
		const secrets = (vendor?.secretFields ?? []).map((field) => String(credential?.data[field] ?? '')).filter((value) => value.length >= 6);
		const before = await instance.simulators.stats();
		const start = performance.now();
		const { run, output } = await timings.time(`execute ${example.id}`, async () => await instance.n8n.execute(example.id));
		const seconds = ((performance.now() - start) / 1000).toFixed(1);
		const after = await instance.simulators.stats();
		const received = receivedBetween(before[example.vendor], after[example.vendor]);
		const verdict = checkRun({ example, run, printed: `${output.stdout}\n${output.stderr}`, expectations: vendor?.expectations ?? {}, received, secrets });
		if (!run) verdict.problems.push(`n8n execute exited ${String(output.code)}: ${lastError(`${output.stdout}\n${output.stderr}`)}`);
		if (!vendor?.expectations[example.file]) results.note(`${example.file}: no expectations in test/e2e/vendors/${example.vendor}.ts, generic checks only`);
		const server = Object.entries(received).map(([method, count]) => `${method} ${count}`).join(', ') || 'none';
		results.check(label, verdict.problems, `${verdict.counts}; simulator received ${server}; ${seconds} s`);
	}
}

async function main(): Promise<void> {
	const withBrowser = !process.argv.includes('--no-browser');
	await runSuite({ workPrefix: 'n8n-batch-jobs-e2e-', setup: 'e2e setup' }, async (instance, results, timings) => {
		for (const note of instance.notes) results.note(note);
		await executeExamples(instance, results, timings);
		await agentChecks(instance, results, timings);
		if (withBrowser) await timings.time('browser test', async () => await browserChecks(instance, results));
	});
}

void main();
