import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { connect } from 'net';
import { join } from 'path';

import { exec, execOk } from '../../e2e/lib/exec';
import { freePort } from '../../e2e/lib/ports';

/** Postgres and Redis on 127.0.0.1 for queue mode: what n8n main and its workers share. */
export interface Services {
	/** Postgres's bin folder, for psql. */
	postgresBin: string;
	postgres: { host: string; port: number; user: string; database: string };
	redis: { host: string; port: number };
	stop(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/**
 * Debian's `postgresql` and `redis-server`, installed when missing: as root directly, else through
 * passwordless sudo; a user without either is told what to install.
 */
export async function ensureInstalled(log: (line: string) => void): Promise<void> {
	const missing = [...(postgresBin() ? [] : ['postgresql']), ...(onPath('redis-server') ? [] : ['redis-server'])];
	if (!missing.length) return;
	const sudo = isRoot ? [] : spawnSync('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : undefined;
	if (!sudo) throw new Error(`${missing.join(' and ')} missing; install with: sudo apt-get install -y ${missing.join(' ')}`);
	log(`installing ${missing.join(', ')} with apt-get`);
	const run = async (args: string[]) => {
		const [command, ...rest] = [...sudo, ...args];
		await execOk(command, rest, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 15 * 60_000 });
	};
	await run(['apt-get', 'update', '-qq']);
	await run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
	if (!postgresBin() || !onPath('redis-server')) throw new Error(`apt-get installed ${missing.join(', ')} but they are still not found`);
}

/** A long-running server in its own process group, so a stop reaches whatever it forked. */
class Daemon {
	private readonly killOnExit = () => this.signal('SIGKILL');

	constructor(
		readonly name: string,
		private readonly child: ChildProcess,
	) {
		process.once('exit', this.killOnExit);
	}

	static start(name: string, command: string, args: string[], logFile: string): Daemon {
		const child = spawn('sh', ['-c', `exec "$0" "$@" >>'${logFile}' 2>&1`, command, ...args], { detached: true, stdio: 'ignore' });
		return new Daemon(name, child);
	}

	get exited(): boolean {
		return this.child.exitCode !== null || this.child.signalCode !== null;
	}

	signal(signal: NodeJS.Signals): void {
		if (this.child.pid === undefined) return;
		try {
			process.kill(-this.child.pid, signal);
		} catch {
			// Already gone.
		}
	}

	async stop(gentle: NodeJS.Signals): Promise<void> {
		process.off('exit', this.killOnExit);
		if (this.exited) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.signal(gentle);
		const timer = setTimeout(() => this.signal('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
		this.signal('SIGKILL');
	}
}

async function until(what: string, daemon: Daemon, logFile: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (daemon.exited) throw new Error(`${what} exited while starting; see ${logFile}`);
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`${what} was not ready within ${timeoutMs / 1000} s; see ${logFile}`);
}

/** Redis answers PING with +PONG. */
async function redisPong(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

/**
 * Postgres refuses to run as root: as root the cluster belongs to the `postgres` account the
 * Debian package creates, otherwise to this user. Trust authentication on 127.0.0.1 only, and no
 * fsync: the cluster is thrown away at the end.
 */
async function startPostgres(folder: string): Promise<{ daemon: Daemon; port: number }> {
	const bin = postgresBin();
	if (!bin) throw new Error('postgres not found under /usr/lib/postgresql');
	const data = join(folder, 'pgdata');
	const sockets = join(folder, 'pgsock');
	mkdirSync(data, { recursive: true });
	mkdirSync(sockets, { recursive: true });
	const asUser = isRoot ? ['runuser', '-u', 'postgres', '--'] : [];
	if (isRoot) {
		const { uid, gid } = (() => {
			const out = spawnSync('id', ['postgres']).stdout.toString();
			return { uid: Number(/uid=(\d+)/.exec(out)?.[1]), gid: Number(/gid=(\d+)/.exec(out)?.[1]) };
		})();
		for (const path of [folder, data, sockets]) chownSync(path, uid, gid);
	}
	const [first, ...rest] = [...asUser, join(bin, 'initdb'), '-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync'];
	await execOk(first, rest, { timeoutMs: 120_000 });
	const port = await freePort();
	const logFile = join(folder, 'postgres.log');
	const args = ['-D', data, '-p', String(port), '-k', sockets, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
	const daemon = isRoot
		? Daemon.start('postgres', 'runuser', ['-u', 'postgres', '--', join(bin, 'postgres'), ...args], logFile)
		: Daemon.start('postgres', join(bin, 'postgres'), args, logFile);
	await until('postgres', daemon, logFile, async () => (await exec(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)])).code === 0);
	await execOk(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	return { daemon, port };
}

async function startRedis(folder: string): Promise<{ daemon: Daemon; port: number }> {
	const port = await freePort();
	const logFile = join(folder, 'redis.log');
	const daemon = Daemon.start('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder], logFile);
	await until('redis', daemon, logFile, async () => await redisPong(port));
	return { daemon, port };
}

/** Both services up in `folder` (logs there too); `stop()` ends them, and so does this process's exit. */
export async function startServices(folder: string, log: (line: string) => void): Promise<Services> {
	await ensureInstalled(log);
	mkdirSync(folder, { recursive: true });
	const redisFolder = join(folder, 'redis');
	mkdirSync(redisFolder, { recursive: true });
	const redis = await startRedis(redisFolder);
	let postgres: { daemon: Daemon; port: number };
	// A temporary folder of its own: the `postgres` account cannot pass through root's private ones.
	const postgresFolder = mkdtempSync(join(tmpdir(), 'n8n-queue-postgres-'));
	try {
		postgres = await startPostgres(postgresFolder);
	} catch (error) {
		await redis.daemon.stop('SIGTERM');
		rmSync(postgresFolder, { recursive: true, force: true });
		throw error;
	}
	return {
		postgresBin: postgresBin() ?? '',
		postgres: { host: '127.0.0.1', port: postgres.port, user: 'n8n', database: 'n8n' },
		redis: { host: '127.0.0.1', port: redis.port },
		// SIGINT is Postgres's fast shutdown: no waiting for clients to leave.
		stop: async () => {
			await Promise.all([postgres.daemon.stop('SIGINT'), redis.daemon.stop('SIGTERM')]);
			rmSync(postgresFolder, { recursive: true, force: true });
		},
	};
}
