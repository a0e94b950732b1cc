export { chunk, chunkIndexes } from './chunk';
export { RequestPacer, type PacerOptions } from './pacer';
export { runConcurrently } from './pool';
export { backoffCeiling, backoffDelay, seededRandom, type BackoffPolicy } from './backoff';
export { parseRetryAfter } from './retry-after';
export { classifyFailure, type ClassifyOptions, type FailureClass } from './classify';
export {
	DEFAULT_RETRY_POLICY,
	withRetry,
	type RetryEvent,
	type RetryOptions,
	type RetryPolicy,
} from './retry';
export { inspectFailure, type HttpFailure } from './failure';
export { readErrorBody, type BodyReading } from './error-body';
export {
	NETWORK_EXPLANATIONS,
	STATUS_EXPLANATIONS,
	explainNetworkCode,
	explainStatus,
	type StatusExplanations,
} from './explanations';
export { scrubText, scrubValue, isSecretName } from './scrub';
export {
	describeApiError,
	toNodeApiError,
	type ApiErrorDescription,
	type DescribeOptions,
	type ToNodeApiErrorOptions,
} from './errors';
export { ItemLedger, type ItemError, type SuccessExtra } from './ledger';
export { dispatchBatches, type Batch, type DispatchOptions } from './dispatch';
export { BatchBuilder, type GroupedBatch } from './batch-builder';
export { jsonBodyOptions } from './json-body';
export { ItemParameter } from './item-parameter';
