/** How long each part of a run took, for planning CI's 90 minutes. */
export class Timings {
	private readonly parts: Array<{ label: string; seconds: number }> = [];

	async time<T>(label: string, work: () => Promise<T>): Promise<T> {
		const start = performance.now();
		try {
			return await work();
		} finally {
			this.parts.push({ label, seconds: (performance.now() - start) / 1000 });
		}
	}

	/** Records a part that was skipped because its result was cached. */
	cached(label: string): void {
		this.parts.push({ label: `${label} (cached)`, seconds: 0 });
	}

	line(): string {
		return `timing: ${this.parts.map((part) => `${part.label} ${part.seconds.toFixed(1)} s`).join(', ')}`;
	}
}
