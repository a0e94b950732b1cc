export type CellOutcome = 'pass' | 'fail' | 'n/a';

const SHORT: Record<string, string> = { stopWorkflow: 'stop', continueRegularOutput: 'regular', continueErrorOutput: 'error out' };
const MARK: Record<CellOutcome, string> = { pass: 'pass', fail: 'FAIL', 'n/a': 'n/a' };

/** The matrix as a plain-text table, for the test log and the closing notes. */
export function printMatrix<F extends string, M extends string>(
	faults: ReadonlyArray<{ id: F; title: string }>,
	nodes: readonly string[],
	modes: readonly M[],
	outcomes: ReadonlyMap<string, CellOutcome>,
	key: (fault: F, node: string, mode: M) => string,
): string {
	const header = ['fault', ...nodes.flatMap((node) => modes.map((mode) => `${node} ${SHORT[mode] ?? mode}`))];
	const rows = faults.map((fault) => [
		fault.title,
		...nodes.flatMap((node) => modes.map((mode) => MARK[outcomes.get(key(fault.id, node, mode)) ?? 'fail'])),
	]);
	const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
	const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	const counts = { pass: 0, fail: 0, 'n/a': 0 };
	for (const fault of faults) for (const node of nodes) for (const mode of modes) counts[outcomes.get(key(fault.id, node, mode)) ?? 'fail']++;
	return [
		'Conformance matrix (rows: faults; columns: node × On Error)',
		line(header),
		line(widths.map((width) => '-'.repeat(width))),
		...rows.map(line),
		`conformance cells: ${counts.pass} passed, ${counts.fail} failed, ${counts['n/a']} not applicable`,
	].join('\n');
}
