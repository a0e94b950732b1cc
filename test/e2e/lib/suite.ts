import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { prepareInstance, userFolderIn, type Instance } from './instance';
import { messageOf, Results } from './results';
import { exitOnSignals } from './signals';
import { Timings } from './timings';

/**
 * How `npm run test:e2e` and the browser test run: prepares n8n in a fresh work folder, runs `checks`
 * on it, stops the simulators, keeps the folder (n8n's user folder and logs) only when something
 * failed, prints the timings and `<name>: N passed, N failed`, and exits 0 only when something passed
 * and nothing failed. A failure to set up is one failed line, `<setup>`.
 */
export async function runSuite(
	options: { workPrefix: string; setup: string },
	checks: (instance: Instance, results: Results, timings: Timings) => Promise<void>,
): Promise<never> {
	exitOnSignals();
	const timings = new Timings();
	const results = new Results();
	const work = mkdtempSync(join(tmpdir(), options.workPrefix));
	let instance: Instance | undefined;
	try {
		instance = await prepareInstance({ timings, userFolder: userFolderIn(work), workFolder: work });
		await checks(instance, results, timings);
	} catch (error) {
		results.fail(options.setup, [error instanceof Error ? (error.stack ?? error.message) : messageOf(error)]);
	} finally {
		await instance?.simulators.stop();
	}
	if (results.failed === 0) rmSync(work, { recursive: true, force: true });
	else console.log(`n8n's user folder and logs are kept in ${work}`);
	console.log(timings.line());
	console.log(results.summary());
	process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
}
