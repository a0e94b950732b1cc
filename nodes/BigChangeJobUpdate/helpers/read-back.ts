import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { withRetry, type RequestPacer } from '../../shared';
import { bigChangeRequest, jobPath, type BigChangeConnection } from '../transport';

export type ReadBack = { job: IDataObject } | { error: unknown };

/**
 * GET after a write, for "Job as It Is Now". Its failure is returned rather than thrown: the write
 * already happened, and throwing would make the caller's retry repeat it.
 */
export async function readBack(context: IExecuteFunctions, connection: BigChangeConnection, jobId: number, pacer: RequestPacer): Promise<ReadBack> {
	try {
		const job = await withRetry(async () => await bigChangeRequest<IDataObject>(context, connection, { method: 'GET', path: jobPath(jobId) }), {
			idempotent: true,
			pacer,
			signal: context.getExecutionCancelSignal?.(),
		});
		return { job };
	} catch (error) {
		return { error };
	}
}
