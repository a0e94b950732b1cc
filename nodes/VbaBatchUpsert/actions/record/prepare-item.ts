import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';

import { ItemParameter } from '../../../shared/item-parameter';
import { describeValue, isItemProblem, itemProblem, type ItemProblem } from '../../../shared/item-problem';
import { buildPath, getEntity, type VbaEntity } from '../../catalog';
import { droppedNote, RecordProblem, RecordValidator, type UnknownFieldPolicy } from '../../helpers/validation';
import { entityFromParameter } from '../../methods/entity-parameter';

/** One item, checked and ready to send. */
export interface Prepared {
	entity: VbaEntity;
	path: string;
	record: IDataObject;
	/** Unknown fields left out of the record (Unknown Fields: Drop); absent when none were. */
	dropped?: string[];
	/** Output: Result Only for this item. */
	resultOnly: boolean;
}

type EntityValue = INodeParameterResourceLocator | string;

const POLICIES: ReadonlySet<string> = new Set<UnknownFieldPolicy>(['drop', 'fail']);
const OUTPUTS: ReadonlySet<string> = new Set(['merge', 'result']);

/** True when the parameter's stored value holds an n8n expression anywhere. */
function hasExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (typeof raw === 'object' && raw !== null) return Object.values(raw).some(hasExpression);
	return false;
}

/**
 * Reads one item's parameters and checks its record. Every parameter that can differ between items
 * is read per item: the Entity (so an expression sends each item to its own entity), the parent
 * keys, the mapped fields, and the Unknown Fields and Output options. A parameter without an
 * expression costs one read per run (ItemParameter).
 */
export class ItemPreparer {
	private readonly fixedEntity: VbaEntity | undefined;
	private readonly entityParameter: ItemParameter<EntityValue> | undefined;
	private readonly entities = new Map<string, VbaEntity | undefined>();
	private readonly validators = new Map<string, RecordValidator>();
	private readonly scratch: string[] = [];
	private readonly parentKeys: ItemParameter<Array<{ name: string; value: string }>>;
	private readonly unknownFields: ItemParameter<string>;
	private readonly output: ItemParameter<string>;

	constructor(
		private readonly context: IExecuteFunctions,
		node: INode,
		private readonly autoMap: boolean,
	) {
		if (hasExpression(node.parameters.entity)) {
			// The mapper's fields and their schema belong to the one entity picked in the editor.
			if (!autoMap) {
				throw new NodeOperationError(node, '"Map Each Field Below" needs one fixed Entity, not an expression', {
					description:
						'The fields below are one entity’s. To send items to different entities, set Fields to "Map Automatically"; otherwise pick the Entity from the list or give its batch path.',
				});
			}
			this.entityParameter = new ItemParameter<EntityValue>(context, node, 'entity', '');
		} else {
			this.fixedEntity = entityFromParameter(context, context.getNodeParameter('entity', 0) as EntityValue);
			if (!this.fixedEntity) throw new NodeOperationError(node, 'Choose the VBAPI entity to create or update');
		}
		this.parentKeys = new ItemParameter(context, node, 'parentKeys.key', []);
		this.unknownFields = new ItemParameter<string>(context, node, 'options.unknownFields', 'drop');
		this.output = new ItemParameter<string>(context, node, 'options.output', 'merge');
	}

