/**
 * The simulators for `npm run test:queue`, in a process of their own (as test/e2e's): the demo
 * simulators seeded as the examples expect, plus the jobs the load test updates, with each vendor's
 * published rate limit on. Answers `stats` with what a report needs (writes per record, logins,
 * 429s) and `reset` by starting a vendor's simulator afresh on the same port, so a run in queue mode
 * and one in regular mode start from the same state.
 */
import { CONTACT, JOB_TYPE, type BigChangeSimulator } from '../simulators/bigchange';
import type { OlConnectSimulator } from '../simulators/olconnect';
import type { RightslineSimulator } from '../simulators/rightsline';
import type { VbaSimulator } from '../simulators/vba';
import { startBigChangeDemoSimulator } from '../../scripts/demo/simulators/bigchange';
import { startOlConnectDemoSimulator } from '../../scripts/demo/simulators/olconnect';
import { startRightslineDemoSimulator } from '../../scripts/demo/simulators/rightsline';
import { startVbaDemoSimulator } from '../../scripts/demo/simulators/vba';
import type { DemoSimulator } from '../../scripts/demo/types';
import { runSimulatorsChild } from '../simulators/base/ipc-child';
import { LOAD, type QueueChildMessage, type QueueParentMessage, type VendorStats } from './lib/sim-messages';

type Running = DemoSimulator<VbaSimulator | BigChangeSimulator | OlConnectSimulator | RightslineSimulator> & { logins: () => number };

const running = new Map<string, Running>();
const ports = new Map<string, number>();

/** Each vendor's simulator, its load-test records seeded and its documented limit on. */
const starters: Record<string, (port?: number) => Promise<Running>> = {
	vba: async (port) => {
		const demo = await startVbaDemoSimulator(port);
		demo.sim.setRateLimit(true);
		return { ...demo, logins: () => demo.sim.loginCount };
	},
	bigchange: async (port) => {
		const demo = await startBigChangeDemoSimulator(port);
		for (let id = LOAD.bigchangeFirstJob; id < LOAD.bigchangeFirstJob + LOAD.calls * LOAD.bigchangePerCall; id++) {
			demo.sim.seedJob({ id, typeId: JOB_TYPE.repair, contactId: CONTACT.acme, description: 'Queue test job' });
		}
		// BigChange publishes no limit: the pace the example's Requests per Second chooses (10/s).
		demo.sim.setRateLimit({ ratePerSecond: LOAD.bigchangeRate, burst: LOAD.bigchangeRate });
		return { ...demo, logins: () => demo.server.log.filter((req) => req.method === 'POST' && req.path.endsWith('/auth/tokens')).length };
	},
	olconnect: async (port) => {
		const demo = await startOlConnectDemoSimulator(port);
		for (let id = LOAD.olconnectFirstJob; id < LOAD.olconnectFirstJob + LOAD.calls * LOAD.olconnectPerCall; id++) {
			demo.sim.addJob({ id, properties: [{ name: 'status', value: 'printed' }] });
		}
		return { ...demo, logins: () => demo.sim.loginCount };
	},
	rightsline: async (port) => {
		const demo = await startRightslineDemoSimulator(port);
		return { ...demo, logins: () => demo.server.log.filter((req) => req.method === 'POST' && req.path.includes('temporary-credentials')).length };
	},
};

const ok = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/** The record keys each accepted write request carried: what "written once" is counted on. */
function writtenKeys(vendor: string, sim: Running): string[] {
	const keys: string[] = [];
	for (const req of sim.server.log) {
		if (!ok(req.status)) continue;
		if (vendor === 'vba' && req.method === 'PUT' && Array.isArray(req.body)) {
			for (const record of req.body as Array<{ job_ID?: unknown }>) keys.push(String(record.job_ID));
		} else if (vendor === 'bigchange' && req.method === 'PATCH') {
			keys.push(req.path.split('/').pop() ?? '');
		} else if (vendor === 'olconnect' && req.method === 'PUT' && Array.isArray(req.body)) {
			for (const entry of req.body as Array<{ id?: unknown }>) keys.push(String(entry.id));
		} else if (vendor === 'rightsline' && req.method === 'POST' && req.path === '/v4/batch') {
			// `records` is an object of arrays keyed by char type ID.
			const body = req.body as { records?: Record<string, Array<{ title?: unknown }>> } | undefined;
			for (const list of Object.values(body?.records ?? {})) for (const record of list) keys.push(String(record.title));
		}
	}
	return keys;
}

function statsOf(vendor: string, sim: Running): VendorStats {
	const byMethod: Record<string, number> = {};
	for (const request of sim.server.log) byMethod[request.method] = (byMethod[request.method] ?? 0) + 1;
	const { requests, byStatus } = sim.server.stats();
	const times = sim.server.log.map((req) => req.time);
	return {
		requests,
		byMethod,
		byStatus: Object.fromEntries(Object.entries(byStatus)),
		logins: sim.logins(),
		writes: writtenKeys(vendor, sim),
		firstAt: times.length ? Math.min(...times) : 0,
		lastAt: times.length ? Math.max(...times) : 0,
	};
}

async function start(vendor: string): Promise<Running> {
	const starter = starters[vendor] as ((port?: number) => Promise<Running>) | undefined;
	if (!starter) throw new Error(`No simulator for "${vendor}" (there are: ${Object.keys(starters).join(', ')})`);
	const sim = await starter(ports.get(vendor));
	ports.set(vendor, Number(new URL(sim.server.baseUrl).port));
	running.set(vendor, sim);
	return sim;
}

runSimulatorsChild<QueueParentMessage, QueueChildMessage>({
	running,
	start: async () => {
		for (const vendor of Object.keys(starters)) await start(vendor);
	},
	answer: (message, send) => {
		if (message.type === 'stats') {
			send({ type: 'stats', id: message.id, stats: Object.fromEntries([...running].map(([name, sim]) => [name, statsOf(name, sim)])) });
		} else if (message.type === 'reset') {
			void (async () => {
				await running.get(message.vendor)?.stop();
				await start(message.vendor);
				send({ type: 'reset', id: message.id });
			})();
		}
	},
});
