import type { INodeProperties } from 'n8n-workflow';

/**
 * What an AI agent reads about one operation of a node used as its tool. For a node with resources n8n's
 * own description is "<action> in <node name>", which says nothing of the parameters; with a
 * `toolDescription` property on the node n8n adds none of its own and sends this text. Shown only on the
 * tool (`@tool`), so the plain node is unchanged. The texts name each parameter as n8n's "let the model
 * define this parameter" button keys it: the field's label, each character other than a letter, digit or
 * hyphen made `_` ("Job ID" → Job_ID).
 */
export function toolDescription(resource: string, operation: string, text: string): INodeProperties {
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: text,
		description: 'What the AI agent reads about this tool: what it does, and what each parameter it fills means, with its type and an example',
		displayOptions: { show: { '@tool': [true], resource: [resource], operation: [operation] } },
	};
}
