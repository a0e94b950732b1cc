import { join } from 'path';

import { vendors, type E2eVendor } from '../vendors';
import { isAgentExample, loadExamples, type Example } from './examples';
import { N8n, type CredentialImport } from './n8n';
import { buildAndPack, installCommunityPackage, type PackedPackage } from './package';
import { prepareRuntime } from './prepare';
import { Simulators } from './simulators';
import type { Timings } from './timings';

export interface Instance {
	n8n: N8n;
	packed: PackedPackage;
	simulators: Simulators;
	examples: Example[];
	credentials: CredentialImport[];
	/** Problems found while setting up that belong to one example (say, a credential ID that is not `demo-<vendor>`). */
	exampleProblems: Map<string, string[]>;
	notes: string[];
}

function credentialFor(vendor: E2eVendor, data: CredentialImport['data']): CredentialImport {
	return { id: `demo-${vendor.vendor}`, name: vendor.credentialName, type: vendor.credentialType, data };
}

/** What an example expects of the credentials and simulators, checked before anything runs. */
function exampleProblems(example: Example): string[] {
	if (!isAgentExample(example) && !vendors.some((candidate) => candidate.vendor === example.vendor)) return [`no e2e vendor module for "${example.vendor}" in test/e2e/vendors`];
	return example.credentialRefs.flatMap((ref) => {
		const vendor = vendors.find((candidate) => candidate.credentialType === ref.type);
		return vendor && ref.id !== `demo-${vendor.vendor}` ? [`its ${ref.type} credential is "${ref.id}"; the simulator's credential is demo-${vendor.vendor}`] : [];
	});
}

/**
 * An n8n instance as a user would have it: Node 24 and n8n from the cache, this package built,
 * packed and installed as a community package, the simulators running, a `demo-<vendor>`
 * credential for each, and (when asked) every example imported.
 */
export async function prepareInstance(options: {
	timings: Timings;
	userFolder: string;
	workFolder: string;
	fixedPorts?: boolean;
	importExamples?: boolean;
}): Promise<Instance> {
	const { timings } = options;
	const runtime = await prepareRuntime(timings);
	const packed = await timings.time('build + pack', async () => await buildAndPack(options.workFolder));
	await timings.time('install into n8n', async () => await installCommunityPackage(options.userFolder, packed));
	const n8n = new N8n(runtime, options.userFolder);

	const examples = loadExamples();
	const notes: string[] = [];
	for (const vendor of vendors) {
		if (!examples.some((example) => example.vendor === vendor.vendor)) notes.push(`no example workflow for ${vendor.vendor} (examples/${vendor.vendor}-*.json)`);
		const shipped = packed.n8n.nodes.some((path) => path.toLowerCase().includes(vendor.vendor));
		if (!shipped) notes.push(`the package's n8n block lists no node for ${vendor.vendor} (${vendor.nodeDisplayName})`);
	}

	const simulators = await timings.time('start simulators', async () => await Simulators.start({ vendors: vendors.map((vendor) => vendor.vendor), fixedPorts: options.fixedPorts ?? false }));
	try {
		const credentials = vendors.map((vendor) => credentialFor(vendor, simulators.credentials[vendor.vendor]));
		await timings.time('import credentials', async () => await n8n.importCredentials(credentials));
		if (options.importExamples ?? true) {
			await timings.time('import workflows', async () => await n8n.importWorkflows(examples.map((example) => example.workflow)));
		}
		return {
			n8n,
			packed,
			simulators,
			examples,
			credentials,
			exampleProblems: new Map(examples.map((example) => [example.file, exampleProblems(example)])),
			notes,
		};
	} catch (error) {
		await simulators.stop();
		throw error;
	}
}

export const userFolderIn = (workFolder: string) => join(workFolder, 'n8n-user');
