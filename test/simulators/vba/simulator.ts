import { SimServer, seededRandom, type Clock } from '../base';
import { VbaAuth } from './auth';
import { listHandler } from './list';
import { batchHandler, type BatchSwitches } from './batch';
import type { SimCatalogEntry, SimField } from './catalog';
import { VBA_SIM_DEFAULTS, defaultSettings, type VbaSimSettings } from './settings';
import { keyString, VbaStore } from './store';
import type { NestedModels } from './validate';

/** The documented VBAPI limit: a token bucket per API key, 25 requests a second, bursts of 50. */
export interface VbaRateLimit {
	ratePerSecond?: number;
	burst?: number;
	/** API Gateway sends no Retry-After with its 429; false mimics that. */
	retryAfter?: boolean;
}

export interface VbaSimulatorOptions extends Partial<VbaSimSettings> {
	/** Entries to serve, from `simCatalogFrom(...)`. */
	catalog: readonly SimCatalogEntry[];
	/** Nested models (`object:Model` fields) to validate inside records; others are only checked to be objects. */
	models?: ReadonlyMap<string, readonly SimField[]>;
	/** The API's base path; the docs' production URL is `https://vbapi.vbasoftware.com/vbasoftware`. */
	basePath?: string;
	/** Off by default so functional tests are not paced; `true` is the documented 25/s, burst 50. */
	rateLimit?: boolean | VbaRateLimit;
	https?: { key: string | Buffer; cert: string | Buffer };
	clock?: Clock;
	port?: number;
	/** Set false for benchmarks, so the request log does not hold every body. */
	logging?: boolean;
}

/** A running VBAPI simulator: login, the auth checks, and `PUT …-batch` for each catalog entry. */
export class VbaSimulator {
	readonly server: SimServer;
	readonly settings: VbaSimSettings;
	readonly basePath: string;
	/** Catalog entries by path template. */
	readonly catalog: ReadonlyMap<string, SimCatalogEntry>;
	private readonly auth: VbaAuth;
	private readonly data = new VbaStore();
	private readonly switches: BatchSwitches = { shuffle: undefined, failRecord: undefined, shuffledAnswers: 0 };
	private readonly port: number | undefined;

	constructor(options: VbaSimulatorOptions) {
		const { catalog, models, basePath, rateLimit, https, clock, port, logging, ...overrides } = options;
		this.port = port;
		this.settings = { ...defaultSettings(), ...definedOnly(overrides) };
		this.basePath = (basePath ?? '/vbasoftware').replace(/\/+$/, '');
		this.server = new SimServer({ name: 'vbapi', https, clock });
		this.server.tokens.format = 'jwt';
		if (logging !== undefined) this.server.logging = logging;
		this.auth = new VbaAuth(this.settings, this.server.tokens, this.basePath);
		this.catalog = new Map(catalog.map((entry) => [entry.path, entry]));

		this.server.use(this.auth.middleware);
		this.server.route('POST', this.auth.loginPath, (req) => this.auth.login(req));
		this.server.route('POST', this.auth.refreshPath, (req) => this.auth.refresh(req));
		const context = { settings: this.settings, store: this.data, switches: this.switches, models: models as NestedModels | undefined };
		for (const entry of catalog) {
			this.server.route(entry.method, `${this.basePath}${entry.path}`, batchHandler(entry, context));
		}
		this.server.route('GET', `${this.basePath}/jobs`, listHandler(this.data, '/jobs-batch'));
		this.setRateLimit(rateLimit ?? false);
	}

	/** `http://127.0.0.1:<port>/vbasoftware`: what a credential's Base URL should be set to. */
	get baseUrl(): string {
		return `${this.server.baseUrl}${this.basePath}`;
	}

	/** Scheme, host and port, without the base path. */
	get origin(): string {
		return this.server.baseUrl;
	}

	/** Logins that issued tokens (challenged and failed logins do not count). */
	get loginCount(): number {
		return this.auth.loginCount;
	}

