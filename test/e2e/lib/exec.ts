import { spawn } from 'child_process';

/**
 * The environment for an npm command of this suite's own. `npm run` and `npx` export their settings as
 * npm_* variables (the project's ignore-scripts=true and local prefix among them), which would
 * silently skip `node`'s install script or aim an install at the project; only the cache and the
 * registry carry over.
 */
export function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const keep = new Set(['npm_config_cache', 'npm_config_registry']);
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_') || keep.has(name.toLowerCase())));
	return { ...env, ...extra };
}

export interface ExecResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface ExecOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	timeoutMs?: number;
}

/** Runs a command to its end and keeps what it printed; a non-zero exit is the caller's to judge. */
export async function exec(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		const timer = options.timeoutMs
			? setTimeout(() => {
					child.kill('SIGKILL');
					reject(new Error(`${command} ${args.join(' ')} took longer than ${options.timeoutMs} ms`));
				}, options.timeoutMs)
			: undefined;
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
		});
	});
}

/** As `exec`, but a non-zero exit throws with the end of what the command printed. */
export async function execOk(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
	const result = await exec(command, args, options);
	if (result.code !== 0) {
		const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-25).join('\n');
		throw new Error(`${command} ${args.join(' ')} exited with ${String(result.code)}:\n${tail}`);
	}
	return result;
}
