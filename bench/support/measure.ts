/** Peak resident set size of this process so far, in MB (the kernel's high-water mark). */
export function peakRssMb(): number {
	return Math.round(process.resourceUsage().maxRSS / 1024);
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
	const started = performance.now();
	const result = await work();
	return { ms: performance.now() - started, result };
}

/** `BENCH <case> key=value …`, the line `npm run bench` collects. */
export function benchLine(name: string, figures: Record<string, string | number>): string {
	const parts = Object.entries(figures).map(([key, value]) => `${key}=${typeof value === 'number' ? round(value) : value}`);
	return `BENCH ${name} ${parts.join(' ')}`;
}

function round(value: number): string {
	if (Number.isInteger(value)) return String(value);
	return value >= 100 ? value.toFixed(0) : value.toFixed(3);
}


/** What one round measured of the node and its two references. */
export interface RoundTimes {
	nodeMs: number;
	floorMs: number;
	rawMs: number;
	peakRssMb: number;
	cpuUs: number;
}

/**
 * The figures every case reports, in the same order: against the limit, the bare helper and the raw client.
 * `floor_limit_ratio` is n8n's bare helper against the same least time: what any node on n8n's request
 * path can reach at best, so a `limit_ratio` above the target can be told from a node's own overhead.
 */
export function commonFigures(rttMs: number, items: number, r: RoundTimes, idealMs: number): Record<string, number> {
	return {
		rtt_ms: rttMs,
		items,
		limit_ratio: r.nodeMs / idealMs,
		floor_limit_ratio: r.floorMs / idealMs,
		floor_ratio: r.nodeMs / r.floorMs,
		raw_ratio: r.nodeMs / r.rawMs,
		peak_rss_mb: r.peakRssMb,
		cpu_us_per_item: r.cpuUs / items,
		node_ms: r.nodeMs,
		ideal_ms: idealMs,
		floor_ms: r.floorMs,
		raw_ms: r.rawMs,
	};
}