	prepare(item: INodeExecutionData, itemIndex: number): Prepared | ItemProblem {
		const entity = this.entityOf(item, itemIndex);
		if (isItemProblem(entity)) return entity;
		const policy = String(this.unknownFields.value(itemIndex, item));
		if (!POLICIES.has(policy)) return itemProblem(`Unknown Fields is "${policy}"; it must be drop or fail`);
		const output = String(this.output.value(itemIndex, item));
		if (!OUTPUTS.has(output)) return itemProblem(`Output is "${output}"; it must be merge or result`);

		const { fields: mapped, refused } = this.autoMap ? { fields: item.json, refused: undefined } : this.mappedFields(itemIndex);
		let input = mapped;
		let params: Record<string, string | number> = {};
		if (entity.pathParams.length > 0) ({ params, record: input } = this.withParentKeys(entity, itemIndex, item, mapped));

		// One scratch list for the run: most records drop nothing, and then nothing is allocated for it.
		this.scratch.length = 0;
		const validator = this.validator(entity, policy as UnknownFieldPolicy);
		const check = validator.check(input, this.scratch);
		if (check instanceof RecordProblem) {
			// The fields that would not have been sent either, so a fix need not be tried twice.
			const dropped = policy === 'drop' ? validator.unknownNames(input) : [];
			return itemProblem(
				`${check.message}${droppedNote(entity, dropped)}`,
				check.field,
				`Entity: ${entity.displayName} (${entity.id}).`,
				dropped.length > 0 ? { droppedFields: dropped } : undefined,
			);
		}
		if (refused !== undefined) return itemProblem(refused, undefined, `Entity: ${entity.displayName} (${entity.id}).`);
		const dropped = this.scratch.length ? this.scratch.slice() : undefined;
		const resultOnly = output === 'result';
		if (entity.pathParams.length === 0) return { entity, path: entity.id, record: check, dropped, resultOnly };
		const missing = entity.pathParams.filter((param) => params[param.name] === undefined).map((param) => param.name);
		if (missing.length > 0) {
			return itemProblem(
				`parent key ${missing.join(', ')} is missing${droppedNote(entity, dropped)}`,
				undefined,
				`${entity.displayName} is nested under ${entity.id}; set the parent key under Parent Keys or in the item.`,
				dropped ? { droppedFields: dropped } : undefined,
			);
		}
		return { entity, path: buildPath(entity, params), record: check, dropped, resultOnly };
	}

	/**
	 * The fields mapped below. n8n refuses a required field left empty in words of its own ("Invalid input
	 * for 'job_ID' [item 0]"); the fields are then read unchecked, so that the catalog check names the field
	 * and what is wrong with it, and n8n's words are kept for anything the catalog finds right.
	 */
	private mappedFields(itemIndex: number): { fields: IDataObject; refused?: string } {
		try {
			return { fields: this.context.getNodeParameter('columns.value', itemIndex, {}) as IDataObject };
		} catch (error) {
			const fields = this.context.getNodeParameter('columns.value', itemIndex, {}, { skipValidation: true }) as IDataObject;
			return { fields, refused: (error as Error).message };
		}
	}

	private entityOf(item: INodeExecutionData, itemIndex: number): VbaEntity | ItemProblem {
		if (this.fixedEntity) return this.fixedEntity;
		const value = this.entityParameter?.value(itemIndex, item);
		const raw: unknown = typeof value === 'object' && value !== null ? value.value : value;
		const id = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
		if (id === '') {
			return itemProblem(
				`no entity: the Entity expression gave ${describeValue(raw ?? null)}`,
				undefined,
				'The Entity must give a batch path such as /jobs-batch for every item.',
			);
		}
		if (!this.entities.has(id)) this.entities.set(id, getEntity(id));
		const entity = this.entities.get(id);
		if (entity) return entity;
		return itemProblem(
			`${describeValue(id)} is not a VBAPI batch entity this node knows`,
			undefined,
			'The Entity must give a batch path from the VBAPI reference, such as /jobs-batch.',
		);
	}

	private validator(entity: VbaEntity, policy: UnknownFieldPolicy): RecordValidator {
		const key = `${policy}:${entity.id}`;
		let validator = this.validators.get(key);
		if (validator === undefined) {
			validator = new RecordValidator(entity, policy);
			this.validators.set(key, validator);
		}
		return validator;
	}

	/** Parent keys from the Parent Keys parameter, falling back to the record's own field of that name. */
	private withParentKeys(
		entity: VbaEntity,
		itemIndex: number,
		item: INodeExecutionData,
		input: IDataObject,
	): { params: Record<string, string | number>; record: IDataObject } {
		const given = this.parentKeys.value(itemIndex, item);
		const params: Record<string, string | number> = {};
		const record = { ...input };
		for (const param of entity.pathParams) {
			const fromParameter = given.find((key) => key.name === param.name)?.value;
			const fromRecord = param.field ? input[param.field] : undefined;
			const value = fromParameter !== undefined && fromParameter !== '' ? fromParameter : fromRecord;
			if (value === undefined || value === null || value === '') continue;
			params[param.name] = value as string | number;
			// The parent key travels in the path and, where the entity has the field, in the record too.
			if (param.field && (fromRecord === undefined || fromRecord === '')) record[param.field] = value as string | number;
		}
		return { params, record };
	}
}
