import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { systemClock } from './clock';
import { encodeResponse, proxyErrorPage, type EncodedResponse } from './encode';
import { FaultInjector } from './faults';
import { RateLimiter, type RateLimitOptions } from './rate-limiter';
import { makeRecord } from './record';
import { Router } from './router';
import { TokenStore } from './token-store';
import type { Clock, Middleware, RecordedRequest, RouteHandler, SimRequest, SimResponse } from './types';

export interface SimServerOptions {
	/** Shows up in error messages, to tell four simulators apart in one test run. */
	name?: string;
	https?: { key: string | Buffer; cert: string | Buffer };
	/** Drives the rate limiter and token expiry; defaults to the system clock. */
	clock?: Clock;
}

export interface SimStats {
	requests: number;
	byStatus: Record<number, number>;
	rateLimited: number;
}

/**
 * A loopback HTTP(S) server that vendor simulators build on. Each request is read whole, recorded,
 * then passes the rate limiter, the armed faults, the middlewares and finally its route.
 */
export class SimServer {
	readonly name: string;
	readonly faults = new FaultInjector();
	readonly tokens: TokenStore;
	/** Off for benchmarks: 100k recorded bodies would measure the simulator's memory, not the client. */
	logging = true;

	private readonly router = new Router();
	private readonly middlewares: Middleware[] = [];
	private readonly records: RecordedRequest[] = [];
	private readonly clock: Clock;
	private readonly tls: SimServerOptions['https'];
	private limiter: RateLimiter | undefined;
	private server: http.Server | https.Server | undefined;
	private url: string | undefined;
	private seq = 0;
	private counters: SimStats = { requests: 0, byStatus: {}, rateLimited: 0 };
	private readonly pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

	constructor(options: SimServerOptions = {}) {
		this.name = options.name ?? 'simulator';
		this.clock = options.clock ?? systemClock;
		this.tls = options.https;
		this.tokens = new TokenStore(this.clock);
	}

	get baseUrl(): string {
		if (this.url === undefined) throw new Error(`${this.name}: baseUrl read before start()`);
		return this.url;
	}

	get log(): RecordedRequest[] {
		return this.records;
	}

	route(method: string, pattern: string, handler: RouteHandler): this {
		this.router.add(method, pattern, handler);
		return this;
	}

	use(middleware: Middleware): this {
		this.middlewares.push(middleware);
		return this;
	}

	rateLimit(options: RateLimitOptions | null): void {
		this.limiter = options ? new RateLimiter(options, this.clock) : undefined;
	}

	/** Clears the log and the counters and restarts `seq` at 1. */
	resetLog(): void {
		this.records.length = 0;
		this.seq = 0;
		this.counters = { requests: 0, byStatus: {}, rateLimited: 0 };
	}

	stats(): SimStats {
		return { ...this.counters, byStatus: { ...this.counters.byStatus } };
	}

	async start(port = 0): Promise<string> {
		if (this.server) throw new Error(`${this.name}: already started`);
		const listener = (req: http.IncomingMessage, res: http.ServerResponse) => this.receive(req, res);
		const server = this.tls ? https.createServer({ key: this.tls.key, cert: this.tls.cert }, listener) : http.createServer(listener);
		server.keepAliveTimeout = 5_000;
		// A client that sends garbage or hangs up mid-request is the client's problem, not a crash here.
		server.on('clientError', (_error: Error, socket: Socket) => socket.destroy());
		this.server = server;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		const { port: bound } = server.address() as AddressInfo;
		this.url = `${this.tls ? 'https' : 'http'}://127.0.0.1:${bound}`;
		return this.url;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		// Delayed requests would otherwise keep timers, and so jest, alive after the test ends.
		for (const pending of this.pendingDelays) {
			clearTimeout(pending.timer);
			pending.resolve();
		}
		this.pendingDelays.clear();
		const closed = new Promise<void>((resolve) => server.close(() => resolve()));
		server.closeAllConnections();
		await closed;
	}

