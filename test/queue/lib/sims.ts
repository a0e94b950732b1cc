import { fork, type ChildProcess } from 'child_process';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import type { QueueChildMessage, QueueParentMessage, VendorStats } from './sim-messages';

const CHILD = join(__dirname, '..', 'simulators-process.ts');

/** The queue test's simulators (test/queue/simulators-process.ts), in their own process. */
export class QueueSimulators {
	private nextId = 1;

	private constructor(
		private readonly child: ChildProcess,
		readonly credentials: Record<string, IDataObject>,
	) {}

	static async start(): Promise<QueueSimulators> {
		const child = fork(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const credentials = await new Promise<Record<string, IDataObject>>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('The simulators did not start within 60 s')), 60_000);
			child.on('message', (message: QueueChildMessage) => {
				if (message.type === 'ready') resolve(message.credentials);
				else if (message.type === 'failed') reject(new Error(`The simulators failed to start: ${message.message}`));
				else return;
				clearTimeout(timer);
			});
			child.on('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`The simulators' process ended (exit code ${String(code)}) before it was ready`));
			});
		});
		return new QueueSimulators(child, credentials);
	}

	async stats(): Promise<Record<string, VendorStats>> {
		const reply = await this.ask({ type: 'stats', id: this.nextId++ });
		return reply.type === 'stats' ? reply.stats : {};
	}

	/** The vendor's simulator started afresh on the same port: seeded, counters at zero. */
	async reset(vendor: string): Promise<void> {
		await this.ask({ type: 'reset', id: this.nextId++, vendor });
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.child.send({ type: 'stop' } satisfies QueueParentMessage);
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	}

	private async ask(message: Extract<QueueParentMessage, { id: number }>): Promise<QueueChildMessage> {
		return await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`The simulators did not answer ${message.type} within 30 s`)), 30_000);
			const onMessage = (reply: QueueChildMessage) => {
				if (!('id' in reply) || reply.id !== message.id) return;
				clearTimeout(timer);
				this.child.off('message', onMessage);
				resolve(reply);
			};
			this.child.on('message', onMessage);
			if (!this.child.connected) {
				clearTimeout(timer);
				reject(new Error('The simulators process has ended'));
				return;
			}
			this.child.send(message);
		});
	}
}
