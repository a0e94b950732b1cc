/**
 * One line per status or network failure that tells a workflow builder what to check. Vendor nodes
 * pass their own lines (e.g. VBAPI: 403 also means a missing User-Agent) to extend or override these.
 */
export type StatusExplanations = Readonly<Record<number, string>>;

export const STATUS_EXPLANATIONS: StatusExplanations = {
	400: 'the server rejected the request as invalid: check the values sent',
	401: 'credentials rejected or session expired: check the credential and run its test',
	403: 'authenticated but not allowed: check the role/scope of the account',
	404: 'not found: check the ID or URL; the record may have been deleted',
	405: 'this operation is not supported on this address: check the resource and operation',
	408: 'the server gave up waiting for the request: try again',
	409: 'conflict with the current state of the record: it may have been changed or locked elsewhere',
	410: 'the record or endpoint no longer exists',
	413: 'the request is too large: lower the batch size',
	415: 'the server does not accept this content type',
	422: 'the server understood the request but rejected some values: correct the fields named',
	423: 'the record is locked: try again when it is released',
	429: 'too many requests: lower the requests per second or concurrency, or try again later',
	500: 'the server failed while processing the request; if it repeats, report it to the vendor with the time',
	502: 'a gateway in front of the server got no valid answer; usually temporary',
	503: 'the service is unavailable or overloaded; try again later',
	504: 'the server took too long to answer; the change may or may not have been applied, so check before re-running',
};

/** Why a request got no answer at all, by the network code that n8n-core/axios report. */
export const NETWORK_EXPLANATIONS: Readonly<Record<string, string>> = {
	ECONNREFUSED: 'the connection was refused: check the host and port, and that the server is running',
	ENOTFOUND: 'the host name could not be resolved: check the URL in the credential',
	EAI_AGAIN: 'the host name could not be resolved right now (DNS): try again',
	EHOSTUNREACH: 'the host is unreachable from the n8n server: check the network or VPN',
	ENETUNREACH: 'the network is unreachable from the n8n server: check the network or VPN',
	ECONNRESET: 'the connection was closed before an answer arrived',
	ECONNABORTED: 'no answer arrived within the timeout',
	ETIMEDOUT: 'the connection timed out',
	EPIPE: 'the connection was closed while the request was being sent',
	UND_ERR_SOCKET: 'the connection was closed before the answer was complete',
	UND_ERR_CONNECT_TIMEOUT: 'the connection could not be opened in time',
	UND_ERR_HEADERS_TIMEOUT: 'no answer arrived within the timeout',
	UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving before it was complete',
	DEPTH_ZERO_SELF_SIGNED_CERT:
		'the server uses a self-signed certificate: allow self-signed certificates in the credential if you trust it',
	SELF_SIGNED_CERT_IN_CHAIN:
		'the server certificate is signed by an untrusted (self-signed) authority: allow it in the credential if you trust it',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate could not be verified',
	CERT_HAS_EXPIRED: 'the server certificate has expired',
	ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not match the host name in the URL',
	ERR_CANCELED: 'the request was cancelled because the execution was stopped',
};

export function explainStatus(status: number, overrides: StatusExplanations = {}): string {
	const specific = overrides[status] ?? STATUS_EXPLANATIONS[status];
	if (specific !== undefined) return specific;
	if (status >= 500) return 'the server failed to process the request';
	if (status >= 400) return 'the server rejected the request';
	if (status >= 300) return 'the server redirected the request elsewhere: set the base URL in the credential to the address it redirects to';
	return 'unexpected answer from the server';
}

export function explainNetworkCode(code: string): string {
	return NETWORK_EXPLANATIONS[code] ?? `the request failed before an answer arrived (${code})`;
}
