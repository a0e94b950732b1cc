import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { identifiersOf, jobIdOnly } from '../../helpers/answers';
import { runPerJob } from '../../helpers/per-job';
import type { OlcConnection } from '../../transport';

/** What tells Get Content Items and Get Job Segments apart: their request and the shape of one identifier. */
export interface IdentifierList<T> {
	/** "content items", for messages. */
	noun: string;
	/** "a content item list": what an answer without identifiers lacked. */
	listName: string;
	fetch: (context: IExecuteFunctions, connection: OlcConnection, jobId: number) => Promise<unknown>;
	/** The list as the whole-list item carries it. */
	whole: (identifiers: T[]) => unknown[];
	/** One output item per identifier (One Item per … on). */
	one: (jobId: number, identifier: T) => IDataObject;
}

/** Reads an Identifier List per job: as one item, or one item per identifier. */
export async function readIdentifiers<T>(context: IExecuteFunctions, list: IdentifierList<T>): Promise<INodeExecutionData[][]> {
	const split = context.getNodeParameter('splitIntoItems', 0, false) as boolean;
	return await runPerJob(context, {
		succeeded: 'read from OL Connect',
		readOnly: true,
		prepare: jobIdOnly(context),
		action: (jobId) => `read the ${list.noun} of job ${jobId}`,
		perform: async ({ jobId }, connection) => {
			const identifiers = identifiersOf<T>(await list.fetch(context, connection, jobId), list.listName);
			// A job with none still comes out once, as the whole-list item, so its input item is not lost.
			if (!split || identifiers.length === 0) return { jobId, identifiers: list.whole(identifiers) };
			return identifiers.map((identifier) => list.one(jobId, identifier));
		},
	});
}
