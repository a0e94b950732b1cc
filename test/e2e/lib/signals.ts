/**
 * Ctrl-C and SIGTERM end the process through `process.exit`, so the 'exit' handlers that stop n8n's
 * process group run (Node's default for these signals skips them).
 */
export function exitOnSignals(onSignal?: () => Promise<void>): void {
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			const finish = () => process.exit(signal === 'SIGINT' ? 130 : 143);
			if (onSignal) void onSignal().finally(finish);
			else finish();
		});
	}
}
