/**
 * The baseline: a plain undici client with keep-alive doing what the node does on the wire (one
 * login, then the same PUT batches with the same lanes and pace), with none of n8n's machinery.
 * Runs once and prints `RESULT {ms, saved, throttled}`; the time starts with the records in hand
 * and the login done, as the node's does with n8n's cached token.
 */
import { Agent, request } from 'undici';

import { VBA_SIM_DEFAULTS } from '../../test/simulators/vba';

import { inLanes, pacer, retryAfterMs, sleep } from './lanes';
import { jobRecords } from './vba-workload';

interface RawOptions {
	baseUrl: string;
	items: number;
	batchSize: number;
	lanes: number;
	requestsPerSecond: number;
	prefix: string;
}

async function main(): Promise<void> {
	const options = JSON.parse(process.argv[2]) as RawOptions;
	const dispatcher = new Agent({ connections: options.lanes });
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
	// The login's bucket token comes back before the timed run, as the node's cached token needs none.
	await sleep(2_500);

	const records = jobRecords(options.items, options.prefix);
	const nextSlot = pacer(options.requestsPerSecond);
	let saved = 0;
	let throttled = 0;
	const started = performance.now();
	await inLanes(Math.ceil(records.length / options.batchSize), options.lanes, async (batch) => {
		const body = JSON.stringify(records.slice(batch * options.batchSize, (batch + 1) * options.batchSize));
		for (;;) {
			await nextSlot();
			const response = await request(`${options.baseUrl}/jobs-batch`, { method: 'PUT', dispatcher, headers, body });
			if (response.statusCode === 429) {
				throttled++;
				await response.body.dump();
				await sleep(retryAfterMs(response.headers['retry-after']));
				continue;
			}
			const result = JSON.parse(await response.body.text()) as { data: Array<{ status: number }> };
			saved += result.data.filter((entry) => entry.status === 200 || entry.status === 201).length;
			return;
		}
	});
	const ms = performance.now() - started;
	await dispatcher.close();
	console.log(`RESULT ${JSON.stringify({ ms, saved, throttled })}`);
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
