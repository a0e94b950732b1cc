import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { ItemLedger } from '../../../shared/ledger';
import { buildEntry, type Entry } from '../../helpers/entries';
import { MAX_BATCH_SIZE, packBatches } from '../../helpers/packing';
import { SubmitRunner } from '../../helpers/submit-runner';
import { rightslineConnection } from '../../transport/requests';

export { submitDescription as description } from './submit.description';

interface SubmitOptions {
	batchSize?: number;
	maxBatchesInFlight?: number;
	pollIntervalSeconds?: number;
	timeoutSeconds?: number;
	requestsPerSecond?: number;
	timeLimitMinutes?: number;
}

/** Rightsline's documented limit of unfinished batches per client. */
const MAX_IN_FLIGHT = 10;

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
	const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
	return Math.min(max, Math.max(min, n));
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const ledger = new ItemLedger(items.length, node);

	// Every item is checked before anything is sent, so a bad item cannot leave half a run applied.
	const entries: Entry[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let built: ReturnType<typeof buildEntry>;
		try {
			built = buildEntry({
				itemIndex,
				method: this.getNodeParameter('method', itemIndex),
				kind: this.getNodeParameter('sendAs', itemIndex),
				charType: this.getNodeParameter('charType', itemIndex, undefined),
				record: this.getNodeParameter('record', itemIndex),
			});
		} catch (error) {
			ledger.fail(itemIndex, new NodeOperationError(node, error as Error, { itemIndex }));
			continue;
		}
		if ('error' in built) {
			ledger.fail(itemIndex, new NodeOperationError(node, built.error, { itemIndex, description: 'Nothing was sent for this item.' }));
			continue;
		}
		entries.push(built);
	}
	const invalid = ledger.firstFailure();
	if (invalid && !this.continueOnFail()) throw invalid;

	const options = this.getNodeParameter('options', 0, {}) as SubmitOptions;
	const cancelIfRecordFails = this.getNodeParameter('cancelIfRecordFails', 0, false) as boolean;
	const wait = this.getNodeParameter('waitForCompletion', 0, true) as boolean;
	const batches = packBatches(entries, clamp(options.batchSize, MAX_BATCH_SIZE, 1, MAX_BATCH_SIZE), cancelIfRecordFails);
	if (batches.length > 0) {
		const connection = await rightslineConnection(this, clamp(options.timeoutSeconds, 30, 1, 600) * 1000);
		const runner = new SubmitRunner(this, ledger, connection, batches, {
			wait,
			cancelIfRecordFails,
			maxInFlight: Math.round(clamp(options.maxBatchesInFlight, MAX_IN_FLIGHT, 1, MAX_IN_FLIGHT)),
			pollIntervalMs: clamp(options.pollIntervalSeconds, 2, 0.1, 3600) * 1000,
			deadline: Date.now() + clamp(options.timeLimitMinutes, 60, 0.01, 24 * 60) * 60_000,
			requestsPerSecond: clamp(options.requestsPerSecond, 40, 0, 40),
		});
		await runner.run();
	}

	const failure = ledger.firstFailure();
	if (failure && !this.continueOnFail()) throw failure;
	return ledger.toNodeOutput();
}