	/** Listens on `port`, else the one given at creation, else an ephemeral one. */
	async start(port?: number): Promise<string> {
		await this.server.start(port ?? this.port);
		return this.baseUrl;
	}

	stop(): Promise<void> {
		return this.server.stop();
	}

	/** Records stored for a database and entity, where the entity is its batch path template. */
	store(database: string, entityPath: string): Array<Record<string, unknown>> {
		return this.data.records(database, entityPath);
	}

	/**
	 * Puts records in place before a test, as if an earlier batch had created them, so a batch can
	 * be seen updating them. `pathValues` fills parameters that are not body fields.
	 */
	seedRecords(database: string, entityPath: string, records: ReadonlyArray<Record<string, unknown>>, pathValues: Record<string, string | number> = {}): void {
		const entry = this.catalog.get(entityPath);
		if (!entry) throw new Error(`vbapi simulator: no catalog entry ${entityPath}`);
		for (const record of records) {
			const keyParts: unknown[] = entry.keyFields.map((k) => record[k]);
			for (const param of entry.pathParams) if (param.field === null) keyParts.push(pathValues[param.name]);
			for (const field of entry.keyFields) {
				const value = record[field];
				if (typeof value === 'number') this.data.noteKey(database, entityPath, field, value);
			}
			this.data.put(database, entityPath, keyString(keyParts), { ...record });
		}
	}

	clearStore(): void {
		this.data.clear();
	}

	/** Shuffles each 207's results with a generator seeded once here; null restores request order. */
	shuffleResults(seed: number | null): void {
		this.switches.shuffle = seed === null ? undefined : seededRandom(seed);
	}

	/** How many 207 answers so far listed their results in another order than the records were sent. */
	get shuffledAnswers(): number {
		return this.switches.shuffledAnswers;
	}

	/** Fails a seeded fraction of otherwise valid records with a per-record 500; 0 turns it off. */
	failRecords(fraction: number, seed = 1): void {
		if (fraction <= 0) {
			this.switches.failRecord = undefined;
			return;
		}
		const random = seededRandom(seed);
		this.switches.failRecord = () => random() < fraction;
	}

	/** Fails the valid records the predicate picks (it sees the bound record and its index in the batch). */
	failRecordsWhere(predicate: ((record: Readonly<Record<string, unknown>>, index: number) => boolean) | null): void {
		this.switches.failRecord = predicate ?? undefined;
	}

	setRateLimit(limit: boolean | VbaRateLimit): void {
		if (limit === false) {
			this.server.rateLimit(null);
			return;
		}
		const { ratePerSecond = 25, burst = 50, retryAfter = true } = limit === true ? {} : limit;
		this.server.rateLimit({
			ratePerSecond,
			burst,
			retryAfter,
			key: (req) => req.headers['x-api-key'] ?? '',
			body: { message: 'Too Many Requests' },
		});
	}

	/** A valid ID token without going through the login endpoint. */
	issueIdToken(username: string = VBA_SIM_DEFAULTS.username): string {
		return this.auth.issueIdToken(username);
	}

	/** Every header a data request needs, for tests that talk to the simulator directly. */
	dataHeaders(idToken: string, database: string = VBA_SIM_DEFAULTS.database): Record<string, string> {
		return {
			'x-api-key': this.settings.apiKeys[0] ?? '',
			authorization: `Bearer ${idToken}`,
			'vbasoftware-database': database,
			'user-agent': VBA_SIM_DEFAULTS.userAgent,
			'content-type': 'application/json',
			accept: 'application/json',
		};
	}
}

/** Creates and starts a simulator; stop it with `sim.stop()`. */
export async function createVbaSimulator(options: VbaSimulatorOptions): Promise<VbaSimulator> {
	const sim = new VbaSimulator(options);
	await sim.start();
	return sim;
}

function definedOnly<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
