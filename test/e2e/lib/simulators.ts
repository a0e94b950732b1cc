import { fork, type ChildProcess } from 'child_process';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import type { SimulatorStats } from '../vendors';
import type { ChildMessage, LoggedRequest, ParentMessage, SimulatorsOptions } from './simulator-messages';

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
		const answer = await this.ask((id) => ({ type: 'stats', id }), 'stats');
		return answer.stats;
	}

	/** What one vendor's simulator received after the request numbered `afterSeq` (0: all of it). */
	async requests(vendor: string, afterSeq = 0): Promise<LoggedRequest[]> {
		const answer = await this.ask((id) => ({ type: 'requests', id, vendor, afterSeq }), 'requests');
		return answer.requests;
	}

	private async ask<T extends ChildMessage['type']>(message: (id: number) => ParentMessage, type: T): Promise<Extract<ChildMessage, { type: T }>> {
		const id = this.nextId++;
		return await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`The simulators did not answer a ${type} request within 10 s`)), 10_000);
			const onMessage = (answer: ChildMessage) => {
				if (answer.type !== type || !('id' in answer) || answer.id !== id) return;
				clearTimeout(timer);
				this.child.off('message', onMessage);
				resolve(answer as Extract<ChildMessage, { type: T }>);
			};
			this.child.on('message', onMessage);
			this.send(message(id));
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
