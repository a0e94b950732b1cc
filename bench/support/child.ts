import { spawn, type ChildProcess } from 'child_process';

/**
 * A helper process running a TypeScript module (via tsx): simulators and raw baselines run apart
 * from the node under test so their CPU and memory are not counted against it.
 */
export interface ChildHandle {
	process: ChildProcess;
	/** The next stdout line, not yet taken, that starts with `prefix`, without the prefix. */
	line(prefix: string): Promise<string>;
	stop(): Promise<void>;
}

/** `env` is added to this process's environment (e.g. NODE_EXTRA_CA_CERTS, read only at start). */
export function startChild(modulePath: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): ChildHandle {
	const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', modulePath, ...args], {
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, N8N_LOG_LEVEL: 'silent', ...env },
	});
	const seen: string[] = [];
	const waiters: Array<{ prefix: string; resolve: (value: string) => void; reject: (error: Error) => void }> = [];
	let partial = '';
	child.stdout?.on('data', (chunk: Buffer) => {
		const parts = (partial + chunk.toString()).split('\n');
		partial = parts.pop() ?? '';
		for (const line of parts) {
			const waiter = waiters.find((w) => line.startsWith(w.prefix));
			if (waiter === undefined) {
				seen.push(line);
				continue;
			}
			waiters.splice(waiters.indexOf(waiter), 1);
			waiter.resolve(line.slice(waiter.prefix.length));
		}
	});
	let exitCode: number | null | undefined;
	const exited = new Promise<void>((resolve) =>
		child.on('exit', (code) => {
			exitCode = code;
			for (const waiter of waiters.splice(0)) waiter.reject(new Error(`${modulePath} exited (${code}) before printing "${waiter.prefix}"`));
			resolve();
		}),
	);
	return {
		process: child,
		line: async (prefix) =>
			await new Promise<string>((resolve, reject) => {
				const found = seen.findIndex((line) => line.startsWith(prefix));
				if (found !== -1) return resolve(seen.splice(found, 1)[0].slice(prefix.length));
				if (exitCode !== undefined) return reject(new Error(`${modulePath} exited (${exitCode}) before printing "${prefix}"`));
				waiters.push({ prefix, resolve, reject });
			}),
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}

/** Runs a module to completion and parses the JSON it prints after `RESULT `. */
export async function runChildForResult<T>(modulePath: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<T> {
	const child = startChild(modulePath, args, env);
	try {
		return JSON.parse(await child.line('RESULT ')) as T;
	} finally {
		await child.stop();
	}
}
