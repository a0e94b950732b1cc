/**
 * A TCP proxy on 127.0.0.1 that makes loopback behave like a network with a round trip of `rttMs`:
 * every chunk reaches the other side half a round trip after it was sent, in order, and a new
 * connection's first bytes reach the server one round trip later still, as if the TCP handshake
 * had run first (docs/n8n-request-path.md: "half the round trip each way, one extra round trip
 * before a new connection's first bytes"). TLS passes through untouched, so the client checks the
 * server's own certificate. Bandwidth is not modelled.
 *
 * Run as a script (`tsx delay-proxy.ts '{"target":"https://127.0.0.1:1234","rttMs":80}'`) it prints
 * `READY <port>`, and `STATS-<n> {json}` on the n-th SIGUSR2 (connections so far; the most open at
 * once since the last report, which with n8n's one connection per request is its requests in flight).
 */
import * as net from 'node:net';

export interface ProxyStats {
	connections: number;
	open: number;
	peakOpen: number;
}

type Item = Buffer | 'end' | 'destroy';

/** One direction of one connection: chunks held back until their time, then written in order. */
class DelayedPipe {
	private readonly queue: Array<{ at: number; item: Item }> = [];
	private timer: NodeJS.Timeout | undefined;
	private lastAt = 0;

	constructor(
		private readonly to: net.Socket,
		private readonly delayMs: number,
		private notBefore: number,
	) {}

	push(item: Item): void {
		const at = Math.max(performance.now() + this.delayMs, this.notBefore, this.lastAt);
		this.lastAt = at;
		this.queue.push({ at, item });
		if (this.timer === undefined) this.schedule();
	}

	private schedule(): void {
		const head = this.queue[0];
		if (head === undefined) return;
		this.timer = setTimeout(() => this.flush(), Math.max(0, head.at - performance.now()));
	}

	private flush(): void {
		this.timer = undefined;
		const now = performance.now();
		while (this.queue.length && this.queue[0].at <= now + 0.5) {
			const { item } = this.queue.shift()!;
			if (this.to.destroyed) continue;
			if (item === 'end') this.to.end();
			else if (item === 'destroy') this.to.destroy();
			else this.to.write(item);
		}
		this.schedule();
	}
}

export class DelayProxy {
	private server: net.Server | undefined;
	private readonly sockets = new Set<net.Socket>();
	private counters: ProxyStats = { connections: 0, open: 0, peakOpen: 0 };

	constructor(
		private readonly target: { host: string; port: number },
		private readonly rttMs: number,
	) {}

	async start(): Promise<number> {
		const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (client) => this.accept(client));
		this.server = server;
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return (server.address() as net.AddressInfo).port;
	}

	/** Counters; the peak restarts from the connections open now. */
	stats(): ProxyStats {
		const snapshot = { ...this.counters };
		this.counters.peakOpen = this.counters.open;
		return snapshot;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private accept(client: net.Socket): void {
		this.counters.connections++;
		this.counters.open++;
		this.counters.peakOpen = Math.max(this.counters.peakOpen, this.counters.open);
		const upstream = net.connect({ ...this.target, allowHalfOpen: true, noDelay: true });
		const half = this.rttMs / 2;
		// The client's first bytes wait for the handshake it did not have to make here.
		const toServer = new DelayedPipe(upstream, half, performance.now() + this.rttMs + half);
		const toClient = new DelayedPipe(client, half, 0);
		this.sockets.add(client).add(upstream);
		client.on('data', (chunk: Buffer) => toServer.push(chunk));
		upstream.on('data', (chunk: Buffer) => toClient.push(chunk));
		// A connection stops counting as open when either side starts closing it: n8n's requests say
		// "Connection: close", so the server's FIN marks the answer sent, and the lane's next request
		// may open its connection before this one's close has crossed the proxy.
		let counted = true;
		const done = (): void => {
			if (counted) this.counters.open--;
			counted = false;
		};
		client.on('end', () => {
			done();
			toServer.push('end');
		});
		upstream.on('end', () => {
			done();
			toClient.push('end');
		});
		// A close on one side reaches the other after what was already on its way.
		client.on('close', () => {
			done();
			this.sockets.delete(client);
			toServer.push('destroy');
		});
		upstream.on('close', () => {
			done();
			this.sockets.delete(upstream);
			toClient.push('destroy');
		});
		client.on('error', () => undefined);
		upstream.on('error', () => undefined);
	}
}

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2]) as { target: string; rttMs: number };
	const target = new URL(options.target);
	const proxy = new DelayProxy({ host: target.hostname, port: Number(target.port) }, options.rttMs);
	const port = await proxy.start();
	let reports = 0;
	process.on('SIGUSR2', () => console.log(`STATS-${++reports} ${JSON.stringify(proxy.stats())}`));
	process.on('SIGTERM', () => {
		void proxy.stop().then(() => process.exit(0));
	});
	console.log(`READY ${port}`);
}

if (require.main === module) void main();