	private receive(req: http.IncomingMessage, res: http.ServerResponse): void {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('error', () => res.destroy());
		res.on('error', () => undefined);
		req.on('end', () => {
			const raw = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
			const record = makeRecord(++this.seq, systemClock(), req.method ?? 'GET', req.url ?? '/', req.headers, raw);
			this.counters.requests++;
			if (this.logging) this.records.push(record);
			this.process(record, res).catch((error: unknown) => {
				this.send(record, res, internalError(this.name, error), 'ok');
			});
		});
	}

	private async process(record: RecordedRequest, res: http.ServerResponse): Promise<void> {
		const retryAfter = this.limiter?.take(record);
		if (retryAfter !== undefined) {
			this.counters.rateLimited++;
			const options = this.limiter?.options;
			const headers: Record<string, string> = options?.retryAfter === false ? {} : { 'retry-after': String(retryAfter) };
			const body = options?.body ?? { message: 'Too Many Requests' };
			this.send(record, res, { status: 429, headers, body }, 'rate-limited');
			return;
		}

		const plan = this.faults.next(record);
		if (plan.delayMs > 0) await this.sleep(plan.delayMs);
		const action = plan.action;
		if (action?.kind === 'fail') {
			this.send(record, res, { status: action.status, headers: action.headers, body: action.body }, 'fault');
			return;
		}
		if (action?.kind === 'non-json') {
			this.send(record, res, proxyErrorPage(action.status), 'fault');
			return;
		}
		if (action?.kind === 'drop' && !action.afterHandling) {
			this.drop(record, res);
			return;
		}

		const response = await this.dispatch(record);
		if (action?.kind === 'drop') this.drop(record, res);
		else if (action?.kind === 'truncate') this.truncate(record, res, encodeResponse(response));
		else this.send(record, res, response, 'ok');
	}

	private async dispatch(record: RecordedRequest): Promise<SimResponse> {
		const match = this.router.match(record.method, record.path);
		const req: SimRequest = { ...record, params: match.kind === 'found' ? match.params : {} };
		for (const middleware of this.middlewares) {
			const early = await middleware(req);
			if (early) return early;
		}
		if (match.kind === 'found') return match.handler(req);
		if (match.kind === 'method-not-allowed') {
			return {
				status: 405,
				headers: { allow: match.allow.join(', ') },
				body: { error: 'Method Not Allowed', method: record.method, path: record.path },
			};
		}
		return { status: 404, body: { error: 'Not Found', method: record.method, path: record.path } };
	}

	private send(record: RecordedRequest, res: http.ServerResponse, response: SimResponse, outcome: 'ok' | 'rate-limited' | 'fault'): void {
		const encoded = encodeResponse(response);
		this.mark(record, encoded.status, outcome);
		if (res.destroyed || res.headersSent) return;
		res.writeHead(encoded.status, encoded.headers);
		res.end(encoded.payload);
	}

	private drop(record: RecordedRequest, res: http.ServerResponse): void {
		record.status = undefined;
		record.outcome = 'dropped';
		res.socket?.destroy();
	}

	/** Promises the whole body in content-length, sends half, then cuts the connection. */
	private truncate(record: RecordedRequest, res: http.ServerResponse, encoded: EncodedResponse): void {
		this.mark(record, encoded.status, 'fault');
		if (res.destroyed) return;
		res.writeHead(encoded.status, encoded.headers);
		const half = encoded.payload.subarray(0, Math.floor(encoded.payload.length / 2));
		res.write(half, () => res.socket?.destroy());
	}

	private mark(record: RecordedRequest, status: number, outcome: 'ok' | 'rate-limited' | 'fault'): void {
		record.status = status;
		record.outcome = outcome;
		this.counters.byStatus[status] = (this.counters.byStatus[status] ?? 0) + 1;
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const pending = {
				timer: setTimeout(() => {
					this.pendingDelays.delete(pending);
					resolve();
				}, ms),
				resolve,
			};
			this.pendingDelays.add(pending);
		});
	}
}

function internalError(name: string, error: unknown): SimResponse {
	const message = error instanceof Error ? error.message : String(error);
	return { status: 500, body: { error: 'Simulator handler failed', simulator: name, message } };
}
