import type { IExecuteFunctions, INode, INodeExecutionData, NodeParameterValueType } from 'n8n-workflow';

/** `={{ $json.field }}` or `={{ $json["field"] }}`, and nothing more. */
const PLAIN_FIELD = /^=\s*\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'])([^"'\\]+)\2\s*\])\s*\}\}\s*$/;

/** How to build a parameter's value for one item without the expression engine. */
type Plan =
	| { kind: 'constant'; value: unknown }
	| { kind: 'field'; name: string }
	| { kind: 'list'; entries: Plan[] }
	| { kind: 'object'; entries: Array<[string, Plan]> };

/** What `build` gives when an item's value is not a plain JSON scalar: that item goes through the engine. */
const NEEDS_ENGINE = Symbol('needs engine');

function compile(raw: unknown): Plan | undefined {
	if (typeof raw === 'string' && raw.startsWith('=')) {
		const match = PLAIN_FIELD.exec(raw);
		return match ? { kind: 'field', name: match[1] ?? match[3] } : undefined;
	}
	if (Array.isArray(raw)) {
		const entries: Plan[] = [];
		for (const entry of raw as unknown[]) {
			const plan = compile(entry);
			if (plan === undefined) return undefined;
			entries.push(plan);
		}
		return { kind: 'list', entries };
	}
	if (typeof raw === 'object' && raw !== null) {
		const entries: Array<[string, Plan]> = [];
		for (const [key, entry] of Object.entries(raw)) {
			const plan = compile(entry);
			if (plan === undefined) return undefined;
			entries.push([key, plan]);
		}
		return { kind: 'object', entries };
	}
	return { kind: 'constant', value: raw };
}

function readsFields(plan: Plan): boolean {
	if (plan.kind === 'field') return true;
	if (plan.kind === 'list') return plan.entries.some(readsFields);
	if (plan.kind === 'object') return plan.entries.some(([, entry]) => readsFields(entry));
	return false;
}

function build(plan: Plan, json: INodeExecutionData['json']): unknown {
	switch (plan.kind) {
		case 'constant':
			return plan.value;
		case 'field': {
			const value = json[plan.name];
			// Text, numbers and booleans come out of `{{ $json.x }}` as they are; anything else (objects,
			// dates, a missing field) is left to the engine, which has its own rules for them.
			if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
			return NEEDS_ENGINE;
		}
		case 'list': {
			const result: unknown[] = [];
			for (const entry of plan.entries) {
				const value = build(entry, json);
				if (value === NEEDS_ENGINE) return NEEDS_ENGINE;
				result.push(value);
			}
			return result;
		}
		case 'object': {
			const result: Record<string, unknown> = {};
			for (const [key, entry] of plan.entries) {
				const value = build(entry, json);
				if (value === NEEDS_ENGINE) return NEEDS_ENGINE;
				result[key] = value;
			}
			return result;
		}
	}
}

function rawAt(parameters: INode['parameters'], path: string): unknown {
	let value: unknown = parameters;
	for (const part of path.split('.')) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

/**
 * A per-item parameter read the cheap way when it can be. n8n's expression engine costs tens of
 * microseconds a call, which for a bulk run of one request per item is more than n8n's own request.
 * A parameter without expressions is read once. One whose expressions only pick a field of the
 * input item (what dragging a field into the box produces) is built from the item directly, with
 * the value the expression would give; wherever that is not certain (any other expression, or a
 * field holding something other than text, a number or a boolean) the engine reads it as usual.
 *
 * Only for parameters whose description has no `validateType` and is not a resource mapper:
 * getNodeParameter converts and checks those against their schema, which this does not repeat.
 */
export class ItemParameter<T = NodeParameterValueType> {
	/** The input field the parameter picks, when it is exactly `{{ $json.field }}`. */
	readonly field: string | undefined;
	private readonly plan: Plan | undefined;
	private readonly constant: { value: T } | undefined;

	constructor(
		private readonly context: IExecuteFunctions,
		node: INode,
		private readonly path: string,
		private readonly fallback?: T,
	) {
		const raw = rawAt(node.parameters, path);
		const plan = compile(raw);
		this.field = plan?.kind === 'field' ? plan.name : undefined;
		if (raw === undefined || (plan !== undefined && !readsFields(plan))) {
			this.constant = { value: this.engine(0) };
		} else {
			this.plan = plan;
		}
	}

	value(itemIndex: number, item: INodeExecutionData): T {
		// Each item gets its own copy of an object, as getNodeParameter gives, so one item's use cannot change another's.
		if (this.constant) return typeof this.constant.value === 'object' && this.constant.value !== null ? structuredClone(this.constant.value) : this.constant.value;
		const built = this.plan ? build(this.plan, item.json) : NEEDS_ENGINE;
		return built === NEEDS_ENGINE ? this.engine(itemIndex) : (built as T);
	}

	private engine(itemIndex: number): T {
		return (this.fallback === undefined
			? this.context.getNodeParameter(this.path, itemIndex)
			: this.context.getNodeParameter(this.path, itemIndex, this.fallback as NodeParameterValueType)) as T;
	}
}
