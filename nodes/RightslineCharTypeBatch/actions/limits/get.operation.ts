import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dispatchBatches } from '../../../shared/dispatch';
import { ItemRun } from '../../../shared/item-run';
import { sharedPacer } from '../../../shared/pacer-registry';
import { RIGHTSLINE_CREDENTIAL } from '../../transport/requests';
import { RIGHTSLINE_LIMIT, RIGHTSLINE_PROFILE } from '../../helpers/request-profile';
import { rightslineError } from '../../transport/errors';
import { getLimits, rightslineConnection } from '../../transport/requests';

/**
 * `GET /v4/limits` once per run (the answer is the same for every item): the daily request
 * quota and the free batch slots, on every input item.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = ItemRun.start(this, { succeeded: 'read', readOnly: true });
	const itemIndexes = run.check(() => true).map(({ itemIndex }) => itemIndex);
	const connection = await rightslineConnection(this, RIGHTSLINE_PROFILE.defaults.timeoutSeconds * 1000);
	await dispatchBatches([{ itemIndexes, payload: undefined, idempotent: true }], {
		concurrency: 1,
		pacer: sharedPacer(run.node, RIGHTSLINE_CREDENTIAL, RIGHTSLINE_LIMIT),
		signal: this.getExecutionCancelSignal?.(),
		stop: run.stop,
		send: async () => await getLimits(this, connection),
		settle: (batch, limits: IDataObject) => {
			for (const itemIndex of batch.itemIndexes) run.ledger.succeed(itemIndex, { ...limits });
		},
		fail: (batch, error) => {
			for (const itemIndex of batch.itemIndexes) run.ledger.fail(itemIndex, rightslineError(run.node, error, { itemIndex, action: 'get the API limits' }));
		},
	});
	return run.finish();
}
