import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { delimiter, dirname, join } from 'path';

import { exec, execOk, npmEnv } from './exec';
import { N8N_DIR, N8N_VERSION, NODE_DIR, NODE_MAJOR } from './paths';
import type { Timings } from './timings';

/** Node (24 for n8n 2.x) and n8n, from the cache folder: what every n8n command here runs on. */
export interface Runtime {
	/** The Node binary n8n runs on. */
	node: string;
	nodeVersion: string;
	/** n8n's CLI script, run as `node <n8nBin> <command>`. */
	n8nBin: string;
	/** PATH with that Node first, so npm and n8n's task runner use it too. */
	path: string;
}

const nodeBin = join(NODE_DIR, 'node_modules', 'node', 'bin', 'node');
// The npm package `node` ships headers beside the binary; native modules must build against them.
const nodeHeaders = join(NODE_DIR, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
const n8nPackageJson = join(N8N_DIR, 'node_modules', 'n8n', 'package.json');
// npm writes this last, so its presence tells a finished install from an interrupted one.
const installComplete = join(N8N_DIR, 'node_modules', '.package-lock.json');
const sqliteBinding = join(N8N_DIR, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');

/**
 * n8n 1.x's nodes-base takes xlsx from SheetJS's own server, outside the npm registry, so its install
 * fails here; n8n 2.x takes the same library from the registry as @e965/xlsx 0.20.3, and so does this
 * install of 1.x. None of this package's nodes uses it (n8n's Spreadsheet and Extract from File nodes do).
 */
const n8nOverrides: Record<string, string> = N8N_VERSION.startsWith('1.') ? { xlsx: 'npm:@e965/xlsx@0.20.3' } : {};

function freshFolder(folder: string, name: string, overrides: Record<string, string> = {}): void {
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, 'package.json'), JSON.stringify({ name, private: true, overrides }, null, 2));
}

async function nodeVersion(): Promise<string | undefined> {
	if (!existsSync(nodeBin)) return undefined;
	const { code, stdout } = await exec(nodeBin, ['--version']).catch(() => ({ code: 1, stdout: '' }));
	return code === 0 && stdout.startsWith(`v${NODE_MAJOR}.`) ? stdout.trim() : undefined;
}

/** Debian has only Node 18 and n8n 2.x needs 24: the npm package `node@<major>` brings it from the registry. */
async function ensureNode(timings: Timings): Promise<string> {
	const cached = await nodeVersion();
	if (cached) {
		timings.cached(`Node ${NODE_MAJOR} install`);
		return cached;
	}
	await timings.time(`Node ${NODE_MAJOR} install`, async () => {
		freshFolder(NODE_DIR, `node${NODE_MAJOR}-cache`);
		// Its install script (which links the binary for this platform) must run.
		await execOk('npm', ['install', `node@${NODE_MAJOR}`, '--no-audit', '--no-fund', '--ignore-scripts=false'], { cwd: NODE_DIR, env: npmEnv(), timeoutMs: 5 * 60_000 });
	});
	const installed = await nodeVersion();
	if (!installed) throw new Error(`npm install node@${NODE_MAJOR} did not leave a working ${nodeBin}`);
	return installed;
}

function packageVersion(file: string): string | undefined {
	try {
		return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
	} catch {
		return undefined;
	}
}

/**
 * n8n from the npm registry, with install scripts off (the Kafka node's native build fetches from
 * the internet) and then sqlite3 rebuilt from its bundled sources against that Node's headers.
 */
async function ensureN8n(timings: Timings, env: NodeJS.ProcessEnv): Promise<void> {
	if (packageVersion(n8nPackageJson) === N8N_VERSION && existsSync(installComplete)) {
		timings.cached('n8n install');
	} else {
		await timings.time('n8n install', async () => {
			freshFolder(N8N_DIR, 'n8n-cache', n8nOverrides);
			await execOk('npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: N8N_DIR, env, timeoutMs: 30 * 60_000 });
		});
	}
	const loads = async () => existsSync(sqliteBinding) && (await exec(nodeBin, ['-e', 'require("sqlite3")'], { cwd: N8N_DIR, env })).code === 0;
	if (await loads()) {
		timings.cached('sqlite3 rebuild');
		return;
	}
	await timings.time('sqlite3 rebuild', async () => {
		await execOk('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: N8N_DIR, env, timeoutMs: 20 * 60_000 });
	});
	if (!(await loads())) throw new Error(`sqlite3 was rebuilt but does not load in Node ${NODE_MAJOR}`);
}

/** Prepares (or reuses) Node and n8n in the cache folder. */
export async function prepareRuntime(timings: Timings): Promise<Runtime> {
	const version = await ensureNode(timings);
	const path = [dirname(nodeBin), process.env.PATH ?? ''].join(delimiter);
	await ensureN8n(timings, npmEnv({ PATH: path, npm_config_nodedir: nodeHeaders }));
	return { node: nodeBin, nodeVersion: version, n8nBin: join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n'), path };
}
