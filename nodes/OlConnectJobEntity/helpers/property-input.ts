import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import type { Checked } from './checked';
import type { PropertyChange } from './name-value';
import { toWireValue } from './wire-value';

export type PropertiesSource = 'define' | 'fields' | 'field';

interface DefinedProperty {
	name?: unknown;
	value?: unknown;
}

const DEFINED = 'properties.property';

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(hasExpression);
	return false;
}

function changeFrom(name: unknown, value: unknown, where: string): Checked<PropertyChange> {
	if (typeof name !== 'string' || name.trim() === '') return { problem: `${where} has no property name` };
	const wire = toWireValue(value);
	if ('problem' in wire) return { problem: `property "${name}" ${wire.problem}` };
	return { ok: { name: name.trim(), value: wire.ok } };
}

/** `{ name: value }`, `[{ name, value }]`, or either as JSON text: what Get Properties puts out. */
function fromHolder(holder: unknown, field: string): Checked<PropertyChange[]> {
	let value = holder;
	if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			return { problem: `the field "${field}" holds text that is not valid JSON` };
		}
	}
	const changes: PropertyChange[] = [];
	if (Array.isArray(value)) {
		for (const [position, entry] of (value as unknown[]).entries()) {
			const pair = (typeof entry === 'object' && entry !== null ? entry : {}) as DefinedProperty;
			const change = changeFrom(pair.name, pair.value, `entry ${position + 1} of the field "${field}"`);
			if ('problem' in change) return change;
			changes.push(change.ok);
		}
		return { ok: changes };
	}
	if (typeof value === 'object' && value !== null) return fromObject(value as IDataObject, new Set());
	return {
		problem:
			value === undefined
				? `the field "${field}" is missing; it should hold the properties as {"name": "value"} or [{"name": …, "value": …}]`
				: `the field "${field}" must hold {"name": "value"} or [{"name": …, "value": …}], not ${typeof value === 'string' ? 'text' : typeof value}`,
	};
}

function fromObject(json: IDataObject, leaveOut: ReadonlySet<string>): Checked<PropertyChange[]> {
	const changes: PropertyChange[] = [];
	for (const name in json) {
		if (leaveOut.has(name)) continue;
		const value = json[name];
		// Text is by far the most common value; it needs no conversion and no checks.
		if (typeof value === 'string' && name.trim() === name && name !== '') {
			changes.push({ name, value });
			continue;
		}
		const change = changeFrom(name, value, 'a field');
		if ('problem' in change) return change;
		changes.push(change.ok);
	}
	return { ok: changes };
}

/**
 * Reads the properties an item asks to set, from one of three places: name/value pairs defined in
 * the node (expressions allowed), every field of the input item but the job ID, or one input field
 * holding them. Expression-free definitions are read once per run, not once per item.
 */
export class PropertyInput {
	private readonly source: PropertiesSource;
	private readonly fixed: DefinedProperty[] | undefined;
	private readonly holder: string;
	private readonly leaveOut: Set<string>;

	constructor(
		private readonly context: IExecuteFunctions,
		node: INode,
		jobIdField: string | undefined,
	) {
		this.source = context.getNodeParameter('propertiesSource', 0, 'define') as PropertiesSource;
		const raw = (node.parameters.properties as IDataObject | undefined)?.property;
		this.fixed = this.source === 'define' && !hasExpression(raw) ? (context.getNodeParameter(DEFINED, 0, []) as DefinedProperty[]) : undefined;
		this.holder = this.source === 'field' ? String(context.getNodeParameter('inputField', 0, 'properties')).trim() : '';
		const named = this.source === 'fields' ? String(context.getNodeParameter('fieldsToLeaveOut', 0, '')) : '';
		this.leaveOut = new Set(named.split(',').map((name) => name.trim()).filter(Boolean));
		if (jobIdField !== undefined) this.leaveOut.add(jobIdField);
	}

	/** The input field a problem is about, for the failed item's `details.field`: the holder field, if one is read. */
	get field(): string | undefined {
		return this.source === 'field' ? this.holder : undefined;
	}

	read(itemIndex: number, item: INodeExecutionData): Checked<PropertyChange[]> {
		const changes = this.changes(itemIndex, item);
		if ('problem' in changes) return changes;
		if (changes.ok.length === 0) return { problem: this.emptyProblem() };
		return changes;
	}

	private changes(itemIndex: number, item: INodeExecutionData): Checked<PropertyChange[]> {
		if (this.source === 'fields') return fromObject(item.json, this.leaveOut);
		if (this.source === 'field') return fromHolder(item.json[this.holder], this.holder);
		const defined = this.fixed ?? (this.context.getNodeParameter(DEFINED, itemIndex, []) as DefinedProperty[]);
		const changes: PropertyChange[] = [];
		for (const [position, entry] of defined.entries()) {
			const change = changeFrom(entry.name, entry.value, `entry ${position + 1} of "Properties"`);
			if ('problem' in change) return change;
			changes.push(change.ok);
		}
		return { ok: changes };
	}

	private emptyProblem(): string {
		if (this.source === 'fields') return 'the item has no fields to set as properties (besides the job ID)';
		if (this.source === 'field') return `the field "${this.holder}" holds no properties`;
		return 'no properties to set: add at least one under "Properties"';
	}
}
