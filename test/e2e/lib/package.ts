import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import { execOk, npmEnv } from './exec';
import { PACKAGE_NAME, ROOT } from './paths';

export interface PackedPackage {
	tarball: string;
	version: string;
	/** The `n8n` block of the packed package.json: what n8n will load. */
	n8n: { nodes: string[]; credentials: string[] };
}

/** `npm run build`, then `npm pack`: the tarball a user's n8n would download from npm. */
export async function buildAndPack(destination: string): Promise<PackedPackage> {
	await execOk('npm', ['run', 'build'], { cwd: ROOT, env: npmEnv(), timeoutMs: 10 * 60_000 });
	// prepack would build a second time; the build above is the one that counts.
	const { stdout } = await execOk('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: ROOT, env: npmEnv(), timeoutMs: 5 * 60_000 });
	const [packed] = JSON.parse(stdout) as Array<{ filename: string; version: string }>;
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: PackedPackage['n8n'] };
	return { tarball: join(destination, packed.filename), version: packed.version, n8n: manifest.n8n };
}

/**
 * Installs the tarball into `<user folder>/.n8n/nodes` as n8n 2.41's CommunityPackagesService does
 * (downloadPackage): unpack into node_modules/<name>, drop dev, peer and optional dependencies from
 * its package.json, `npm install` what is left with scripts off, and record it in the folder's
 * package.json. At start n8n scans nodes/node_modules for `n8n-nodes-*` and names the types
 * `<package>.<node>`.
 */
export async function installCommunityPackage(userFolder: string, packed: PackedPackage): Promise<string> {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const packageFolder = join(nodesFolder, 'node_modules', PACKAGE_NAME);
	// A fresh folder, as n8n's update does, so no file of an earlier build lingers.
	rmSync(packageFolder, { recursive: true, force: true });
	mkdirSync(packageFolder, { recursive: true });
	await execOk('tar', ['-xzf', packed.tarball, '-C', packageFolder, '--strip-components=1']);
	const manifestPath = join(packageFolder, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[field];
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	await execOk(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: packageFolder, env: npmEnv(), timeoutMs: 5 * 60_000 },
	);
	writeFileSync(join(nodesFolder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: packed.version } }, null, 2));
	return packageFolder;
}
