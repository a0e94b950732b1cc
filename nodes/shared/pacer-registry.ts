import type { INode } from 'n8n-workflow';

import { RequestPacer } from './pacer';

/** Pacers kept at most; the oldest is dropped first (a run holds its own reference meanwhile). */
const MAX_PACERS = 64;
const pacers = new Map<string, RequestPacer>();

/**
 * One pacer per credential (and pace) in an n8n process, so two executions that run at once with
 * the same credential (a schedule and a webhook, say) keep the vendor's limit together, and a 429's
 * Retry-After holds both. The key is the credential's type and ID, the base URL and the pace: no
 * secret. A node without a saved credential ID gets a pacer of its own.
 */
export function sharedPacer(
	node: INode,
	credentialType: string,
	limit: { requestsPerSecond: number; burst?: number },
	chosen?: number,
	baseUrl = '',
): RequestPacer {
	const id = node.credentials?.[credentialType]?.id;
	if (!id) return RequestPacer.forVendorLimit(limit, chosen);
	const key = [credentialType, id, baseUrl.split(/[?#]/)[0], limit.requestsPerSecond, limit.burst ?? 1, chosen ?? ''].join('\u0000');
	let pacer = pacers.get(key);
	if (pacer) {
		// Most recently used last, so the oldest is the first to go.
		pacers.delete(key);
	} else {
		pacer = RequestPacer.forVendorLimit(limit, chosen);
		if (pacers.size >= MAX_PACERS) pacers.delete(pacers.keys().next().value as string);
	}
	pacers.set(key, pacer);
	return pacer;
}
