import type { ServerResponse } from 'http';

import { answer, LocalServer } from './local-server';

/** One scripted answer: a status (with optional body and headers), a hang, or a dropped socket. */
export type Reply =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| 'hang'
	| 'reset';

/**
 * A LocalServer that answers each path from a queue of scripted replies, then 200 `{ok:true}`
 * once the queue is empty. `script` replaces a path's queue.
 */
export class ScriptedServer {
	private constructor(
		readonly server: LocalServer,
		private readonly queues: Map<string, Reply[]>,
	) {}

	static async start(): Promise<ScriptedServer> {
		const queues = new Map<string, Reply[]>();
		const server = await LocalServer.start((req, res, arrival) => {
			const path = arrival.path.split('?')[0];
			const reply = queues.get(path)?.shift() ?? { status: 200, body: { ok: true } };
			play(reply, res, () => req.socket.destroy());
		});
		return new ScriptedServer(server, queues);
	}

	get url(): string {
		return this.server.url;
	}

	script(path: string, ...replies: Reply[]): string {
		this.queues.set(path, replies);
		return `${this.server.url}${path}`;
	}

	/** Arrival times (ms, performance.now) at `path`. */
	times(path: string): number[] {
		return this.server.arrivalsAt(path).map((arrival) => arrival.at);
	}

	count(path: string): number {
		return this.server.arrivalsAt(path).length;
	}

	async close(): Promise<void> {
		await this.server.close();
	}
}

function play(reply: Reply, res: ServerResponse, destroy: () => void): void {
	if (reply === 'hang') return;
	if (reply === 'reset') {
		destroy();
		return;
	}
	answer(res, reply.status, reply.body ?? '', reply.headers);
}

/** Gaps between consecutive times. */
export function gaps(times: number[]): number[] {
	return times.slice(1).map((time, i) => time - times[i]);
}
