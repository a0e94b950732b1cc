import type { ChildHandle } from './child';

/**
 * Timed passes in a baseline process that stays up between them, so the bench can alternate
 * baseline and node passes and compare medians: the machine's drift (other work, the simulator's
 * growing store) then falls on both sides alike, instead of on whichever ran later.
 */

/** In the child: prints `READY`, then runs pass n on the n-th SIGUSR2 and prints `PASS-<n> {json}`. */
export function servePasses(pass: (n: number) => Promise<object>, onStop: () => Promise<void> = async () => undefined): void {
	let count = 0;
	process.on('SIGUSR2', () => {
		const n = ++count;
		void pass(n).then((result) => console.log(`PASS-${n} ${JSON.stringify(result)}`));
	});
	// Nothing else keeps this process alive between passes.
	const idle = setInterval(() => undefined, 60_000);
	process.on('SIGTERM', () => {
		clearInterval(idle);
		void onStop().then(() => process.exit(0));
	});
	console.log('READY');
}

/** In the bench: asks the child for its next pass and waits for the result. */
export async function requestPass<T>(child: ChildHandle, n: number): Promise<T> {
	child.process.kill('SIGUSR2');
	return JSON.parse(await child.line(`PASS-${n} `)) as T;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}
