import type { INodeProperties } from 'n8n-workflow';

import { toolDescription } from '../../shared';

/** What an AI agent reads about each operation used as a tool. */
export const toolDescriptions: INodeProperties[] = [
	toolDescription(
		'batch',
		'get',
		'Reads a Rightsline batch: its status (e.g. Complete, Processing) and the result of each record in it. Batch_ID (number): the ID Rightsline gave the batch, e.g. 48865381. An error says what was wrong, e.g. that there is no such batch.',
	),
	toolDescription(
		'batch',
		'submit',
		'Creates, updates, gets or deletes one Rightsline record (a contact, a title, a deal…) through a batch, and waits for its result. Char_Type_Name_or_ID (string): the char type ID, e.g. 2 for contacts. Record (json): to create, {"title": "Ada Lovelace", "template": {"templateId": 1}, "characteristics": {"first_name": "Ada"}}; to update, the same with its "id"; to get or delete, {"id": 100}. Returns the record and the batch ID, or the error Rightsline gave, e.g. an unknown field.',
	),
	toolDescription('limit', 'get', 'Reads the Rightsline account\'s request and batch limits. Takes no parameters.'),
];
