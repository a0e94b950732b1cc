import { call, type CallResult } from '../base';
import { signRequest } from '../../../nodes/shared/sigv4';
import { RIGHTSLINE_SIM_DEFAULTS } from './settings';
import type { RightslineSimulator } from './simulator';

export interface TempKeys {
	accessKey: string;
	secretKey: string;
	sessionToken: string;
}

export interface SignedCallOptions {
	method?: 'GET' | 'POST';
	body?: unknown;
	keys?: TempKeys;
	apiKey?: string;
	region?: string;
	service?: string;
	date?: Date;
	/** Sends the request without x-amz-security-token (signed without it too). */
	omitToken?: boolean;
	/** Applied to the headers after signing, to tamper with what was signed. */
	after?: (headers: Record<string, string>) => Record<string, string>;
}

/** A request signed the way Rightsline's v4 sample signs: content-type, host, x-amz-*, x-api-key. */
export async function signedCall(sim: RightslineSimulator, path: string, options: SignedCallOptions = {}): Promise<CallResult> {
	const keys = options.keys ?? sim.issueTemporaryCredentials(options.apiKey);
	const method = options.method ?? 'GET';
	const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	const url = `${sim.baseUrl}${path}`;
	const signed = signRequest(
		{
			method,
			url,
			headers: { 'x-api-key': options.apiKey ?? RIGHTSLINE_SIM_DEFAULTS.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body,
		},
		{ accessKeyId: keys.accessKey, secretAccessKey: keys.secretKey, sessionToken: options.omitToken ? undefined : keys.sessionToken },
		{ region: options.region ?? RIGHTSLINE_SIM_DEFAULTS.region, service: options.service ?? 'execute-api', date: options.date },
	);
	const headers = options.after ? options.after({ ...signed.headers }) : signed.headers;
	return await call(url, { method, headers, body });
}

/** Waits until the batch is final (polling every `everyMs`) and returns its last answer. */
export async function waitForBatch(sim: RightslineSimulator, batchId: number, keys: TempKeys, everyMs = 20): Promise<CallResult> {
	for (;;) {
		const answer = await signedCall(sim, `/v4/batch/${batchId}`, { keys });
		const status = (answer.json as { batchStatus?: string } | undefined)?.batchStatus;
		if (answer.status !== 200 || (status !== 'Created' && status !== 'InProgress')) return answer;
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}

export { call, type CallResult };
