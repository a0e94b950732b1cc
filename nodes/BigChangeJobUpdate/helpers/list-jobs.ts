import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { withRetry, type RequestPacer } from '../../shared';
import { bigChangeRequest, type BigChangeConnection } from '../transport';

/** The documented maximum page size. */
export const MAX_PAGE_SIZE = 1000;
const MAX_PAGE_NUMBER = 2_147_483;

interface ListPage {
	items?: IDataObject[];
	totalCount?: number;
}

/**
 * Pages through GET /v1/jobs with a fixed page size (pages are offsets of it, so changing the size
 * mid-way would repeat or skip jobs) until the limit, a short page, or totalCount when BigChange
 * sends it. Each page is retried on its own, so a failure on page 3 does not fetch pages 1 and 2 again.
 */
export async function listJobs(
	context: IExecuteFunctions,
	connection: BigChangeConnection,
	pacer: RequestPacer,
	qs: IDataObject,
	limit: number | undefined,
	pageSize: number,
): Promise<IDataObject[]> {
	const size = Math.max(1, Math.min(MAX_PAGE_SIZE, limit === undefined ? pageSize : Math.min(pageSize, limit)));
	const jobs: IDataObject[] = [];
	for (let pageNumber = 1; pageNumber <= MAX_PAGE_NUMBER; pageNumber++) {
		const page = await withRetry(
			async () => await bigChangeRequest<ListPage>(context, connection, { method: 'GET', path: '/v1/jobs', qs: { ...qs, pageNumber, pageSize: size } }),
			{ idempotent: true, pacer, signal: context.getExecutionCancelSignal?.() },
		);
		const items = Array.isArray(page?.items) ? page.items : [];
		for (const job of items) {
			if (limit !== undefined && jobs.length >= limit) break;
			jobs.push(job);
		}
		const seen = pageNumber * size;
		if ((limit !== undefined && jobs.length >= limit) || items.length < size) break;
		if (typeof page.totalCount === 'number' && seen >= page.totalCount) break;
	}
	return jobs;
}
