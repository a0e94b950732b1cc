import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** What every node's Options collection sets about its requests. */
export interface RequestSettings {
	/** Parallel Requests: requests in flight at once. */
	concurrency: number;
	/** Requests per Second for the whole run; 0 = unpaced. */
	requestsPerSecond: number;
	timeoutSeconds: number;
}

/** A node's defaults and limits, declared once and used by both its description and its run. */
export interface RequestProfile {
	/** `concurrency: 0` is Auto (see `autoLanes`). */
	defaults: RequestSettings;
	maxConcurrency: number;
	/**
	 * Parallel Requests "Auto" (0): the lanes follow pace × measured time per answer (LaneController)
	 * up to `paced`; an unpaced run (Requests per Second 0) has nothing to measure against and keeps
	 * `unpaced` lanes. Without it, 0 is not offered.
	 */
	autoLanes?: { paced: number; unpaced: number };
	maxRequestsPerSecond: number;
	/** The vendor's words for each option's help text. */
	help: { concurrency: string; requestsPerSecond: string; timeoutSeconds: string };
}

/** The three request options, as every node shows them under Options. */
export function requestOptionProperties(profile: RequestProfile): INodeProperties[] {
	const { help } = profile;
	// Plain names: n8n's scanner honours no eslint-disable, and takes only a literal or a name as a default.
	const { concurrency, requestsPerSecond, timeoutSeconds } = profile.defaults;
	return [
		{
			displayName: 'Parallel Requests',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: profile.autoLanes ? 0 : 1, maxValue: profile.maxConcurrency },
			default: concurrency,
			description: profile.autoLanes
				? `${help.concurrency} 0 (the default) is Auto: as many as it takes to keep the pace, measured from how long answers take, up to ${profile.autoLanes.paced} (${profile.autoLanes.unpaced} when unpaced). A number is the most in flight at once.`
				: help.concurrency,
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: profile.maxRequestsPerSecond },
			default: requestsPerSecond,
			description: help.requestsPerSecond,
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: timeoutSeconds,
			description: help.timeoutSeconds,
		},
	];
}

function within(value: unknown, min: number, max: number, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/**
 * The request options of a run, from the node's Options collection: a value left out takes the
 * default, one outside the limits (set by expression, where the editor does not hold them) is
 * brought inside.
 */
export function readRequestOptions(given: IDataObject, profile: RequestProfile): RequestSettings {
	const { defaults, autoLanes } = profile;
	const requestsPerSecond = within(given.requestsPerSecond, 0, profile.maxRequestsPerSecond, defaults.requestsPerSecond);
	const chosen = Math.round(within(given.concurrency, autoLanes ? 0 : 1, profile.maxConcurrency, defaults.concurrency));
	const auto = autoLanes ? (requestsPerSecond > 0 ? autoLanes.paced : autoLanes.unpaced) : 1;
	return {
		concurrency: chosen === 0 ? auto : chosen,
		requestsPerSecond,
		timeoutSeconds: within(given.timeoutSeconds, 1, 3600, defaults.timeoutSeconds),
	};
}
