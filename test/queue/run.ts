/**
 * `npm run test:queue`: the package in n8n's queue mode, as a team that scales out runs it.
 * Postgres and Redis on 127.0.0.1 (test/queue/lib/services.ts), the simulators with their vendors'
 * rate limits on, n8n 2.41.1 main with EXECUTIONS_MODE=queue and two `n8n worker` processes sharing
 * one encryption key, the packed package installed as a community package (as test/e2e does).
 * Scenarios: 20 parallel webhook calls per node, a schedule firing on a worker, the examples in
 * queue mode compared item by item with regular mode, and a worker killed in the middle of a
 * 20,000-record VBA run. Prints one line per check and `queue: N passed, N failed`; everything it
 * started ends with it, on failure too.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { isAgentExample, loadExamples } from '../e2e/lib/examples';
import type { N8nServer } from '../e2e/lib/n8n';
import { buildAndPack, installCommunityPackage } from '../e2e/lib/package';
import { prepareRuntime } from '../e2e/lib/prepare';
import { messageOf, Results } from '../e2e/lib/results';
import { exitOnSignals } from '../e2e/lib/signals';
import { Timings } from '../e2e/lib/timings';
import { vendors } from '../e2e/vendors';
import { QueueN8n, startMain, type N8nWorker } from './lib/cluster';
import type { QueueContext } from './lib/context';
import { N8nDatabase } from './lib/db';
import { startServices, type Services } from './lib/services';
import { LOAD } from './lib/sim-messages';
import { QueueSimulators } from './lib/sims';
import { exampleOnWebhook, loadWorkflow, scheduleWorkflow } from './lib/workflows';
import { compareScenario } from './scenarios/compare';
import { killScenario } from './scenarios/kill';
import { loadScenario } from './scenarios/load';
import { scheduleScenario, SCHEDULE_SECONDS } from './scenarios/schedule';

class QueueResults extends Results {
	override summary(): string {
		return `queue: ${this.passed} passed, ${this.failed} failed`;
	}
}

const started: { services?: Services; sims?: QueueSimulators; main?: N8nServer; workers: N8nWorker[] } = { workers: [] };

async function teardown(): Promise<void> {
	await Promise.allSettled([started.main?.stop(), ...started.workers.map(async (worker) => await worker.stop())]);
	await started.sims?.stop().catch(() => undefined);
	await started.services?.stop().catch(() => undefined);
}

async function setUp(work: string, timings: Timings, results: Results): Promise<QueueContext> {
	const services = await timings.time('Postgres + Redis', async () => await startServices(join(work, 'services'), (line) => results.note(line)));
	started.services = services;
	const runtime = await prepareRuntime(timings);
	const userFolder = join(work, 'n8n-user');
	const packed = await timings.time('build + pack', async () => await buildAndPack(work));
	await timings.time('install into n8n', async () => await installCommunityPackage(userFolder, packed));
	const sims = await timings.time('start simulators', async () => await QueueSimulators.start());
	started.sims = sims;

	const n8n = new QueueN8n(runtime, userFolder, services);
	const db = new N8nDatabase(services, join(services.postgresBin, 'psql'));
	// The AI Agent example needs the scripted model server of test/e2e/agent; the queue runs the vendors' own.
	const examples = new Map(loadExamples().filter((example) => !isAgentExample(example)).map((example) => [example.vendor, example]));
	const credentials = vendors.map((vendor) => ({ id: `demo-${vendor.vendor}`, name: vendor.credentialName, type: vendor.credentialType, data: sims.credentials[vendor.vendor] }));
	await timings.time('import credentials', async () => await n8n.importCredentials(credentials));
	const vba = examples.get('vba');
	if (!vba) throw new Error('examples/vba-*.json is missing');
	const published = [
		...[...examples.values()].map((example) => loadWorkflow(example, example.vendor === 'vba' ? { batchSize: LOAD.vbaBatchSize } : {})),
		...[...examples.values()].map((example) => exampleOnWebhook(example)),
		loadWorkflow(vba, { batchSize: 100 }, 'q-big-vba', 'onReceived'),
		scheduleWorkflow(vba, SCHEDULE_SECONDS),
	];
	await timings.time('import workflows', async () => await n8n.importWorkflows([...[...examples.values()].map((example) => example.workflow), ...published]));
	await db.publish(published.map((workflow) => workflow.id));

	const main = await timings.time('start main', async () => await startMain(n8n));
	started.main = main;
	const workers = await timings.time('start 2 workers', async () => {
		const list = [await n8n.startWorker('worker-1'), await n8n.startWorker('worker-2')];
		started.workers.push(...list);
		await Promise.all(list.map(async (worker) => await worker.waitReady()));
		return list;
	});
	results.pass('n8n main (queue mode) and 2 workers ready', `main ${main.url}; Postgres :${services.postgres.port}; Redis :${services.redis.port}`);
	return { n8n, main, workers, sims, db, examples, results };
}

async function main(): Promise<void> {
	exitOnSignals(teardown);
	const timings = new Timings();
	const results = new QueueResults();
	const work = mkdtempSync(join(tmpdir(), 'n8n-batch-jobs-queue-'));
	const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
	const wanted = (name: string) => only.length === 0 || only.includes(name);
	try {
		const context = await setUp(work, timings, results);
		if (wanted('load')) {
			for (const vendor of ['vba', 'bigchange', 'olconnect', 'rightsline']) {
				await timings.time(`load ${vendor}`, async () => await loadScenario(context, vendor).catch((error: unknown) => results.fail(`${vendor}: webhook calls`, [messageOf(error)])));
			}
		}
		if (wanted('schedule')) await timings.time('schedule', async () => await scheduleScenario(context).catch((error: unknown) => results.fail('schedule', [messageOf(error)])));
		if (wanted('compare')) await timings.time('compare', async () => await compareScenario(context).catch((error: unknown) => results.fail('queue vs regular', [messageOf(error)])));
		if (wanted('kill')) await timings.time('worker kill', async () => await killScenario(context).catch((error: unknown) => results.fail('worker killed mid-run', [messageOf(error)])));
	} catch (error) {
		results.fail('queue setup', [error instanceof Error ? (error.stack ?? error.message) : messageOf(error)]);
	} finally {
		await timings.time('teardown', teardown);
	}
	if (results.failed === 0) rmSync(work, { recursive: true, force: true });
	else console.log(`n8n's user folder and logs are kept in ${work}`);
	console.log(timings.line());
	console.log(results.summary());
	process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
}

void main();
