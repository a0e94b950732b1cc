import type { IDataObject } from 'n8n-workflow';

import type { TestCredentialsHelper } from '../../test/harness';
import { bareRequestLoop, type FloorRun } from './floor';

/** The VBA floor: the same PUT batches as the node sends, through n8n's helper, nothing per item. */
export async function vbaFloor(
	credentialsHelper: TestCredentialsHelper,
	baseUrl: string,
	records: IDataObject[],
	batchSize: number,
	lanes: number,
	requestsPerSecond = 0,
): Promise<FloorRun> {
	const requests = [];
	for (let start = 0; start < records.length; start += batchSize) {
		requests.push(() => ({ method: 'PUT' as const, url: `${baseUrl}/jobs-batch`, body: records.slice(start, start + batchSize), json: true }));
	}
	return await bareRequestLoop(credentialsHelper, 'vbaSoftwareApi', requests, lanes, requestsPerSecond);
}
