/**
 * `npm run dev`: try the nodes in n8n's editor without any vendor account. Starts the four vendor
 * simulators on fixed ports, and n8n 2.41.1 on 127.0.0.1 with this package built, packed and
 * installed as a community package, a `<Vendor> (simulator)` credential for each, the examples
 * imported and an owner account set up. Prints the URL and the login; Ctrl-C stops everything.
 * n8n's data lives in .cache/dev/ and survives restarts: your own workflows stay, the package is
 * rebuilt from the working tree on every start. `--port N` picks n8n's port (default 5678).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { prepareInstance, type Instance } from '../test/e2e/lib/instance';
import { OWNER, type N8nServer } from '../test/e2e/lib/n8n';
import { CACHE } from '../test/e2e/lib/paths';
import { exitOnSignals } from '../test/e2e/lib/signals';
import { Timings } from '../test/e2e/lib/timings';
import { vendors } from '../test/e2e/vendors';

const DEV = join(CACHE, 'dev');
const USER_FOLDER = join(DEV, 'n8n-user');
// Examples already imported once: re-importing would overwrite what the user changed in them.
const IMPORTED = join(DEV, 'imported-examples.json');

function portArgument(): number {
	const at = process.argv.indexOf('--port');
	const port = at === -1 ? 5678 : Number(process.argv[at + 1]);
	if (!Number.isInteger(port) || port <= 0) throw new Error('--port needs a port number');
	return port;
}

function importedBefore(): string[] {
	return existsSync(IMPORTED) ? (JSON.parse(readFileSync(IMPORTED, 'utf8')) as string[]) : [];
}

async function importNewExamples(instance: Instance): Promise<void> {
	const before = importedBefore();
	const fresh = instance.examples.filter((example) => !before.includes(example.id));
	if (fresh.length) await instance.n8n.importWorkflows(fresh.map((example) => example.workflow));
	writeFileSync(IMPORTED, JSON.stringify([...before, ...fresh.map((example) => example.id)], null, 2));
}

function printWelcome(server: N8nServer, instance: Instance): void {
	const lines = [
		'',
		`n8n ${server.url}`,
		`  login: ${OWNER.email} / ${OWNER.password}`,
		'',
		'Credentials (already set up, pointing at the simulators):',
		...vendors.map((vendor) => {
			const data = instance.simulators.credentials[vendor.vendor] ?? {};
			const address = String(data.baseUrl ?? data.serverUrl ?? data.customUrl ?? '');
			return `  ${vendor.credentialName.padEnd(24)} ${address}`;
		}),
		'',
		'Example workflows (open one and press Execute workflow):',
		...instance.examples.map((example) => `  ${server.url}/workflow/${example.id}  ${example.workflow.name}`),
		'',
		`n8n's log: ${server.logFile}`,
		'Ctrl-C stops n8n and the simulators.',
	];
	console.log(lines.join('\n'));
}

async function main(): Promise<void> {
	const port = portArgument();
	mkdirSync(DEV, { recursive: true });
	const timings = new Timings();
	console.log('Preparing n8n (the first start installs n8n 2.41.1 and Node 24 into .cache/, a few minutes)…');
	const instance = await prepareInstance({ timings, userFolder: USER_FOLDER, workFolder: DEV, fixedPorts: true, importExamples: false });
	let server: N8nServer | undefined;
	exitOnSignals(async () => {
		console.log('\nStopping n8n and the simulators…');
		await server?.stop();
		await instance.simulators.stop();
	});
	try {
		await importNewExamples(instance);
		for (const note of instance.notes) console.log(`note: ${note}`);
		server = await timings.time('n8n start', async () => await instance.n8n.start(port));
		await server.setupOwner();
	} catch (error) {
		await server?.stop();
		await instance.simulators.stop();
		throw error;
	}
	console.log(timings.line());
	printWelcome(server, instance);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
