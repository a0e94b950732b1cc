/**
 * Lanes and pace for the reference clients (the raw undici client and the bare n8n floor), so they
 * send what the node sent, as fast as the node was allowed to: at most `lanes` tasks at once, and
 * request n no earlier than n / rate after the first (a plain schedule at the vendor's rate, which a
 * full token bucket on the server never refuses).
 */
export async function inLanes(count: number, lanes: number, task: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const lane = async (): Promise<void> => {
		while (next < count) await task(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, count)) }, lane));
}

/** Waits for the next request's slot; requestsPerSecond 0 never waits. */
export function pacer(requestsPerSecond: number): () => Promise<void> {
	let booked = 0;
	let start: number | undefined;
	return async () => {
		if (!(requestsPerSecond > 0)) return;
		start ??= performance.now();
		const at = start + (booked++ * 1000) / requestsPerSecond;
		const wait = at - performance.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
	};
}

/** What a 429 asks: its Retry-After in seconds, else one second. */
export function retryAfterMs(header: string | string[] | undefined): number {
	const seconds = Number(Array.isArray(header) ? header[0] : header);
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
}

export const sleep = async (ms: number): Promise<void> => await new Promise((resolve) => setTimeout(resolve, ms));
