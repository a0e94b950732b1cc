import { fork, type ChildProcess } from 'child_process';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import type { SimulatorStats } from '../vendors';
import type { ChildMessage, ParentMessage, SimulatorsOptions } from './simulator-messages';

const CHILD = join(__dirname, '..', 'simulators-process.ts');

/** The vendor simulators, running in a child process of their own (test/e2e/simulators-process.ts). */
export class Simulators {
	private nextId = 1;

	private constructor(
		private readonly child: ChildProcess,
		/** Credential data pointed at each running simulator, by vendor. */
		readonly credentials: Record<string, IDataObject>,
	) {}

	static async start(options: SimulatorsOptions): Promise<Simulators> {
		// fork keeps this process's execArgv, so the child loads TypeScript through tsx as the parent does.
		const child = fork(CHILD, [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const credentials = await new Promise<Record<string, IDataObject>>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('The simulators did not start within 60 s')), 60_000);
			child.on('message', (message: ChildMessage) => {
				if (message.type === 'ready') {
					clearTimeout(timer);
					resolve(message.credentials);
				} else if (message.type === 'failed') {
					clearTimeout(timer);
					reject(new Error(`The simulators failed to start: ${message.message}`));
				}
			});
			child.on('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`The simulators' process ended (exit code ${String(code)}) before it was ready`));
			});
		});
		return new Simulators(child, credentials);
	}

	/** Requests each simulator has answered so far. */
	async stats(): Promise<Record<string, SimulatorStats>> {
		const id = this.nextId++;
		return await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('The simulators did not answer a stats request within 10 s')), 10_000);
			const onMessage = (message: ChildMessage) => {
				if (message.type !== 'stats' || message.id !== id) return;
				clearTimeout(timer);
				this.child.off('message', onMessage);
				resolve(message.stats);
			};
			this.child.on('message', onMessage);
			this.send({ type: 'stats', id });
		});
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.send({ type: 'stop' });
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	}

	private send(message: ParentMessage): void {
		this.child.send(message);
	}
}
