import { execFileSync } from 'child_process';

import { n8nEntryPoints, type Manifest } from './paths';

export interface TarballReport {
	files: string[];
	problems: string[];
	manifest: Manifest;
}

/** What the tarball itself holds (npm puts everything under `package/`), not what npm said it would pack. */
export function tarballFiles(tarball: string): string[] {
	return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
		.split('\n')
		.filter((line) => line && !line.endsWith('/'))
		.map((line) => line.replace(/^package\//, ''));
}

const frontDoor = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];

/**
 * A tarball n8n can load: every file its own package.json's `n8n` block names is in it, each with the icon
 * n8n shows beside it, and nothing but the built package and its front-door files.
 */
export function checkTarball(tarball: string): TarballReport {
	const files = tarballFiles(tarball);
	const packed = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Manifest;
	const present = new Set(files);
	const problems: string[] = [];
	const entryPoints = n8nEntryPoints(packed);
	if (!entryPoints.length) problems.push('package.json has no n8n block naming nodes and credentials');
	const missing = entryPoints.filter((file) => !present.has(file));
	if (missing.length) problems.push(`missing what package.json's n8n block names (${missing.length} of ${entryPoints.length}): ${missing.join(', ')}. npm packed without building: its prepack did not run (scripts turned off by --ignore-scripts or an npmrc, or npm older than 11.19.1). Build first: \`npm run release -- --dry-run\` builds, packs and checks`);
	for (const node of packed.n8n?.nodes ?? []) {
		const folder = node.slice(0, node.lastIndexOf('/') + 1);
		if (present.has(node) && !files.some((file) => file.startsWith(folder) && /\.(svg|png)$/.test(file))) problems.push(`no icon beside ${node}`);
	}
	const stray = files.filter((file) => !file.startsWith('dist/') && !frontDoor.includes(file));
	if (stray.length) problems.push(`not part of the package: ${stray.join(', ')}`);
	const tests = files.filter((file) => /\.test\.(js|d\.ts)$/.test(file));
	if (tests.length) problems.push(`test files in dist/: ${tests.join(', ')}`);
	return { files, problems, manifest: packed };
}
