import type { SimServer } from './server';
import type { SimRequest } from './types';

/**
 * Makes the server take `holdMs` over each request that `match` picks (a slow server) and counts how
 * many of them it held at once: what a client's lanes put in flight, seen from the server.
 */
export function holdAndCount(server: SimServer, match: (req: SimRequest) => boolean, holdMs: number): { peak: () => number } {
	let inFlight = 0;
	let peak = 0;
	server.use(async (req) => {
		if (!match(req)) return undefined;
		peak = Math.max(peak, ++inFlight);
		await new Promise((resolve) => setTimeout(resolve, holdMs));
		inFlight--;
		return undefined;
	});
	return { peak: () => peak };
}
