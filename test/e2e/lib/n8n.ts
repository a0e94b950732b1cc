import { spawn, type ChildProcess } from 'child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject, IRun } from 'n8n-workflow';

import { exec, execOk, npmEnv, type ExecResult } from './exec';
import { N8N_VERSION } from './paths';
import { freePort } from './ports';
import type { Runtime } from './prepare';

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	/** Plain data: `import:credentials` encrypts it with the instance's key. */
	data: IDataObject;
}

export interface WorkflowImport {
	id: string;
	name: string;
	[key: string]: unknown;
}

/** The owner account a dev or browser instance is set up with. */
export const OWNER = Object.freeze({
	email: 'demo@example.com',
	password: 'BatchJobs-demo-1',
	firstName: 'Demo',
	lastName: 'Owner',
});

/** One n8n instance: a user folder (its SQLite database, its key, its community packages) and the CLI. */
export class N8n {
	constructor(
		readonly runtime: Runtime,
		readonly userFolder: string,
	) {}

	/**
	 * Everything that would reach outside this machine is off: telemetry, version checks, templates,
	 * banners, the list of verified community nodes, the MCP registry. The task runner broker gets its own free port,
	 * so several instances (or another developer's) can run side by side.
	 */
	async env(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
		return {
			...npmEnv(),
			PATH: this.runtime.path,
			N8N_USER_FOLDER: this.userFolder,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			// This package is not in n8n's verified list; say so rather than rely on a default that will change.
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			// The MCP server registry refreshes itself from api.n8n.io at start; n8n 1.x has no such module and
			// refuses to start when told to disable one it does not know.
			...(N8N_VERSION.startsWith('1.') ? {} : { N8N_DISABLED_MODULES: 'mcp-registry' }),
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_PYTHON_ENABLED: 'false',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			GENERIC_TIMEZONE: 'UTC',
			...extra,
		};
	}

	async cli(args: string[], timeoutMs = 5 * 60_000): Promise<ExecResult> {
		return await exec(this.runtime.node, [this.runtime.n8nBin, ...args], { env: await this.env(), timeoutMs });
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = join(this.userFolder, 'e2e-credentials.json');
		writeFileSync(file, JSON.stringify(credentials, null, 2));
		await execOk(this.runtime.node, [this.runtime.n8nBin, 'import:credentials', `--input=${file}`], { env: await this.env(), timeoutMs: 5 * 60_000 });
	}

	/** One CLI start for all of them: `--separate` imports every file of a folder. */
	async importWorkflows(workflows: WorkflowImport[]): Promise<void> {
		const folder = join(this.userFolder, 'e2e-workflows');
		mkdirSync(folder, { recursive: true });
		for (const workflow of workflows) writeFileSync(join(folder, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
		await execOk(this.runtime.node, [this.runtime.n8nBin, 'import:workflow', '--separate', `--input=${folder}`], { env: await this.env(), timeoutMs: 5 * 60_000 });
	}

	/** `n8n execute --id --rawOutput`: the run's JSON, or the reason there is none. */
	async execute(id: string, timeoutMs = 5 * 60_000): Promise<{ run?: IRun; output: ExecResult }> {
		const output = await this.cli(['execute', `--id=${id}`, '--rawOutput'], timeoutMs);
		return { run: parseRun(output.stdout), output };
	}

	async start(port: number): Promise<N8nServer> {
		const logFile = join(this.userFolder, 'n8n-start.log');
		const url = `http://127.0.0.1:${port}`;
		const env = await this.env({
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: url,
			N8N_WEBHOOK_URL: `${url}/`,
			// The login cookie travels over plain http on loopback.
			N8N_SECURE_COOKIE: 'false',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		});
		// Straight into the file rather than through a pipe, so n8n never blocks on a parent that stopped
		// reading; in its own process group, so the task runner it starts ends with it.
		const log = openSync(logFile, 'a');
		const child = spawn(this.runtime.node, [this.runtime.n8nBin, 'start'], { env, detached: true, stdio: ['ignore', log, log] });
		closeSync(log);
		const server = new N8nServer(child, url, logFile);
		await server.waitReady();
		return server;
	}
}

/** `execute` prints log lines first; the run is the JSON object that fills the rest of stdout. */
export function parseRun(stdout: string): IRun | undefined {
	for (let at = stdout.indexOf('{'); at !== -1; at = stdout.indexOf('\n{', at + 1)) {
		const start = stdout[at] === '{' ? at : at + 1;
		try {
			const value = JSON.parse(stdout.slice(start)) as IRun;
			if (value && typeof value === 'object' && 'data' in value) return value;
		} catch {
			// Not yet the run: a log line that happens to start with a brace.
		}
	}
	return undefined;
}

/** A running `n8n start`. */
export class N8nServer {
	private readonly killOnExit = () => this.kill('SIGKILL');
	/** What must answer 200 before the server counts as ready (see waitReady). */
	protected readonly readyPaths: readonly string[] = ['/healthz/readiness', '/rest/settings'];

	constructor(
		private readonly child: ChildProcess,
		readonly url: string,
		readonly logFile: string,
	) {
		// However this process ends, the n8n it started does not outlive it.
		process.once('exit', this.killOnExit);
	}

	/** Signals n8n's whole process group: n8n and the task runner it started. */
	private kill(signal: NodeJS.Signals): void {
		if (this.child.pid === undefined) return;
		try {
			process.kill(-this.child.pid, signal);
		} catch {
			// Already gone.
		}
	}

	/**
	 * /healthz/readiness answers 200 once the database is migrated (n8n 2.x: and the nodes are loaded); n8n
	 * 1.x answers it before its REST routes exist, so /rest/settings (open without a login) must answer too.
	 */
	async waitReady(timeoutMs = 180_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null) throw new Error(`n8n start exited with ${this.child.exitCode}; see ${this.logFile}:\n${this.logTail()}`);
			const answers = async (path: string) => await fetch(`${this.url}${path}`).then((res) => res.ok, () => false);
			let ready = true;
			for (const path of this.readyPaths) ready &&= await answers(path);
			if (ready) return;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n was not ready within ${timeoutMs / 1000} s; see ${this.logFile}:\n${this.logTail()}`);
	}

	logTail(lines = 30): string {
		try {
			return readFileSync(this.logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
		} catch {
			return '';
		}
	}

	/** Sets up the owner account over REST, as the first visitor's setup form does; a no-op if already set up. */
	async setupOwner(): Promise<void> {
		const res = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (res.ok) return;
		const text = await res.text();
		if (res.status === 400 && /already/i.test(text)) return;
		throw new Error(`POST /rest/owner/setup answered ${res.status}: ${text.slice(0, 300)}`);
	}

	async stop(): Promise<void> {
		process.off('exit', this.killOnExit);
		if (this.child.pid === undefined || this.child.exitCode !== null || this.child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.kill('SIGTERM');
		const timer = setTimeout(() => this.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(timer);
		// The task runner shares the group and may outlive its parent by a moment.
		this.kill('SIGKILL');
	}
}
