/** The rows of the conformance matrix: what a real vendor or network does to a run. */
export const FAULTS = [
	{ id: 'wrong-credential', title: 'wrong credential' },
	{ id: 'token-expired', title: 'token expired mid-run, 5 lanes' },
	{ id: 'throttled', title: '429 storm with Retry-After' },
	{ id: 'server-error', title: '5xx' },
	{ id: 'dropped-after-write', title: 'connection dropped after the server applied a write' },
	{ id: 'timeout', title: 'answer slower than the timeout' },
	{ id: 'malformed-body', title: 'malformed or HTML body' },
	{ id: 'partial-results', title: 'partial and shuffled results' },
	{ id: 'unknown-id', title: 'an unknown ID among good ones' },
	{ id: 'invalid-input', title: 'invalid input' },
] as const;

export type FaultId = (typeof FAULTS)[number]['id'];

export const ON_ERROR = ['stopWorkflow', 'continueRegularOutput', 'continueErrorOutput'] as const;
export type OnError = (typeof ON_ERROR)[number];
