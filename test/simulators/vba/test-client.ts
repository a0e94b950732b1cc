import { call, type CallResult } from '../base';
import type { VbaSimulator } from './index';

/** PUTs records to a batch path (path params already filled in) with a valid token and headers. */
export function putBatch(
	sim: VbaSimulator,
	path: string,
	records: unknown,
	options: { token?: string; database?: string; headers?: Record<string, string> } = {},
): Promise<CallResult> {
	const token = options.token ?? sim.issueIdToken();
	return call(`${sim.baseUrl}${path}`, {
		method: 'PUT',
		headers: { ...sim.dataHeaders(token, options.database), ...options.headers },
		body: typeof records === 'string' ? records : JSON.stringify(records),
	});
}

export interface MultiStatusBody {
	data: Array<{ id: Array<{ key: string; value: unknown }>; status: number; body: string }>;
	error: unknown;
	debug: { activityID: string };
}

export function multiStatus(result: CallResult): MultiStatusBody {
	if (result.status !== 207) throw new Error(`expected 207, got ${result.status}: ${result.text}`);
	return result.json as MultiStatusBody;
}

export { call, type CallResult };
