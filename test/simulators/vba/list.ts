import type { RouteHandler } from '../base';
import { envelope, vbaError } from './envelope';
import type { VbaStore } from './store';

/**
 * A list endpoint such as `GET /jobs` (documented query `page` from 1, `pageSize` default 100,
 * `x-pagination` response header with TotalCount, TotalPages, CurrentPage, PageSize): what a
 * credential test reads to prove the token works.
 */
export function listHandler(store: VbaStore, entityPath: string): RouteHandler {
	return (req) => {
		const database = req.headers['vbasoftware-database'] ?? '';
		const page = Number(req.query.page ?? 1);
		const pageSize = Number(req.query.pageSize ?? 100);
		if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1) {
			return vbaError(400, 'Bad Request', 'page and pageSize must be positive whole numbers', req.path);
		}
		const all = store.records(database, entityPath);
		const pagination = {
			TotalCount: all.length,
			TotalPages: Math.ceil(all.length / pageSize),
			CurrentPage: page,
			PageSize: pageSize,
		};
		return {
			status: 200,
			headers: { 'x-pagination': JSON.stringify(pagination) },
			body: envelope(all.slice((page - 1) * pageSize, page * pageSize)),
		};
	};
}
