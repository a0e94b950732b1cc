import type { INode } from 'n8n-workflow';

import { RequestPacer } from './pacer';
import { ProcessShared } from './process-shared';

const pacers = new ProcessShared<RequestPacer>();

/**
 * One pacer per credential (and pace) in an n8n process, so two executions that run at once with
 * the same credential (a schedule and a webhook, say) keep the vendor's limit together, and a 429's
 * Retry-After holds both. Keyed by the credential, the base URL and the pace (see ProcessShared).
 */
export function sharedPacer(
	node: INode,
	credentialType: string,
	limit: { requestsPerSecond: number; burst?: number },
	chosen?: number,
	baseUrl = '',
): RequestPacer {
	const parts = [baseUrl.split(/[?#]/)[0], limit.requestsPerSecond, limit.burst ?? 1, chosen ?? ''];
	return pacers.get(node, credentialType, parts, () => RequestPacer.forVendorLimit(limit, chosen));
}
