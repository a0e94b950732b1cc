import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { performance } from 'perf_hooks';

export interface Arrival {
	/** performance.now() when the request line and body had arrived. */
	at: number;
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, arrival: Arrival) => void;

/**
 * A loopback HTTP server that records when each request arrived. Tests measure timing from the
 * server's side, because that is what a vendor's rate limiter sees.
 */
export class LocalServer {
	private constructor(
		private readonly server: Server,
		readonly url: string,
		readonly arrivals: Arrival[],
	) {}

	static async start(handler: Handler): Promise<LocalServer> {
		const arrivals: Arrival[] = [];
		const server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const arrival: Arrival = {
					at: performance.now(),
					method: req.method ?? 'GET',
					path: req.url ?? '/',
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				};
				arrivals.push(arrival);
				handler(req, res, arrival);
			});
		});
		// Hanging handlers would otherwise keep close() waiting for keep-alive sockets.
		server.keepAliveTimeout = 100;
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		return new LocalServer(server, `http://127.0.0.1:${port}`, arrivals);
	}

	arrivalsAt(path: string): Arrival[] {
		return this.arrivals.filter((arrival) => arrival.path === path);
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

/** Sends a JSON or text answer with the given status and headers. */
export function answer(
	res: ServerResponse,
	status: number,
	body: unknown = '',
	headers: Record<string, string> = {},
): void {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const contentType = typeof body === 'string' ? 'text/plain' : 'application/json';
	res.writeHead(status, { 'content-type': contentType, ...headers });
	res.end(text);
}
