import { SimServer, type Clock, type RecordedRequest } from '../base';
import { LOGIN_PATH, OlcAuth, REST_ROOT } from './auth';
import { getContents, getList, getSegments, handshake, JOBS_PATH, putList, putManyProperties } from './jobs';
import { defaultSettings, MAX_SESSION_MINUTES, OLC_SIM_DEFAULTS, type OlcSimSettings } from './settings';
import { OlcJobStore, type JobSeed, type SimJob } from './store';

export interface OlConnectSimulatorOptions extends Partial<OlcSimSettings> {
	/** Jobs the server holds at start. */
	jobs?: readonly JobSeed[];
	/** Serve HTTPS with this key and certificate (see `selfSignedCertificate`). */
	https?: { key: string | Buffer; cert: string | Buffer };
	clock?: Clock;
	port?: number;
	/** Set false for benchmarks, so the request log does not hold every body. */
	logging?: boolean;
}

/**
 * A running OL Connect Server as far as the Authentication service and the Job Entity service
 * go: login, Basic or token checks (or none with security off), roles, both error styles, and
 * the seven job operations over an in-memory job store.
 */
export class OlConnectSimulator {
	readonly server: SimServer;
	readonly settings: OlcSimSettings;
	readonly jobs = new OlcJobStore();
	private readonly auth: OlcAuth;
	private readonly port: number | undefined;

	constructor(options: OlConnectSimulatorOptions = {}) {
		const { jobs, https, clock, port, logging, ...overrides } = options;
		this.settings = { ...defaultSettings(), ...definedOnly(overrides) };
		this.port = port;
		this.server = new SimServer({ name: 'olconnect', https, clock });
		if (logging !== undefined) this.server.logging = logging;
		this.auth = new OlcAuth(this.settings, this.server.tokens);
		for (const job of jobs ?? []) this.jobs.put(job);

		const ctx = { settings: this.settings, store: this.jobs };
		this.server.use(this.auth.middleware);
		this.server.route('POST', LOGIN_PATH, (req) => {
			this.checkSessionLength();
			return this.auth.login(req);
		});
		this.server.route('GET', `${REST_ROOT}/entity`, handshake());
		this.server.route('PUT', `${JOBS_PATH}/properties`, putManyProperties(ctx));
		this.server.route('GET', `${JOBS_PATH}/{jobId}/contents`, getContents(ctx));
		this.server.route('GET', `${JOBS_PATH}/{jobId}`, getSegments(ctx));
		this.server.route('GET', `${JOBS_PATH}/{jobId}/metadata`, getList(ctx, 'metadata'));
		this.server.route('PUT', `${JOBS_PATH}/{jobId}/metadata`, putList(ctx, 'metadata'));
		this.server.route('GET', `${JOBS_PATH}/{jobId}/properties`, getList(ctx, 'properties'));
		this.server.route('PUT', `${JOBS_PATH}/{jobId}/properties`, putList(ctx, 'properties'));
	}

	/** `http://127.0.0.1:<port>`: what the credential's Server URL should be set to. */
	get url(): string {
		return this.server.baseUrl;
	}

	/** Tokens issued by logins (and by `issueToken`). */
	get loginCount(): number {
		return this.auth.loginCount;
	}

	async start(port?: number): Promise<string> {
		await this.server.start(port ?? this.port);
		return this.url;
	}

	stop(): Promise<void> {
		return this.server.stop();
	}

	addJob(seed: JobSeed): SimJob {
		return this.jobs.put(seed);
	}

	job(id: number): SimJob {
		const job = this.jobs.get(id);
		if (!job) throw new Error(`olconnect simulator: no job ${id}`);
		return job;
	}

	/** A valid session token without a login request, for tests that are not about logging in. */
	issueToken(username: string = OLC_SIM_DEFAULTS.username): string {
		return this.auth.issueToken(username);
	}

	/** Every session ends, as when its expiration time passes. */
	expireSessions(): void {
		this.server.tokens.expireAll();
	}

	/** The server restarted: tokens are unknown now (older servers then answer 403, newer 401). */
	forgetSessions(): void {
		this.auth.forgetSessions();
	}

	/** Requests that reached a path, e.g. `/entity/jobs/properties` (method optional). */
	requests(path: string, method?: string): RecordedRequest[] {
		const full = `${REST_ROOT}${path}`;
		return this.server.log.filter((req) => req.path === full && (method === undefined || req.method === method));
	}

	private checkSessionLength(): void {
		const minutes = this.settings.sessionMinutes;
		if (!(minutes > 0 && minutes <= MAX_SESSION_MINUTES)) {
			throw new Error(`olconnect simulator: sessionMinutes must be between 1 and ${MAX_SESSION_MINUTES}, got ${minutes}`);
		}
	}
}

/** Creates and starts a simulator; stop it with `sim.stop()`. */
export async function createOlConnectSimulator(options: OlConnectSimulatorOptions = {}): Promise<OlConnectSimulator> {
	const sim = new OlConnectSimulator(options);
	await sim.start();
	return sim;
}

function definedOnly<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
