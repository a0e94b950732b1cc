/** One request as the simulator saw it, kept in `SimServer.log` so tests can assert on the traffic. */
export interface RecordedRequest {
	/** 1-based arrival order. */
	seq: number;
	/** Epoch milliseconds with sub-millisecond precision, taken when the body has been read. */
	time: number;
	method: string;
	/** Path without the query string, not percent-decoded. */
	path: string;
	query: Record<string, string>;
	/** Lower-case names; repeated headers are joined with ', '. */
	headers: Record<string, string | undefined>;
	rawBody: string;
	/** The parsed JSON body, or undefined when the body is empty or not JSON. */
	body: unknown;
	/** Status written back; undefined while in flight or when the connection was dropped. */
	status?: number;
	outcome?: 'ok' | 'rate-limited' | 'fault' | 'dropped';
}

export interface SimRequest extends RecordedRequest {
	params: Record<string, string>;
}

/**
 * Object and array bodies are sent as JSON, strings as they are, undefined as an empty body.
 * The content type defaults to match unless `headers` sets one.
 */
export interface SimResponse {
	status: number;
	headers?: Record<string, string>;
	body?: unknown;
}

export type RouteHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

/** Returning a response short-circuits the rest of the chain (an auth check answering 401, say). */
export type Middleware = (req: SimRequest) => SimResponse | undefined | Promise<SimResponse | undefined>;

export type RequestMatcher = (req: RecordedRequest) => boolean;

/** Milliseconds since the epoch; injectable so rate and expiry tests need not sleep. */
export type Clock = () => number;
