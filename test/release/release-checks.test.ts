import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import { manifest, ROOT } from '../../scripts/release/paths';
import { repositoryProblems } from '../../scripts/release/repository';
import { checkTarball } from '../../scripts/release/tarball';
import { releaseTag, versionProblems } from '../../scripts/release/version';
import { npmEnv } from '../e2e/lib/exec';

const n8nBlock = {
	n8nNodesApiVersion: 1,
	credentials: ['dist/credentials/DemoApi.credentials.js'],
	nodes: ['dist/nodes/Demo/Demo.node.js'],
};

let work: string;
beforeEach(() => {
	work = mkdtempSync(join(tmpdir(), 'release-checks-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function write(file: string, text = ''): void {
	mkdirSync(dirname(join(work, file)), { recursive: true });
	writeFileSync(join(work, file), text);
}

/** A package folder as a clone holds it, packed by npm itself with scripts off (--ignore-scripts, or an npmrc saying so). */
function pack(files: string[], manifest: object = {}): string {
	write('package.json', JSON.stringify({ name: 'n8n-nodes-demo', version: '1.2.3', files: ['dist'], n8n: n8nBlock, ...manifest }));
	write('README.md', '# demo');
	for (const file of files) write(file, '// built');
	const out = join(work, 'out');
	mkdirSync(out);
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: work, encoding: 'utf8' })) as Array<{ filename: string }>;
	return join(out, packed.filename);
}

const built = ['dist/credentials/DemoApi.credentials.js', 'dist/nodes/Demo/Demo.node.js', 'dist/nodes/Demo/demo.svg'];

describe('defect: a clean clone packs an empty package', () => {
	it('refuses the tarball npm packs before a build, naming every missing entry point and what to run', () => {
		const report = checkTarball(pack([], { scripts: { prepack: 'npm run build' } }));
		expect(report.files.sort()).toEqual(['README.md', 'package.json']);
		expect(report.problems.join('\n')).toContain("missing what package.json's n8n block names (2 of 2): dist/credentials/DemoApi.credentials.js, dist/nodes/Demo/Demo.node.js");
		expect(report.problems.join('\n')).toContain('npm run release -- --dry-run');
	});

	it("packs a full package from a folder with no build, under this repo's npm settings: npm's prepack builds", () => {
		// The repo's .npmrc and its package.json's npm policy (allowScripts, devEngines); its prepack builds dist/.
		copyFileSync(join(ROOT, '.npmrc'), join(work, '.npmrc'));
		const { allowScripts, devEngines } = manifest() as { allowScripts?: object; devEngines?: object };
		const build = `const fs = require('fs'); for (const f of ${JSON.stringify(built)}) { fs.mkdirSync(require('path').dirname(f), { recursive: true }); fs.writeFileSync(f, '// built'); }`;
		write('build.js', build);
		write('package.json', JSON.stringify({ name: 'n8n-nodes-demo', version: '1.2.3', files: ['dist'], n8n: n8nBlock, scripts: { prepack: 'node build.js' }, allowScripts, devEngines }));
		write('README.md', '# demo');
		const out = join(work, 'out');
		mkdirSync(out);
		// No npm_* variables of the npm that started jest: only the folder's own settings count.
		execFileSync('npm', ['pack', '--pack-destination', out], { cwd: work, env: npmEnv(), stdio: 'ignore' });
		const report = checkTarball(join(out, readdirSync(out)[0]));
		expect(report.problems).toEqual([]);
		expect(report.files.sort()).toEqual(['README.md', ...built, 'package.json'].sort());
	});

	it('passes a built tarball with every entry point and its icon', () => {
		const report = checkTarball(pack(built));
		expect(report.problems).toEqual([]);
		expect(report.files).toHaveLength(5);
	});

	it('names a node that ships without an icon, and files outside dist/', () => {
		const report = checkTarball(pack(built.slice(0, 2).concat('src/Demo.ts'), { files: ['dist', 'src'] }));
		expect(report.problems).toEqual(['no icon beside dist/nodes/Demo/Demo.node.js', 'not part of the package: src/Demo.ts']);
	});

	it('refuses a package.json without an n8n block', () => {
		expect(checkTarball(pack(built, { n8n: undefined })).problems).toContain('package.json has no n8n block naming nodes and credentials');
	});
});

describe('release version: package.json, lock, CHANGELOG and tag agree', () => {
	function repo(version: { pkg: string; lock: string; changelog: string }): void {
		write('package.json', JSON.stringify({ name: 'n8n-nodes-demo', version: version.pkg }));
		write('package-lock.json', JSON.stringify({ version: version.lock, packages: { '': { version: version.lock } } }));
		write('CHANGELOG.md', `# Changelog\n\n## [Unreleased]\n\n## [${version.changelog}]\n\n- first\n`);
	}

	it('agrees when all four say the same', () => {
		repo({ pkg: '1.2.3', lock: '1.2.3', changelog: '1.2.3' });
		expect(versionProblems('v1.2.3', work)).toEqual([]);
		expect(versionProblems(undefined, work)).toEqual([]);
	});

	it('refuses a tag that is not the package version', () => {
		repo({ pkg: '1.2.3', lock: '1.2.3', changelog: '1.2.3' });
		expect(versionProblems('v1.2.4', work)).toEqual([expect.stringContaining("the tag is v1.2.4 but package.json's version is 1.2.3")]);
	});

	it('refuses a version the CHANGELOG has no section for, and a stale lockfile', () => {
		repo({ pkg: '1.3.0', lock: '1.2.3', changelog: '1.2.3' });
		const problems = versionProblems(undefined, work).join('\n');
		expect(problems).toContain('package-lock.json says 1.2.3, package.json says 1.3.0');
		expect(problems).toContain('CHANGELOG.md has no "## [1.3.0]" section');
	});

	it('reads the tag from --tag, else from the tag GitHub Actions runs for', () => {
		expect(releaseTag(['--dry-run', '--tag', 'v9.9.9'], {})).toBe('v9.9.9');
		expect(releaseTag([], { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.0.0' })).toBe('v1.0.0');
		expect(releaseTag([], { GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' })).toBeUndefined();
	});
});

describe('release repository: npm provenance and n8n verification tie the package to its GitHub repository', () => {
	const pkg = { name: 'n8n-nodes-demo', version: '1.0.0', author: { name: 'Demo', email: 'demo@example.com' }, repository: { type: 'git', url: 'git+https://github.com/acme/n8n-nodes-demo.git' } };

	it('agrees when the workflow runs in the repository package.json names', () => {
		expect(repositoryProblems(pkg, { GITHUB_REPOSITORY: 'acme/n8n-nodes-demo' })).toEqual([]);
	});

	it('refuses to publish from another repository, whose provenance npm would reject', () => {
		expect(repositoryProblems(pkg, { GITHUB_REPOSITORY: 'someone/fork' })).toEqual([expect.stringContaining('package.json\'s repository is acme/n8n-nodes-demo but this workflow runs in someone/fork')]);
	});

	it('refuses a package without an author or a GitHub repository', () => {
		expect(repositoryProblems({ name: 'x', version: '1.0.0', repository: 'https://gitlab.com/acme/x' }, { GITHUB_REPOSITORY: 'acme/x' })).toEqual([
			'package.json names no author',
			"package.json's repository URL (https://gitlab.com/acme/x) is not a GitHub repository",
		]);
	});
});
