/**
 * The baseline: a plain undici client doing what the node does on the wire (temporary credentials,
 * then SigV4-signed batch creations with 10 in flight, each polled every `pollMs` until final),
 * with none of n8n's machinery. Prints `RESULT {json}`.
 */
import { Agent, request } from 'undici';

import { signRequest } from '../../../../nodes/shared/sigv4';
import { RIGHTSLINE_SIM_DEFAULTS } from '../settings';

interface RawOptions {
	baseUrl: string;
	records: number;
	pollMs: number;
}

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2]) as RawOptions;
	const dispatcher = new Agent({ connections: 20 });
	const started = performance.now();
	const temp = await request(`${options.baseUrl}/v4/auth/temporary-credentials`, {
		method: 'POST',
		dispatcher,
		headers: { 'content-type': 'application/json', 'x-api-key': RIGHTSLINE_SIM_DEFAULTS.apiKey },
		body: JSON.stringify({ accessKey: RIGHTSLINE_SIM_DEFAULTS.accessKey, secretKey: RIGHTSLINE_SIM_DEFAULTS.secretKey }),
	});
	const keys = (await temp.body.json()) as { accessKey: string; secretKey: string; sessionToken: string };
	const credentials = { accessKeyId: keys.accessKey, secretAccessKey: keys.secretKey, sessionToken: keys.sessionToken };
	const call = async (method: 'GET' | 'POST', path: string, body?: string): Promise<{ status: number; json: Record<string, unknown> }> => {
		const url = `${options.baseUrl}${path}`;
		const headers: Record<string, string> = { 'x-api-key': RIGHTSLINE_SIM_DEFAULTS.apiKey };
		if (body !== undefined) headers['content-type'] = 'application/json';
		const signed = signRequest({ method, url, headers, body }, credentials, { region: RIGHTSLINE_SIM_DEFAULTS.region, service: 'execute-api' });
		const res = await request(url, { method, dispatcher, headers: signed.headers, body });
		return { status: res.statusCode, json: (await res.body.json()) as Record<string, unknown> };
	};

	let next = 0;
	let created = 0;
	let polls = 0;
	const lane = async (): Promise<void> => {
		while (next < options.records) {
			const start = next;
			next += 100;
			const records = Array.from({ length: Math.min(100, options.records - start) }, (_, n) => ({
				title: `Raw contact ${start + n}`,
				template: { templateId: 1 },
				characteristics: { first_name: 'Raw', last_name: String(start + n) },
				referenceId: `raw-${start + n}`,
			}));
			let answer = await call('POST', '/v4/batch', JSON.stringify({ method: 'POST', batchOptions: { cancelIfRecordFails: false }, records: { '2': records } }));
			while (answer.status === 429) {
				await new Promise((resolve) => setTimeout(resolve, options.pollMs));
				answer = await call('POST', '/v4/batch', JSON.stringify({ method: 'POST', batchOptions: { cancelIfRecordFails: false }, records: { '2': records } }));
			}
			const id = answer.json.batchId as number;
			for (;;) {
				await new Promise((resolve) => setTimeout(resolve, options.pollMs));
				const polled = await call('GET', `/v4/batch/${id}`);
				polls++;
				// Throttled (more than 40 requests a second): the next round of the loop waits and asks again.
				if (polled.status !== 200) continue;
				const status = polled.json.batchStatus;
				if (status === 'Created' || status === 'InProgress') continue;
				const results = (polled.json.batchResults as { records: Record<string, Array<{ code: number }>> }).records['2'] ?? [];
				created += results.filter((entry) => entry.code === 201).length;
				break;
			}
		}
	};
	await Promise.all(Array.from({ length: 10 }, lane));
	const ms = performance.now() - started;
	await dispatcher.close();
	console.log(`RESULT ${JSON.stringify({ ms, created, polls })}`);
}

void main();
