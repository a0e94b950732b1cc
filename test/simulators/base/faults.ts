import { seededRandom } from './prng';
import type { RecordedRequest, RequestMatcher } from './types';

export interface FailFault {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	match?: RequestMatcher;
}

/** What the server must do instead of, or around, the normal route. */
export type FaultAction =
	| { kind: 'fail'; status: number; body?: unknown; headers?: Record<string, string> }
	| { kind: 'drop'; afterHandling: boolean }
	| { kind: 'truncate' }
	| { kind: 'non-json'; status: number };

export interface FaultPlan {
	delayMs: number;
	action?: FaultAction;
}

interface CountedRule<T> {
	remaining: number;
	match?: RequestMatcher;
	value: T;
}

interface RateRule {
	fraction: number;
	random: () => number;
	match?: RequestMatcher;
	action: FaultAction;
}

const NO_FAULT: FaultPlan = { delayMs: 0 };

/**
 * Armed faults, consumed in the order they were armed. A rule counts down only when a request
 * matches it and it fires, so `failNext(2, { match: isLogin })` fails exactly the next two logins
 * however many other requests pass in between.
 */
export class FaultInjector {
	private actions: Array<CountedRule<FaultAction>> = [];
	private delays: Array<CountedRule<number>> = [];
	private latency: number | ((req: RecordedRequest) => number) = 0;
	private rate: RateRule | undefined;

	failNext(count: number, fault: FailFault): void {
		const { match, status, body, headers } = fault;
		this.arm(count, match, { kind: 'fail', status, body, headers });
	}

	dropNext(count: number, options: { match?: RequestMatcher; afterHandling?: boolean } = {}): void {
		this.arm(count, options.match, { kind: 'drop', afterHandling: options.afterHandling ?? false });
	}

	delayNext(count: number, ms: number, options: { match?: RequestMatcher } = {}): void {
		if (count > 0) this.delays.push({ remaining: count, match: options.match, value: ms });
	}

	/**
	 * Holds every answer back: a fixed time, or one computed per request (a server whose own time
	 * grows with the request's size, for benchmarks).
	 */
	setLatency(ms: number | ((req: RecordedRequest) => number)): void {
		this.latency = ms;
	}

	truncateNext(count: number, options: { match?: RequestMatcher } = {}): void {
		this.arm(count, options.match, { kind: 'truncate' });
	}

	nonJsonNext(count: number, options: { status?: number; match?: RequestMatcher } = {}): void {
		this.arm(count, options.match, { kind: 'non-json', status: options.status ?? 502 });
	}

	failRate(fraction: number, fault: FailFault & { seed?: number }): void {
		const { match, status, body, headers, seed } = fault;
		this.rate =
			fraction > 0
				? { fraction, random: seededRandom(seed ?? 1), match, action: { kind: 'fail', status, body, headers } }
				: undefined;
	}

	reset(): void {
		this.actions = [];
		this.delays = [];
		this.latency = 0;
		this.rate = undefined;
	}

	/** Decides, and consumes, what happens to one request. Called once per request by the server. */
	next(req: RecordedRequest): FaultPlan {
		if (this.actions.length === 0 && this.delays.length === 0 && this.latency === 0 && !this.rate) {
			return NO_FAULT;
		}
		const delay = take(this.delays, req);
		let action = take(this.actions, req);
		if (!action && this.rate && (!this.rate.match || this.rate.match(req)) && this.rate.random() < this.rate.fraction) {
			action = this.rate.action;
		}
		const latencyMs = typeof this.latency === 'number' ? this.latency : this.latency(req);
		return { delayMs: latencyMs + (delay ?? 0), action };
	}

	private arm(count: number, match: RequestMatcher | undefined, action: FaultAction): void {
		if (count > 0) this.actions.push({ remaining: count, match, value: action });
	}
}

function take<T>(rules: Array<CountedRule<T>>, req: RecordedRequest): T | undefined {
	for (let i = 0; i < rules.length; i++) {
		const rule = rules[i];
		if (rule.match && !rule.match(req)) continue;
		rule.remaining--;
		if (rule.remaining <= 0) rules.splice(i, 1);
		return rule.value;
	}
	return undefined;
}
