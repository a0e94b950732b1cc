import type { NodeAdapter, NotApplicable, Scenario } from './adapter';
import { rightslineAdapter } from './adapters/rightsline';
import { vbaAdapter } from './adapters/vba';
import { expectCell } from './cell';
import { FAULTS, ON_ERROR, type FaultId, type OnError } from './faults';
import { printMatrix, type CellOutcome } from './print';

/** `CONFORMANCE_NODES=VBA,BigChange npx jest test/conformance` runs some columns only, while working on a node. */
const only = process.env.CONFORMANCE_NODES?.split(',');
const ADAPTERS: NodeAdapter[] = [vbaAdapter, rightslineAdapter].filter(
	(adapter) => !only || only.includes(adapter.name),
);

const outcomes = new Map<string, CellOutcome>();
const cellKey = (fault: FaultId, node: string, onError: OnError) => `${fault}|${node}|${onError}`;

function isNotApplicable(staged: Scenario | NotApplicable): staged is NotApplicable {
	return 'notApplicable' in staged;
}

/**
 * One fault matrix for the four nodes through n8n's real engine: rows are faults, columns are
 * nodes × the three On Error settings. Every cell asserts the same guarantees (see expectCell).
 * The matrix is printed at the end (`npx jest test/conformance`).
 */
describe('conformance: every node keeps the same guarantees under every fault and On Error setting', () => {
	afterAll(() => {
		process.stdout.write(`\n${printMatrix(FAULTS, ADAPTERS.map((adapter) => adapter.name), ON_ERROR, outcomes, cellKey)}\n`);
	});

	for (const fault of FAULTS) {
		describe(fault.title, () => {
			for (const adapter of ADAPTERS) {
				it.each(ON_ERROR)(`${adapter.name}, %s`, async (onError) => {
					const key = cellKey(fault.id, adapter.name, onError);
					outcomes.set(key, 'fail');
					const staged = await adapter.stage(fault.id);
					if (isNotApplicable(staged)) {
						outcomes.set(key, 'n/a');
						return;
					}
					try {
						const result = await staged.run({ onError });
						expectCell(staged, onError, result);
						outcomes.set(key, 'pass');
					} finally {
						await staged.close();
					}
				});
			}
		});
	}
});
