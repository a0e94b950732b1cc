/**
 * How every case file starts: with no argument it runs the case (`main`), and the case re-runs
 * itself as a child process in a given mode (`round` prints `RESULT <json>`, `raw` runs the raw
 * client) with its options as JSON. A failure ends the process with status 1.
 */
export function caseEntry<R, W>(handlers: {
	main: () => Promise<void>;
	round?: (options: R) => Promise<unknown>;
	raw?: (options: W) => Promise<void>;
}): void {
	const fail = (error: unknown): void => {
		console.error(error);
		process.exit(1);
	};
	const [mode, json] = process.argv.slice(2);
	if (mode === 'raw' && handlers.raw) void handlers.raw(JSON.parse(json) as W).catch(fail);
	else if (mode === 'round' && handlers.round) void handlers.round(JSON.parse(json) as R).then((result) => console.log(`RESULT ${JSON.stringify(result)}`), fail);
	else void handlers.main().catch(fail);
}
