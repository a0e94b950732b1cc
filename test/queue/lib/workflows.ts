import type { INode, IConnections } from 'n8n-workflow';

import type { Example } from '../../e2e/lib/examples';
import { LOAD } from './sim-messages';

export interface QueueWorkflow {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings: Record<string, unknown>;
	active: boolean;
	[key: string]: unknown;
}

const link = (node: string, index = 0) => ({ node, type: 'main' as const, index });

function node(name: string, type: string, typeVersion: number, parameters: INode['parameters'], x: number, extra: Partial<INode> = {}): INode {
	return { id: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${x}`, name, type, typeVersion, position: [x, 0], parameters, ...extra };
}

function webhook(path: string, responseMode: 'responseNode' | 'onReceived'): INode {
	return node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode, options: {} }, 0, { webhookId: `queue-${path}` });
}

/** The example's node of this package, its settings as the example has them unless `options` changes some. */
function packageNodeOf(example: Example, options: Record<string, unknown> = {}): INode {
	const [original] = example.packageNodes;
	const parameters = { ...original.parameters, options: { ...(original.parameters.options as object), ...options } } as INode['parameters'];
	return { ...original, parameters, position: [440, 0], onError: 'continueRegularOutput' };
}

/**
 * What a user builds to take records from another system: a published Webhook, the records split
 * into items, the node (error items kept on the one output), and Respond to Webhook with one summary
 * line per item, so the caller knows what happened to each of its records.
 */
export function loadWorkflow(example: Example, options: Record<string, unknown> = {}, id = `q-load-${example.vendor}`, responseMode: 'responseNode' | 'onReceived' = 'responseNode'): QueueWorkflow {
	const target = packageNodeOf(example, options);
	const nodes = [
		webhook(id, responseMode),
		node('Records', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.records', include: 'noOtherFields', options: {} }, 220),
		target,
	];
	const connections: IConnections = { Webhook: { main: [[link('Records')]] }, Records: { main: [[link(target.name)]] } };
	if (responseMode === 'responseNode') {
		nodes.push(
			node('Respond to Webhook', 'n8n-nodes-base.respondToWebhook', 1.1, {
				respondWith: 'json',
				responseBody: '={{ JSON.stringify({ items: $input.all().map((item) => ({ ok: !item.json.error, error: item.json.error ?? null })) }) }}',
				options: {},
			}, 660),
		);
		connections[target.name] = { main: [[link('Respond to Webhook')]] };
	}
	return { id, name: `Queue: ${example.vendor} from a webhook`, nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}

/** The example as it is, with its manual trigger swapped for a Webhook that answers at once. */
export function exampleOnWebhook(example: Example): QueueWorkflow {
	const trigger = example.workflow.nodes.find((candidate) => candidate.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`${example.file} has no manual trigger`);
	const id = `q-ex-${example.vendor}`;
	const nodes = example.workflow.nodes.map((candidate) => (candidate === trigger ? { ...webhook(id, 'onReceived'), position: trigger.position } : candidate));
	const original = example.workflow.connections as IConnections;
	const connections: IConnections = Object.fromEntries(Object.entries(original).map(([from, value]) => [from === trigger.name ? 'Webhook' : from, value]));
	return { ...example.workflow, id, name: `Queue: ${example.workflow.name}`, nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}

/** Every few seconds one job, named after its execution, upserted into VBA: a schedule firing on a worker. */
export function scheduleWorkflow(vba: Example, seconds: number): QueueWorkflow {
	const target = packageNodeOf(vba);
	const nodes = [
		node('Schedule Trigger', 'n8n-nodes-base.scheduleTrigger', 1.2, { rule: { interval: [{ field: 'seconds', secondsInterval: seconds }] } }, 0),
		node('Job', 'n8n-nodes-base.set', 3.4, {
			mode: 'manual',
			assignments: {
				assignments: [
					{ id: 'a1', name: 'job_ID', value: '=SCHED-{{ $execution.id }}', type: 'string' },
					{ id: 'a2', name: 'description', value: 'Scheduled export', type: 'string' },
					{ id: 'a3', name: 'job_Type', value: 'EXPORT', type: 'string' },
				],
			},
			includeOtherFields: false,
			options: {},
		}, 220),
		target,
	];
	return {
		id: 'q-schedule-vba',
		name: 'Queue: VBA on a schedule',
		nodes,
		connections: { 'Schedule Trigger': { main: [[link('Job')]] }, Job: { main: [[link(target.name)]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** The records one webhook call carries, distinct across calls so each write can be told apart. */
export function recordsFor(vendor: string, call: number): Array<Record<string, unknown>> {
	switch (vendor) {
		case 'vba':
			return Array.from({ length: LOAD.vbaPerCall }, (_, n) => ({ job_ID: `Q${call}-${n}`, description: `Queue test ${call}/${n}`, job_Type: 'EXPORT' }));
		case 'bigchange':
			return Array.from({ length: LOAD.bigchangePerCall }, (_, n) => ({
				job: LOAD.bigchangeFirstJob + call * LOAD.bigchangePerCall + n,
				description: `Queue call ${call}`,
				minutes: 30 + n,
				reference: `Q${call}-${n}`,
				clear: [],
			}));
		case 'olconnect':
			return Array.from({ length: LOAD.olconnectPerCall }, (_, n) => ({ jobId: LOAD.olconnectFirstJob + call * LOAD.olconnectPerCall + n, status: 'mailed', batch: `Q${call}` }));
		case 'rightsline':
			return Array.from({ length: LOAD.rightslinePerCall }, (_, n) => ({
				charType: 'contact',
				title: `Queue contact ${call}-${n}`,
				templateId: 1,
				characteristics: { first_name: `Q${call}`, last_name: `N${n}`, department: 'Queue' },
			}));
		default:
			throw new Error(`no records for ${vendor}`);
	}
}

/** 20,000 jobs for the worker-kill scenario. */
export function bigVbaRecords(count: number): Array<Record<string, unknown>> {
	return Array.from({ length: count }, (_, n) => ({ job_ID: `BIG-${n}`, description: `Big run ${n}`, job_Type: 'IMPORT' }));
}
