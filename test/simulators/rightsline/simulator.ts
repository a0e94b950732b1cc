import { SimServer, seededRandom, shuffleInPlace, systemClock, type Clock, type RequestMatcher, type SimRequest, type SimResponse } from '../base';
import { BatchQueue, type SimBatch } from './batches';
import { GATEWAY_MESSAGES, gatewayError, rightslineResponse } from './gateway';
import type { OutcomeContext } from './outcomes';
import { RecordStore, type RlRecord, type RlRelationship, type SeedRecord } from './records';
import { defaultSettings, RIGHTSLINE_SIM_DEFAULTS, type RightslineSimSettings } from './settings';
import { verifySigV4 } from './sigv4-verify';
import { TEMP_CREDENTIALS_PATH, TemporaryCredentials } from './temp-credentials';

export interface RightslineSimulatorOptions extends Partial<RightslineSimSettings> {
	https?: { key: string | Buffer; cert: string | Buffer };
	clock?: Clock;
	port?: number;
	/** Set false for benchmarks, so the request log does not hold every body. */
	logging?: boolean;
}

const ROUTES: Array<{ method: string; pattern: RegExp }> = [
	{ method: 'POST', pattern: /^\/v4\/auth\/temporary-credentials$/ },
	{ method: 'POST', pattern: /^\/v4\/batch$/ },
	{ method: 'GET', pattern: /^\/v4\/batch\/[^/]+$/ },
	{ method: 'GET', pattern: /^\/v4\/limits$/ },
];

/**
 * A running Rightsline API v4 simulator: temporary credentials, API Gateway's API-key, SigV4 and
 * throttling checks on every request, batches that move Created → InProgress → final on their own
 * clock with per-record outcomes, the 10-batch limit, and `/v4/limits`.
 */
export class RightslineSimulator {
	readonly server: SimServer;
	readonly settings: RightslineSimSettings;
	readonly credentials: TemporaryCredentials;
	readonly batches: BatchQueue;
	private readonly store = new RecordStore();
	private readonly clock: Clock;
	private readonly port: number | undefined;
	private readonly unavailableActions = new Set<number>();
	private shuffle: (() => number) | undefined;
	private omit: ((raw: unknown) => boolean) | undefined;
	private tamper: { remaining: number; match?: RequestMatcher } | undefined;
	private readonly dailyUsed = new Map<string, number>();

	constructor(options: RightslineSimulatorOptions = {}) {
		const { https, clock, port, logging, ...overrides } = options;
		this.settings = { ...defaultSettings(), ...definedOnly(overrides) };
		this.clock = clock ?? systemClock;
		this.port = port;
		this.server = new SimServer({ name: 'rightsline', https, clock: this.clock });
		if (logging !== undefined) this.server.logging = logging;
		this.credentials = new TemporaryCredentials(this.settings, this.clock);
		this.batches = new BatchQueue(this.settings, (now) => this.outcomeContext(now));

		this.server.use(this.gateway);
		this.server.route('POST', TEMP_CREDENTIALS_PATH, (req) => this.credentials.handle(req));
		this.server.route('POST', '/v4/batch', (req) => this.batches.create(req, this.clock()));
		this.server.route('GET', '/v4/batch/:id', (req) => this.batches.retrieve(req, this.clock()));
		this.server.route('GET', '/v4/limits', (req) => this.limits(req));
		this.setRequestsPerSecond(this.settings.requestsPerSecond);
	}

	/** `http://127.0.0.1:<port>`: what the credential's Custom URL should be set to. */
	get baseUrl(): string {
		return this.server.baseUrl;
	}

	async start(port?: number): Promise<string> {
		await this.server.start(port ?? this.port);
		return this.baseUrl;
	}

	stop(): Promise<void> {
		return this.server.stop();
	}

	/** Puts records of a char type in place, as if they had been created earlier. */
	seedRecords(charTypeId: number, records: readonly SeedRecord[]): void {
		this.store.seed(charTypeId, records, this.clock());
	}

	records(charTypeId: number): RlRecord[] {
		return this.store.all(charTypeId);
	}

	record(charTypeId: number, id: number): RlRecord | undefined {
		return this.store.get(charTypeId, id);
	}

	relationships(): RlRelationship[] {
		return this.store.allRelationships();
	}

	/** Every batch created so far, with its input, timing, final status and results. */
	batchList(): SimBatch[] {
		return this.batches.list();
	}

	/** Ends every unfinished batch now: its changes are applied and its final status is what a client reads next. */
	finishAll(): void {
		this.batches.finishAll(this.clock());
	}

	/** Workflow actions that are refused ("Action N not available to be taken from status S"). */
	refuseActions(actionIds: readonly number[]): void {
		this.unavailableActions.clear();
		for (const id of actionIds) this.unavailableActions.add(id);
	}

	/** Shuffles every result list with a generator seeded here; null keeps request order. */
	shuffleResults(seed: number | null): void {
		this.shuffle = seed === null ? undefined : seededRandom(seed);
	}

