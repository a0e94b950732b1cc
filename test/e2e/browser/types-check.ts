import type { PackedPackage } from '../lib/package';
import { packageTypes } from '../lib/package-types';
import { PACKAGE_NAME } from '../lib/paths';
import { restGet } from './editor';
import type { Page } from './playwright';

interface LoadedNode {
	name: string;
	iconUrl?: string | { light?: string; dark?: string };
}

async function iconAnswer(page: Page, url: string, path: string): Promise<string | undefined> {
	return await page.evaluate(
		async ({ base, target }: { base: string; target: string }) => {
			const res = await fetch(new URL(target, `${base}/`).href);
			const type = res.headers.get('content-type') ?? '';
			return res.ok && type.includes('svg') ? undefined : `${res.status} ${type}`;
		},
		{ base: url, target: path },
	);
}

/**
 * What n8n itself says it loaded (/types/nodes.json and /types/credentials.json, as the editor reads
 * them): every node and credential of the package's n8n block, named `<package>.<node>`, and each
 * node's light and dark icon served as SVG.
 */
export async function loadedTypeProblems(page: Page, url: string, packed: PackedPackage): Promise<string[]> {
	const expected = packageTypes(packed.n8n);
	const nodes = await restGet<LoadedNode[]>(page, '/types/nodes.json');
	const credentials = await restGet<Array<{ name: string }>>(page, '/types/credentials.json');
	const problems: string[] = [];
	for (const node of expected.nodes) {
		const type = `${PACKAGE_NAME}.${node.name}`;
		const loaded = nodes.find((candidate) => candidate.name === type);
		if (!loaded) {
			problems.push(`n8n did not load ${node.displayName} as ${type}`);
			continue;
		}
		const icons = typeof loaded.iconUrl === 'string' ? { light: loaded.iconUrl } : (loaded.iconUrl ?? {});
		for (const theme of ['light', 'dark'] as const) {
			const path = icons[theme];
			if (!path) problems.push(`${node.displayName} has no ${theme} icon`);
			else {
				const answer = await iconAnswer(page, url, path);
				if (answer) problems.push(`${node.displayName}'s ${theme} icon ${path} answered ${answer}`);
			}
		}
	}
	for (const credential of expected.credentials) {
		if (!credentials.some((candidate) => candidate.name === credential.name)) problems.push(`n8n did not load the credential ${credential.displayName} (${credential.name})`);
	}
	return problems;
}
