/**
 * `npm run check:pack [-- <tarball>]`: is this tarball one n8n can load? With no tarball, does what a new
 * user does on a clean clone: removes dist/ (so no earlier build can stand in for npm's prepack), runs a
 * plain `npm pack`, and checks the tarball it made. .ci/run runs it right after `npm ci`.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { ROOT } from './release/paths';
import { checkTarball } from './release/tarball';

function packPlain(destination: string): string {
	rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
	// Not --json: the prepack build prints to stdout too. npm's own lines go to the terminal.
	execFileSync('npm', ['pack', '--pack-destination', destination], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const [tarball] = readdirSync(destination).filter((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack wrote no tarball into ${destination}`);
	return join(destination, tarball);
}

const given = process.argv[2];
const scratch = given ? undefined : mkdtempSync(join(tmpdir(), 'check-pack-'));
try {
	const tarball = given ?? packPlain(scratch as string);
	const { files, problems } = checkTarball(tarball);
	console.log(`${tarball.replace(/^.*\//, '')}${given ? '' : ' (plain npm pack)'}: ${files.length} files${problems.length ? '' : ", every file of package.json's n8n block in it"}`);
	for (const problem of problems) console.error(`  ✗ ${problem}`);
	process.exitCode = problems.length ? 1 : 0;
} finally {
	if (scratch) rmSync(scratch, { recursive: true, force: true });
}