	/** Leaves the results of matching records out of batch answers (they are still processed); null stops. */
	omitResultsWhere(predicate: ((record: Readonly<Record<string, unknown>>) => boolean) | null): void {
		this.omit = predicate ? (raw) => typeof raw === 'object' && raw !== null && predicate(raw as Record<string, unknown>) : undefined;
	}

	/** The next `count` batches end in the error status (default `settings.errorStatus`) without results. */
	errorNextBatches(count: number, status?: 'Error' | 'Errored'): void {
		this.batches.errorNext(count, status);
	}

	/**
	 * The next `count` matching requests are changed on the way in after they were signed (a byte
	 * of the body, or the path when there is none), as a misbehaving proxy would: the signature no
	 * longer covers what arrived.
	 */
	tamperNext(count: number, match?: RequestMatcher): void {
		this.tamper = count > 0 ? { remaining: count, match } : undefined;
	}

	/** 40 a second per API key by default; null turns throttling off (functional tests need not pace). */
	setRequestsPerSecond(rate: number | null): void {
		this.settings.requestsPerSecond = rate;
		if (rate === null) {
			this.server.rateLimit(null);
			return;
		}
		this.server.rateLimit({
			ratePerSecond: rate,
			burst: Math.max(1, Math.round(rate)),
			key: (req) => req.headers['x-api-key'] ?? '',
			match: (req) => req.path !== TEMP_CREDENTIALS_PATH,
			body: { message: GATEWAY_MESSAGES.tooManyRequests },
			retryAfter: false,
		});
	}

	/** Temporary credentials without the endpoint, for tests that sign requests themselves. */
	issueTemporaryCredentials(apiKey: string = RIGHTSLINE_SIM_DEFAULTS.apiKey): { accessKey: string; secretKey: string; sessionToken: string; expiration: string } {
		return this.credentials.issue(RIGHTSLINE_SIM_DEFAULTS.userName, apiKey);
	}

	clear(): void {
		this.store.clear();
		this.batches.clear();
		this.dailyUsed.clear();
	}

	/** API Gateway in front of Rightsline: API key, SigV4 and quota checks, in that order. */
	private readonly gateway = (req: SimRequest): SimResponse | undefined => {
		const now = this.clock();
		this.batches.advance(now);
		const apiKey = req.headers['x-api-key'];
		if (!apiKey || !this.settings.apiKeys.includes(apiKey)) return gatewayError(403, 'ForbiddenException', GATEWAY_MESSAGES.forbidden);
		// API Gateway answers an unknown resource like an unsigned request.
		if (!ROUTES.some((route) => route.method === req.method && route.pattern.test(req.path))) {
			return gatewayError(403, 'MissingAuthenticationTokenException', GATEWAY_MESSAGES.missingToken);
		}
		if (req.path === TEMP_CREDENTIALS_PATH) return undefined;
		const denied = verifySigV4(this.tampered(req), {
			region: this.settings.region,
			service: 'execute-api',
			now: now + this.settings.clockOffsetMs,
			maxSkewMs: this.settings.maxClockSkewMs,
			lookup: (accessKey) => (this.credentials.apiKeyOf(accessKey) === apiKey ? this.credentials.lookup(accessKey) : undefined),
		});
		if (denied) return denied;
		const used = (this.dailyUsed.get(apiKey) ?? 0) + 1;
		if (used > this.settings.dailyRequestLimit) return gatewayError(429, 'LimitExceededException', GATEWAY_MESSAGES.limitExceeded);
		this.dailyUsed.set(apiKey, used);
		return undefined;
	};

	private tampered(req: SimRequest): SimRequest {
		const rule = this.tamper;
		if (!rule || (rule.match && !rule.match(req))) return req;
		if (--rule.remaining <= 0) this.tamper = undefined;
		if (req.rawBody.length > 0) {
			const flipped = req.rawBody[0] === '{' ? `{ ${req.rawBody.slice(1)}` : ` ${req.rawBody}`;
			return { ...req, rawBody: flipped };
		}
		return { ...req, path: `${req.path}/` };
	}

	private limits(req: SimRequest): SimResponse {
		const apiKey = req.headers['x-api-key'] ?? '';
		const max = this.settings.dailyRequestLimit;
		return rightslineResponse(200, {
			dailyApiRequests: { max, remaining: Math.max(0, max - (this.dailyUsed.get(apiKey) ?? 0)) },
			concurrentProcessingApiBatches: {
				max: this.settings.maxActiveBatches,
				remaining: Math.max(0, this.settings.maxActiveBatches - this.batches.active(apiKey, this.clock())),
			},
			maxApiRequestsPerSecond: this.settings.limitsRequestsPerSecond,
		});
	}

	private outcomeContext(now: number): OutcomeContext {
		const random = this.shuffle;
		return {
			store: this.store,
			settings: this.settings,
			now,
			unavailableActions: this.unavailableActions,
			reorder: (list) => (random ? shuffleInPlace(list, random) : list),
			omit: this.omit,
		};
	}
}

/** Creates and starts a simulator; stop it with `sim.stop()`. */
export async function createRightslineSimulator(options: RightslineSimulatorOptions = {}): Promise<RightslineSimulator> {
	const sim = new RightslineSimulator(options);
	await sim.start();
	return sim;
}

function definedOnly<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
