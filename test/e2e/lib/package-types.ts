import { join } from 'path';

import { ROOT } from './paths';

export interface PackageTypes {
	/** Node type names without the package prefix, e.g. `vbaBatchUpsert`. */
	nodes: Array<{ name: string; displayName: string }>;
	credentials: Array<{ name: string; displayName: string }>;
}

type Described = { description?: { name?: string; displayName?: string }; name?: string; displayName?: string };

function instances(file: string): Described[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(join(ROOT, file)) as Record<string, unknown>;
	return Object.values(exported)
		.filter((value): value is new () => Described => typeof value === 'function')
		.map((Type) => new Type());
}

/** What the built package declares in its `n8n` block, read from the classes in dist/. */
export function packageTypes(n8n: { nodes: string[]; credentials: string[] }): PackageTypes {
	return {
		nodes: n8n.nodes.flatMap(instances).map((node) => ({ name: node.description?.name ?? '', displayName: node.description?.displayName ?? '' })),
		credentials: n8n.credentials.flatMap(instances).map((credential) => ({ name: credential.name ?? '', displayName: credential.displayName ?? '' })),
	};
}
