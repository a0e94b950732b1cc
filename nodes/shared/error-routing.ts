import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Under which key a failed item's facts go under Continue (using error output), so that the n8n running
 * the node moves it to the error output (n8n-core's `WorkflowExecute.handleNodeErrorOutput`):
 * - `details`: n8n 2.36 and later move an item whose JSON keys are all among `error`, `message` and
 *   `details`: `{ error, details }`, the shape README documents.
 * - `message`: n8n 1.x (1.123.81 read) and 2.0 to 2.35 move an item only when its JSON is exactly
 *   `{ error }` or `{ error, message }`, so the same facts go under `message`: `{ error, message }`.
 * `item.error` cannot carry them instead: every release replaces the JSON of an item that has it by
 * `{ error: message }`. No version is offered to a node, so the context is asked for a method n8n-core
 * added to it in the 2.2x releases (present in 2.23 and every later release read, up to 2.41.1; absent
 * in 1.123.81, 2.0.0 and 2.20.0). Releases that have it but still use the older rule (about 2.22 to
 * 2.35) get `details` and leave failed items on the success output, as README's Compatibility says.
 */
export type ErrorRouting = 'details' | 'message';

export function errorRoutingOf(context: IExecuteFunctions): ErrorRouting {
	return typeof (context as { getRuntimeCredential?: unknown }).getRuntimeCredential === 'function' ? 'details' : 'message';
}
