import { readFileSync } from 'fs';
import { join, resolve } from 'path';

export const ROOT = resolve(__dirname, '..', '..');
/** Git-ignored: the release's tarball and the scanner's unpacked copy land here. */
export const RELEASE_DIR = join(ROOT, '.cache', 'release');

export interface Manifest {
	name: string;
	version: string;
	author?: { name?: string; email?: string } | string;
	repository?: { url?: string } | string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

export function readJson<T>(file: string): T {
	return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export const manifest = (): Manifest => readJson<Manifest>(join(ROOT, 'package.json'));

/** Every file the `n8n` block names: what n8n loads from the installed package. */
export function n8nEntryPoints(pkg: Manifest): string[] {
	return [...(pkg.n8n?.credentials ?? []), ...(pkg.n8n?.nodes ?? [])];
}
