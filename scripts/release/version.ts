import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import { readJson, ROOT, type Manifest } from './paths';

interface Lockfile {
	version?: string;
	packages?: Record<string, { version?: string }>;
}

/**
 * The tag a release is built for: `--tag vX.Y.Z`, else the tag GitHub Actions was started by.
 * Undefined outside a tag (CI, a developer's dry run).
 */
export function releaseTag(argv: string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
	const at = argv.indexOf('--tag');
	if (at !== -1) return argv[at + 1];
	return env.GITHUB_REF_TYPE === 'tag' ? env.GITHUB_REF_NAME : undefined;
}

/**
 * One version everywhere a user or n8n reads it: package.json, package-lock.json, a CHANGELOG.md section,
 * and the tag when there is one. Returns the problems; empty when they agree.
 */
export function versionProblems(tag: string | undefined, root = ROOT): string[] {
	const { version } = readJson<Manifest>(join(root, 'package.json'));
	const problems: string[] = [];
	const lock = readJson<Lockfile>(join(root, 'package-lock.json'));
	for (const [where, value] of [
		['package-lock.json', lock.version],
		['package-lock.json (packages[""])', lock.packages?.['']?.version],
	] as const) {
		if (value !== version) problems.push(`${where} says ${String(value)}, package.json says ${version}: run \`npm install --package-lock-only --ignore-scripts\``);
	}
	const changelog = join(root, 'CHANGELOG.md');
	const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm');
	if (!existsSync(changelog) || !heading.test(readFileSync(changelog, 'utf8'))) {
		problems.push(`CHANGELOG.md has no "## [${version}]" section: say what this version changes for a user`);
	}
	if (tag !== undefined && tag !== `v${version}`) {
		problems.push(`the tag is ${tag} but package.json's version is ${version}: tag v${version}, or set the version with \`npm version <x.y.z> --no-git-tag-version\``);
	}
	return problems;
}
