/**
 * `npm run check:pack [-- <tarball>]`: is this tarball one n8n can load? With no tarball, packs this tree as
 * a plain `npm pack` would (the repo's .npmrc has ignore-scripts=true, so npm's prepack does not build) and
 * checks that: on a clean clone it stops and says to run `npm run release -- --dry-run`, which builds first.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { ROOT } from './release/paths';
import { checkTarball } from './release/tarball';

function packPlain(destination: string): string {
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Array<{ filename: string }>;
	return join(destination, packed.filename);
}

const given = process.argv[2];
const scratch = given ? undefined : mkdtempSync(join(tmpdir(), 'check-pack-'));
try {
	const tarball = given ?? packPlain(scratch as string);
	const { files, problems } = checkTarball(tarball);
	console.log(`${tarball.replace(/^.*\//, '')}: ${files.length} files`);
	for (const problem of problems) console.error(`  ✗ ${problem}`);
	process.exitCode = problems.length ? 1 : 0;
} finally {
	if (scratch) rmSync(scratch, { recursive: true, force: true });
}
