/**
 * The simulators' own process: the suite, the browser test and `npm run dev` start it with `fork`, so
 * the simulators keep answering while the parent waits on n8n. Argument: JSON `{ vendors, fixedPorts }`.
 * Talks over IPC: sends `ready` once every simulator listens, answers `stats` and `requests` (a vendor's log), ends on `stop` or when
 * the parent goes away.
 */
import { vendorNamed, type RunningSimulator, type SimulatorStats } from './vendors';
import { runSimulatorsChild } from '../simulators/base/ipc-child';
import type { ChildMessage, ParentMessage, SimulatorsOptions } from './lib/simulator-messages';

const running = new Map<string, RunningSimulator>();

function statsOf(sim: RunningSimulator): SimulatorStats {
	const byMethod: Record<string, number> = {};
	for (const request of sim.server.log) byMethod[request.method] = (byMethod[request.method] ?? 0) + 1;
	const { requests, byStatus } = sim.server.stats();
	return { requests, byMethod, byStatus: Object.fromEntries(Object.entries(byStatus).map(([status, count]) => [status, count])) };
}

const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorsOptions;

runSimulatorsChild<ParentMessage, ChildMessage>({
	running,
	start: async () => {
		for (const name of options.vendors) {
			const vendor = vendorNamed(name);
			if (!vendor) throw new Error(`No e2e vendor module for "${name}" (test/e2e/vendors)`);
			running.set(name, await vendor.startSimulator(options.fixedPorts ? vendor.devPort : undefined));
		}
	},
	answer: (message, send) => {
		if (message.type === 'stats') {
			send({ type: 'stats', id: message.id, stats: Object.fromEntries([...running].map(([name, sim]) => [name, statsOf(sim)])) });
		} else if (message.type === 'requests') {
			const log = running.get(message.vendor)?.server.log ?? [];
			const requests = log.filter((request) => request.seq > message.afterSeq).map(({ seq, method, path, query, body }) => ({ seq, method, path, query, body }));
			send({ type: 'requests', id: message.id, requests });
		}
	},
});
