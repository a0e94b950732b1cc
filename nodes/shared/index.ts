export { chunk } from './chunk';
export { RequestPacer, type PacerOptions } from './pacer';
export { backoffCeiling, backoffDelay, type BackoffPolicy } from './backoff';
export { parseRetryAfter } from './retry-after';
export { classifyFailure, requestOutcome, type ClassifyOptions, type FailureClass, type RequestOutcome } from './classify';
export { withRetry, type RetryEvent, type RetryOptions, type RetryPolicy } from './retry';
export { inspectFailure, type HttpFailure } from './failure';
export { readErrorBody, type BodyReading } from './error-body';
export { explainNetworkCode, explainStatus, type StatusExplanations } from './explanations';
export { scrubText, scrubValue } from './scrub';
export {
	describeApiError,
	maybeAppliedMessage,
	notSentBecause,
	toNodeApiError,
	type ApiErrorDescription,
	type DescribeOptions,
	type ToNodeApiErrorOptions,
} from './errors';
export { ItemLedger, type ItemError, type OnErrorMode, type SuccessExtra } from './ledger';
export { ItemRun, type Checked, type ItemRunOptions } from './item-run';
export { describeValue, isItemProblem, itemProblem, itemProblemError, parsePositiveInteger, type ItemProblem } from './item-problem';
export { setFailureFacts, type FailureFacts } from './failure-facts';
export { CredentialRefused, isCredentialRefusal } from './credential-refused';
export { NotSent, RunStop, stopsTheRun } from './run-stop';
export { dispatchBatches, type Batch, type DispatchOptions } from './dispatch';
export { BatchBuilder, type GroupedBatch } from './batch-builder';
export { jsonBodyOptions } from './json-body';
export { ItemParameter } from './item-parameter';
export { readRequestOptions, requestOptionProperties, type RequestProfile, type RequestSettings } from './request-options';
export { sharedPacer } from './pacer-registry';
export { toolDescription } from './tool-description';
