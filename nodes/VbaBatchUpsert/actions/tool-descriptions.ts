import type { INodeProperties } from 'n8n-workflow';

import { toolDescription } from '../../shared';

/** What an AI agent reads about the upsert used as a tool. */
export const toolDescriptions: INodeProperties[] = [
	toolDescription(
		'record',
		'upsert',
		'Creates or updates one record in VBA Software (VBAPI), matched on its key: a record whose key exists is updated, any other is created. Each parameter is a field of the record, named as VBA names it (e.g. job_ID, description), as text, e.g. job_ID NIGHTLY-EXPORT; a key given as 0 lets VBA assign it. Returns the record with vbaResult (status 201 created or 200 updated), or an error naming the field that is wrong, e.g. a required field left empty.',
	),
];
