import { spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { closeSync, openSync, readFileSync } from 'fs';
import { join } from 'path';

import { N8n, N8nServer } from '../../e2e/lib/n8n';
import { freePort } from '../../e2e/lib/ports';
import type { Runtime } from '../../e2e/lib/prepare';
import type { Services } from './services';

/**
 * n8n pointed at the shared Postgres and Redis, in queue mode, with one encryption key: what main,
 * the workers and every CLI command of the test run with. Credentials imported through the CLI land
 * in Postgres encrypted with that key, so every worker can read them.
 */
export class QueueN8n extends N8n {
	readonly encryptionKey = randomBytes(24).toString('hex');

	constructor(
		runtime: Runtime,
		userFolder: string,
		private readonly services: Services,
		private readonly mode: 'queue' | 'regular' = 'queue',
	) {
		super(runtime, userFolder);
	}

	override async env(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
		const { postgres, redis } = this.services;
		return await super.env({
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: this.mode,
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_LOG_LEVEL: 'info',
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
			// The leader looks for executions whose worker died every 180 minutes by default; every minute here.
			N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
			...extra,
		});
	}

	/** The same database and key, run in regular mode: the reference the queue outputs are compared with. */
	regular(): QueueN8n {
		const twin = new QueueN8n(this.runtime, this.userFolder, this.services, 'regular');
		Object.assign(twin, { encryptionKey: this.encryptionKey });
		return twin;
	}

	/** `n8n worker`, with its health server on a free port so readiness can be asked. */
	async startWorker(name: string): Promise<N8nWorker> {
		const port = await freePort();
		const logFile = join(this.userFolder, `${name}.log`);
		const env = await this.env({ QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' });
		const log = openSync(logFile, 'a');
		const child = spawn(this.runtime.node, [this.runtime.n8nBin, 'worker', '--concurrency=10'], { env, detached: true, stdio: ['ignore', log, log] });
		closeSync(log);
		const worker = new N8nWorker(name, child, `http://127.0.0.1:${port}`, logFile);
		return worker;
	}
}

/** A running `n8n worker`: its log tells which executions it ran. */
export class N8nWorker extends N8nServer {
	/** A worker's health server has no REST routes: readiness alone says it takes jobs. */
	protected override readonly readyPaths = ['/healthz/readiness'];

	constructor(
		readonly name: string,
		readonly process: ChildProcess,
		url: string,
		logFile: string,
	) {
		super(process, url, logFile);
	}

	/** Executions this worker started, from its log ("Worker started execution 12 (job 3)"). */
	startedExecutions(): string[] {
		let text = '';
		try {
			text = readFileSync(this.logFile, 'utf8');
		} catch {
			return [];
		}
		return [...text.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
	}

	/** SIGKILL to the worker and its task runner: a machine that loses power, an OOM kill. */
	killHard(): void {
		if (this.process.pid === undefined) return;
		try {
			process.kill(-this.process.pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
}

/** Main in queue mode: takes the webhooks and the schedules, and queues the executions for the workers. */
export async function startMain(n8n: QueueN8n): Promise<N8nServer> {
	return await n8n.start(await freePort());
}
