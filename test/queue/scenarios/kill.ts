import type { QueueContext } from '../lib/context';

export async function killScenario(context: QueueContext): Promise<void> {
	context.results.note('worker kill: not yet');
}
