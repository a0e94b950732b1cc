import type { IDataObject } from 'n8n-workflow';

/** What every simulators' child process tells its parent besides its own answers. */
export type LifecycleMessage = { type: 'ready'; credentials: Record<string, IDataObject> } | { type: 'failed'; message: string };

export interface ChildSimulator {
	/** The credential's data as a user would type it in, pointed at this simulator. */
	credentialData: IDataObject;
	stop(): Promise<void>;
}

/**
 * The loop of a simulators' own process (test/e2e's and test/queue's, started with `fork` so the
 * simulators keep answering while the parent waits on n8n): runs `start` (which fills `running`),
 * sends `ready` with each simulator's credential, hands every message but `stop` to `answer`, and
 * stops the simulators and exits on `stop`, when the parent goes away, or (after `failed`) when
 * `start` throws.
 */
export function runSimulatorsChild<Parent extends { type: string }, Child extends { type: string }>(options: {
	running: Map<string, ChildSimulator>;
	start: () => Promise<void>;
	answer: (message: Parent, send: (message: Child) => void) => void;
}): void {
	const { running } = options;
	const send = (message: Child | LifecycleMessage): void => {
		process.send?.(message);
	};
	const stopAll = async (): Promise<void> => {
		await Promise.allSettled([...running.values()].map(async (sim) => await sim.stop()));
		running.clear();
	};
	const main = async (): Promise<void> => {
		await options.start();
		process.on('message', (message: Parent) => {
			if (message.type === 'stop') void stopAll().then(() => process.exit(0));
			else options.answer(message, send);
		});
		process.on('disconnect', () => void stopAll().then(() => process.exit(0)));
		send({ type: 'ready', credentials: Object.fromEntries([...running].map(([name, sim]) => [name, sim.credentialData])) });
	};
	main().catch((error: unknown) => {
		send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
		void stopAll().then(() => process.exit(1));
	});
}
