import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemRun } from '../../../shared/item-run';
import { sharedPacer } from '../../../shared/pacer-registry';
import { RIGHTSLINE_CREDENTIAL } from '../../transport/requests';
import { readRequestOptions } from '../../../shared/request-options';
import { buildEntry, type Entry } from '../../helpers/entries';
import { MAX_BATCH_SIZE, packBatches } from '../../helpers/packing';
import { MAX_BATCHES_IN_FLIGHT, RIGHTSLINE_LIMIT, RIGHTSLINE_PROFILE } from '../../helpers/request-profile';
import { sharedBatchSlots } from '../../helpers/batch-slots';
import { SubmitRunner } from '../../helpers/submit-runner';
import { rightslineConnection } from '../../transport/requests';

export { submitDescription as description } from './submit.description';

interface SubmitOptions extends IDataObject {
	batchSize?: number;
	maxBatchesInFlight?: number;
	pollIntervalSeconds?: number;
	timeLimitMinutes?: number;
}

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
	const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
	return Math.min(max, Math.max(min, n));
}

const DONE: Record<string, string> = {
	GET: 'read from Rightsline',
	POST: 'created in Rightsline',
	PUT: 'updated in Rightsline',
	DELETE: 'deleted in Rightsline',
	'EXECUTE-WORKFLOW': 'processed by Rightsline',
	COPY: 'copied in Rightsline',
};

/** What a success means, for the Stop Workflow summary: from the Method unless an expression sets it per item. */
function succeededWords(method: unknown, wait: boolean): string {
	if (!wait) return 'accepted by Rightsline in a batch, not yet processed';
	return (typeof method === 'string' ? DONE[method] : undefined) ?? 'applied in Rightsline';
}

function batchNote(ids: readonly number[]): string {
	if (ids.length === 1) return `Rightsline batch ${ids[0]}`;
	const shown = ids.slice(0, 10).join(', ');
	return `Rightsline batches ${shown}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const wait = this.getNodeParameter('waitForCompletion', 0, true) as boolean;
	const run = ItemRun.start(this, { succeeded: succeededWords(this.getNode().parameters.method, wait) });

	// Every item is checked before anything is sent, so a bad item cannot leave half a run applied.
	const entries: Entry[] = run
		.check((itemIndex) =>
			buildEntry({
				itemIndex,
				method: this.getNodeParameter('method', itemIndex),
				kind: this.getNodeParameter('sendAs', itemIndex),
				charType: this.getNodeParameter('charType', itemIndex, undefined),
				record: this.getNodeParameter('record', itemIndex),
			}),
		)
		.map(({ value }) => value);

	const options = this.getNodeParameter('options', 0, {}) as SubmitOptions;
	const requests = readRequestOptions({ ...options, concurrency: options.maxBatchesInFlight }, RIGHTSLINE_PROFILE);
	const cancelIfRecordFails = this.getNodeParameter('cancelIfRecordFails', 0, false) as boolean;
	const batches = packBatches(entries, clamp(options.batchSize, MAX_BATCH_SIZE, 1, MAX_BATCH_SIZE), cancelIfRecordFails);
	if (batches.length > 0) {
		const connection = await rightslineConnection(this, requests.timeoutSeconds * 1000);
		const maxInFlight = Math.min(requests.concurrency, MAX_BATCHES_IN_FLIGHT);
		const runner = new SubmitRunner(this, run, connection, batches, {
			wait,
			cancelIfRecordFails,
			maxInFlight,
			pollIntervalMs: clamp(options.pollIntervalSeconds, 2, 0.1, 3600) * 1000,
			deadline: Date.now() + clamp(options.timeLimitMinutes, 60, 0.01, 24 * 60) * 60_000,
			pacer: sharedPacer(run.node, RIGHTSLINE_CREDENTIAL, RIGHTSLINE_LIMIT, requests.requestsPerSecond),
			slots: sharedBatchSlots(run.node, maxInFlight),
		});
		await runner.run();
		if (runner.batchIds.length > 0) run.note(batchNote(runner.batchIds));
	}
	return run.finish();
}
