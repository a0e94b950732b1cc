import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { SimServer } from '../../test/simulators/base';

/** What one node's demo prints: a short table a person can read at a glance. */
export interface DemoTable {
	title: string;
	columns: string[];
	rows: Array<Array<string | number>>;
	summary: string;
}

export interface DemoScenario {
	name: string;
	run(): Promise<DemoTable>;
}

/**
 * A vendor simulator started and seeded as the example workflow expects, with the credential data
 * that points at it: what `npm run demo`, the e2e suite and `npm run dev` all start from.
 */
export interface DemoSimulator<S> {
	sim: S;
	credentialData: ICredentialDataDecryptedObject;
	server: SimServer;
	stop(): Promise<void>;
}
