/**
 * The baseline: a plain undici client doing what the node does on the wire (one login, then the
 * same PUT batches with the same concurrency), with none of n8n's machinery. Serves timed passes
 * (see passes.ts), each `{ms, saved}`.
 */
import { Agent, request } from 'undici';

import { VBA_SIM_DEFAULTS } from '../../test/simulators/vba';
import type { IDataObject } from 'n8n-workflow';

import { servePasses } from './passes';
import { jobRecords, WARM_UP_ITEMS } from './vba-workload';

interface RawOptions {
	baseUrl: string;
	items: number;
	batchSize: number;
	concurrency: number;
}

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2]) as RawOptions;
	const dispatcher = new Agent({ connections: options.concurrency });
	const common = {
		'x-api-key': VBA_SIM_DEFAULTS.apiKey,
		'vbasoftware-database': VBA_SIM_DEFAULTS.database,
		'user-agent': 'raw-undici-baseline',
	};
	const login = await request(`${options.baseUrl}/user-authentication`, {
		method: 'POST',
		dispatcher,
		headers: {
			...common,
			authorization: `Basic ${Buffer.from(`${VBA_SIM_DEFAULTS.username}:${VBA_SIM_DEFAULTS.password}`).toString('base64')}`,
			'vbasoftware-client-id': VBA_SIM_DEFAULTS.clientId,
			'vbasoftware-client-code': VBA_SIM_DEFAULTS.clientCode,
		},
	});
	const envelope = (await login.body.json()) as { data: { authenticationResult: { idToken: string } } };
	const headers = { ...common, authorization: `Bearer ${envelope.data.authenticationResult.idToken}`, 'content-type': 'application/json', accept: 'application/json' };

	const sendAll = async (records: IDataObject[]): Promise<number> => {
		let next = 0;
		let saved = 0;
		const lane = async (): Promise<void> => {
			for (let start = next; start < records.length; start = next) {
				next += options.batchSize;
				const response = await request(`${options.baseUrl}/jobs-batch`, {
					method: 'PUT',
					dispatcher,
					headers,
					body: JSON.stringify(records.slice(start, start + options.batchSize)),
				});
				const result = JSON.parse(await response.body.text()) as { data: Array<{ status: number }> };
				saved += result.data.filter((entry) => entry.status === 200 || entry.status === 201).length;
			}
		};
		await Promise.all(Array.from({ length: options.concurrency }, lane));
		return saved;
	};

	await sendAll(jobRecords(WARM_UP_ITEMS, 'WARM-RAW'));
	// Pass 1 is this process's first full-size run; later passes run warm, as a long-lived client would.
	servePasses(
		async (n) => {
			const records = jobRecords(options.items, `RAW-${n}`);
			const started = performance.now();
			const saved = await sendAll(records);
			return { ms: performance.now() - started, saved };
		},
		async () => await dispatcher.close(),
	);
}

void main();
