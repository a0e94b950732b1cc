import type { IDataObject, NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * What a workflow can route a failed item on, besides its message. Kept on the error's `context`
 * (which n8n already carries around) until the ledger builds the item's `details`.
 */
export interface FailureFacts extends IDataObject {
	/** Whether a request for this item left the node. False: fix and run it again, nothing to check. */
	sent: boolean;
	/** The request may have been applied although no answer said so: check before running it again. */
	mayHaveBeenApplied: boolean;
	/** The input field the failure is about, when there is one. */
	field?: string;
	/** What the vendor itself said, as it said it (scrubbed of secrets). */
	vendorMessage?: string;
}

const KEY = 'failureFacts';

type AnyItemError = NodeApiError | NodeOperationError;

export function setFailureFacts(error: AnyItemError, facts: Partial<FailureFacts>): void {
	const known = (error.context[KEY] as Partial<FailureFacts> | undefined) ?? {};
	error.context[KEY] = { ...known, ...facts };
}

export function failureFactsOf(error: AnyItemError): Partial<FailureFacts> {
	return (error.context[KEY] as Partial<FailureFacts> | undefined) ?? {};
}
