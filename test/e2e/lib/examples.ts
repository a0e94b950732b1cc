import { createHash } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { basename, join } from 'path';
import type { INode } from 'n8n-workflow';

import { EXAMPLES, PACKAGE_NAME } from './paths';

export interface Example {
	file: string;
	/** `vba` for `vba-upsert-jobs.json`: the vendor whose simulator and credential it needs. */
	vendor: string;
	/** Fixed, so a run can be executed by ID; n8n accepts at most 21 characters. */
	id: string;
	workflow: { id: string; name: string; nodes: INode[]; [key: string]: unknown };
	/** The nodes of this package in the workflow. */
	packageNodes: INode[];
	/** Credential references the workflow's nodes hold: type → { id, name }. */
	credentialRefs: Array<{ type: string; id: string; name: string }>;
}

/**
 * `examples/agent-*.json`: an AI Agent with the nodes as its tools. It needs a chat model besides the
 * vendors' simulators, so test/e2e/agent runs it instead of the per-vendor loop.
 */
export const isAgentExample = (example: Pick<Example, 'vendor'>) => example.vendor === 'agent';

/** The file's stem, cut to n8n's 21 characters; a hash tells apart two stems that cut the same. */
function workflowId(file: string, taken: Set<string>): string {
	const stem = basename(file, '.json').replace(/[^A-Za-z0-9]+/g, '-');
	const short = stem.slice(0, 21).replace(/-+$/, '');
	const id = taken.has(short) ? `${stem.slice(0, 14)}-${createHash('sha1').update(file).digest('hex').slice(0, 6)}` : short;
	taken.add(id);
	return id;
}

/** Every `examples/*.json`, each given a fixed ID; new examples join the suite by being there. */
export function loadExamples(): Example[] {
	const files = readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.json'))
		.sort();
	const taken = new Set<string>();
	return files.map((file) => {
		const parsed = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as { name: string; nodes: INode[] };
		const id = workflowId(file, taken);
		const credentialRefs = parsed.nodes.flatMap((node) =>
			Object.entries(node.credentials ?? {}).map(([type, ref]) => ({ type, id: String(ref.id), name: ref.name })),
		);
		return {
			file,
			vendor: file.split('-')[0],
			id,
			workflow: { ...parsed, id },
			packageNodes: parsed.nodes.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`)),
			credentialRefs,
		};
	});
}
