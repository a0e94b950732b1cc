/** One line per check as it finishes, and the closing count line CI reads. */
export class Results {
	passed = 0;
	failed = 0;

	pass(label: string, detail = ''): void {
		this.passed++;
		console.log(`ok    ${label}${detail ? `  ${detail}` : ''}`);
	}

	fail(label: string, problems: string[], detail = ''): void {
		this.failed++;
		console.log(`FAIL  ${label}${detail ? `  ${detail}` : ''}`);
		for (const problem of problems) console.log(`      - ${problem}`);
	}

	check(label: string, problems: string[], detail = ''): boolean {
		if (problems.length) this.fail(label, problems, detail);
		else this.pass(label, detail);
		return problems.length === 0;
	}

	note(text: string): void {
		console.log(`note  ${text}`);
	}

	summary(): string {
		return `e2e: ${this.passed} passed, ${this.failed} failed`;
	}
}

export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
