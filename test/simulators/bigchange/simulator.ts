import { SimServer, type Clock, type RecordedRequest } from '../base';
import { BigChangeAuth, TOKEN_PATH } from './auth';
import { CONTACTS, CUSTOM_FIELD_DEFINITIONS, JOB_TYPES } from './fixtures';
import { jobRoutes } from './jobs';
import { BIGCHANGE_SIM_DEFAULTS, defaultSettings, type BigChangeSimSettings } from './settings';
import { BigChangeStore, jobView, type JobStatus, type SimJobSeed } from './store';

/** BigChange publishes no rate limit; this is a switch for testing how clients behave under one. */
export interface BigChangeRateLimit {
	ratePerSecond: number;
	burst: number;
	retryAfter?: boolean;
}

export interface BigChangeSimulatorOptions extends Partial<BigChangeSimSettings> {
	/** Off unless given: BigChange documents none. */
	rateLimit?: BigChangeRateLimit | false;
	https?: { key: string | Buffer; cert: string | Buffer };
	clock?: Clock;
	port?: number;
	/** Set false for benchmarks, so the request log does not hold every body. */
	logging?: boolean;
}

/** A running BigChange REST API simulator: token endpoint, auth checks and the job endpoints. */
export class BigChangeSimulator {
	readonly server: SimServer;
	readonly settings: BigChangeSimSettings;
	readonly store = new BigChangeStore();
	private readonly auth: BigChangeAuth;
	private readonly port: number | undefined;

	constructor(options: BigChangeSimulatorOptions = {}) {
		const { rateLimit, https, clock, port, logging, ...overrides } = options;
		this.port = port;
		this.settings = { ...defaultSettings(), ...definedOnly(overrides) };
		this.server = new SimServer({ name: 'bigchange', https, clock });
		// The docs call the access token a "JWT bearer token".
		this.server.tokens.format = 'jwt';
		if (logging !== undefined) this.server.logging = logging;
		for (const type of JOB_TYPES) this.store.jobTypes.set(type.id, { ...type });
		for (const contact of CONTACTS) this.store.contacts.set(contact.id, { ...contact, personIds: [...contact.personIds] });
		for (const definition of CUSTOM_FIELD_DEFINITIONS) this.store.definitions.set(definition.id, { ...definition });

		this.auth = new BigChangeAuth(this.settings, this.server.tokens);
		this.server.use(this.auth.middleware);
		this.server.route('POST', TOKEN_PATH, (req) => this.auth.token(req));
		const routes = jobRoutes({ settings: this.settings, store: this.store });
		this.server.route('GET', '/v1/jobs', routes.list);
		this.server.route('POST', '/v1/jobs', routes.create);
		this.server.route('GET', '/v1/jobs/:jobId', routes.get);
		this.server.route('PATCH', '/v1/jobs/:jobId', routes.update);
		this.setRateLimit(rateLimit ?? false);
	}

	/** `http://127.0.0.1:<port>`: what the credential's Base URL should be set to. */
	get baseUrl(): string {
		return this.server.baseUrl;
	}

	/** The token endpoint, `<baseUrl>/auth/tokens`, as on api.bigchange.com. */
	get tokenUrl(): string {
		return `${this.server.baseUrl}${TOKEN_PATH}`;
	}

	/** Token requests that issued a token. */
	get tokensIssued(): number {
		return this.auth.issued;
	}

	async start(port?: number): Promise<string> {
		await this.server.start(port ?? this.port);
		return this.baseUrl;
	}

	stop(): Promise<void> {
		return this.server.stop();
	}

	/** Puts a job in place for a test; returns its ID. */
	seedJob(seed: SimJobSeed, customerId: string = BIGCHANGE_SIM_DEFAULTS.customerId): number {
		return this.store.insert(customerId, seed).id;
	}

	/** A job as GET /v1/jobs/{id} would answer it, or undefined. */
	job(id: number, customerId: string = BIGCHANGE_SIM_DEFAULTS.customerId): Record<string, unknown> | undefined {
		const job = this.store.jobs(customerId).get(id);
		return job ? jobView(this.store, job) : undefined;
	}

	jobCount(customerId: string = BIGCHANGE_SIM_DEFAULTS.customerId): number {
		return this.store.jobs(customerId).size;
	}

	setJobStatus(id: number, status: JobStatus, customerId: string = BIGCHANGE_SIM_DEFAULTS.customerId): void {
		const job = this.store.jobs(customerId).get(id);
		if (!job) throw new Error(`bigchange simulator: no job ${id} for customer ${customerId}`);
		job.status = status;
	}

	clearJobs(): void {
		this.store.clearJobs();
	}

	/** A valid access token without a token request, e.g. for a credential with a pasted token. */
	issueToken(clientId: string = BIGCHANGE_SIM_DEFAULTS.clientId): string {
		return this.auth.issue(clientId);
	}

	/** The headers an API call needs, for tests that talk to the simulator directly. */
	apiHeaders(token: string, customerId: string = BIGCHANGE_SIM_DEFAULTS.customerId): Record<string, string> {
		return { authorization: `Bearer ${token}`, 'customer-id': customerId, 'content-type': 'application/json', accept: 'application/json' };
	}

	/** Recorded requests with this method under /v1/jobs. */
	requests(method: 'GET' | 'PATCH' | 'POST'): RecordedRequest[] {
		return this.server.log.filter((req) => req.method === method && req.path.startsWith('/v1/jobs'));
	}

	setRateLimit(limit: BigChangeRateLimit | false): void {
		if (limit === false) {
			this.server.rateLimit(null);
			return;
		}
		this.server.rateLimit({
			ratePerSecond: limit.ratePerSecond,
			burst: limit.burst,
			retryAfter: limit.retryAfter ?? true,
			key: (req) => req.headers.authorization ?? '',
			match: (req) => req.path.startsWith('/v1/'),
			body: { type: 'https://tools.ietf.org/html/rfc6585#section-4', title: 'Too Many Requests', status: 429, detail: null, instance: null },
		});
	}
}

export async function createBigChangeSimulator(options: BigChangeSimulatorOptions = {}): Promise<BigChangeSimulator> {
	const sim = new BigChangeSimulator(options);
	await sim.start();
	return sim;
}

function definedOnly<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
