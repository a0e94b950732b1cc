import { execFile } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import type { ScanVerdict } from '../../scripts/release/scan';

/**
 * The scanner is ESM, which jest's CommonJS runtime cannot load: run the CLI the release runs, with jest's
 * NODE_ENV=test, which n8n's rule plugin reads (the scan must not).
 */
async function scanSource(dir: string): Promise<ScanVerdict & { exitCode: number }> {
	return await new Promise((resolve, reject) => {
		execFile('npx', ['tsx', 'scripts/scan.ts', 'source', dir, '--json'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test' } }, (error, stdout, stderr) => {
			try {
				resolve({ ...(JSON.parse(stdout) as ScanVerdict), exitCode: error ? Number(error.code) : 0 });
			} catch {
				reject(new Error(`scan printed no verdict: ${stdout}\n${stderr}`));
			}
		});
	});
}

const ROOT = join(__dirname, '..', '..');
let work: string;
// The package's own source, as the scanner lints it in the attested commit; each test changes one thing.
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), 'scan-'));
	for (const part of ['package.json', 'nodes', 'credentials']) cpSync(join(ROOT, part), join(work, part), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function edit(file: string, from: string, to: string): void {
	const text = readFileSync(join(work, file), 'utf8');
	expect(text).toContain(from);
	writeFileSync(join(work, file), text.replace(from, to));
}

describe("n8n's scanner in CI: a finding fails the release", () => {
	it('honours no eslint-disable comment, as n8n runs it', async () => {
		edit('nodes/shared/request-options.ts', 'default: timeoutSeconds,', 'default: profile.defaults.timeoutSeconds, // eslint-disable-line n8n-nodes-base/node-param-default-missing');
		const verdict = await scanSource(work);
		expect(verdict.passedByN8n).toBe(false);
		expect(verdict.clean).toBe(false);
		expect(verdict.exitCode).toBe(1);
		expect(verdict.report).toContain('nodes/shared/request-options.ts');
		expect(verdict.report).toContain('node-param-default-missing');
	});

	it('fails on a warning that n8n itself lets pass', async () => {
		edit('credentials/RightslineApi.credentials.ts', "name: 'accessKey',\n\t\t\ttype: 'string',", "name: 'accessKey',\n\t\t\ttype: 'string',\n\t\t\ttypeOptions: { password: true },");
		const verdict = await scanSource(work);
		expect(verdict.passedByN8n).toBe(true);
		expect(verdict.clean).toBe(false);
		expect(verdict.exitCode).toBe(1);
		expect(verdict.report).toContain('credentials/RightslineApi.credentials.ts');
		expect(verdict.report).toContain('warning');
		expect(verdict.report).toContain('credential-unnecessary-password');
	});
});
