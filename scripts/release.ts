/**
 * `npm run release`: the one path from a commit to npm, the same whether a tag starts it in GitHub Actions
 * (.github/workflows/publish.yml) or a developer runs it. It builds itself rather than leave it to npm's
 * prepack (which a plain `npm pack` runs; `npm run check:pack` checks that path), so it can build clean:
 *   1. the version agrees (package.json, package-lock.json, CHANGELOG.md, and the tag when there is one);
 *   2. a clean build (dist/ removed first, so no file of an earlier build ships);
 *   3. `npm pack` into .cache/release/, and the tarball checked: every file the n8n block names, icons,
 *      nothing stray;
 *   4. n8n's verification scanner over the source and over that tarball: no finding;
 *   5. `npm publish <that tarball> --provenance --access public`.
 * `--dry-run` does 1–4 and runs step 5 as npm's own dry run, printing the command a tag would run.
 * `--publish` really publishes; it refuses outside GitHub Actions, since n8n verifies only packages
 * published there with an npm provenance statement. `--tag vX.Y.Z` checks a tag by hand.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, rmSync } from 'fs';
import { join } from 'path';

import { manifest, RELEASE_DIR, ROOT } from './release/paths';
import { repositoryProblems } from './release/repository';
import { scanSource, scanTarball } from './release/scan';
import { checkTarball } from './release/tarball';
import { describeVerdict } from './scan';
import { releaseTag, versionProblems } from './release/version';

const argv = process.argv.slice(2);
const publish = argv.includes('--publish');
const dryRun = !publish;

function step(name: string): void {
	console.log(`\n-- ${name}`);
}

function fail(problems: string[]): never {
	for (const problem of problems) console.error(`  ✗ ${problem}`);
	console.error('\nrelease stopped: nothing was published');
	process.exit(1);
}

function npm(args: string[]): string {
	return execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

async function main(): Promise<void> {
	const pkg = manifest();
	const tag = releaseTag(argv);
	console.log(`release ${pkg.name}@${pkg.version}${tag ? ` for tag ${tag}` : ' (no tag)'}${dryRun ? ', dry run' : ''}`);

	step('1. version');
	const versionIssues = versionProblems(tag);
	if (versionIssues.length) fail(versionIssues);
	console.log(`  package.json, package-lock.json and CHANGELOG.md say ${pkg.version}${tag ? `, as does ${tag}` : ''}`);

	step('2. clean build');
	rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
	npm(['run', '--silent', 'build']);
	console.log('  dist/ built from the sources');

	step('3. pack and check the tarball');
	rmSync(RELEASE_DIR, { recursive: true, force: true });
	mkdirSync(RELEASE_DIR, { recursive: true });
	// Built above: --ignore-scripts keeps prepack from building a second time.
	const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', RELEASE_DIR])) as Array<{ filename: string; size: number }>;
	const tarball = join(RELEASE_DIR, packed.filename);
	const report = checkTarball(tarball);
	console.log(`  ${packed.filename}: ${report.files.length} files, ${(packed.size / 1024).toFixed(0)} kB`);
	if (report.problems.length) fail(report.problems);
	const entryPoints = (pkg.n8n?.nodes?.length ?? 0) + (pkg.n8n?.credentials?.length ?? 0);
	console.log(`  all ${entryPoints} files of the n8n block are in it, each node with its icon; nothing else but dist/ and the front door`);

	step("4. n8n's scanner (@n8n/scan-community-package)");
	const verdicts = [await scanSource(ROOT), await scanTarball(tarball)];
	for (const verdict of verdicts) console.log(describeVerdict(verdict).replace(/^/gm, '  '));
	if (verdicts.some((verdict) => !verdict.clean)) fail(['the scanner found problems (above); n8n would refuse to verify this package']);

	step('5. publish');
	const repoIssues = repositoryProblems(pkg, process.env);
	const command = ['publish', tarball, '--provenance', '--access', 'public'];
	if (dryRun) {
		for (const issue of repoIssues) console.log(`  note: ${issue}`);
		console.log(`  a tag would run: npm ${command.join(' ').replace(ROOT + '/', '')}`);
		// npm's own dry run of that tarball (provenance needs GitHub's OIDC token, so it is left off here);
		// its summary, not its list of every file.
		const dry = spawnSync('npm', ['publish', tarball, '--access', 'public', '--dry-run', '--loglevel=notice'], { cwd: ROOT, encoding: 'utf8' });
		const said = `${dry.stdout}\n${dry.stderr}`.split('\n');
		const summary = said.slice(said.findIndex((line) => line.includes('Tarball Details'))).filter((line) => line.trim() && line.trim() !== 'npm notice');
		console.log(summary.map((line) => `    ${line}`).join('\n'));
		if (dry.status !== 0) fail([`npm publish --dry-run exited with ${String(dry.status)}`]);
		console.log('  dry run: nothing was published');
		return;
	}
	if (!process.env.GITHUB_ACTIONS) fail(['--publish runs only in GitHub Actions (publish.yml on a v* tag): n8n verifies only packages published with provenance']);
	if (!tag) fail(['--publish needs a tag (vX.Y.Z)']);
	if (repoIssues.length) fail(repoIssues);
	execFileSync('npm', command, { cwd: ROOT, stdio: 'inherit' });
	console.log(`  published ${pkg.name}@${pkg.version} with provenance`);
}

main().catch((error: unknown) => fail([error instanceof Error ? error.message : String(error)]));
