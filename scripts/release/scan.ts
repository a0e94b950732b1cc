import { execFileSync } from 'child_process';
import { mkdirSync, rmSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';

import { RELEASE_DIR } from './paths';

interface AnalysisResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface LintMessage {
	line: number;
	column: number;
	severity: number;
	message: string;
	ruleId: string | null;
}

interface Scanner {
	analyzePackage(dir: string, patterns?: string[]): Promise<AnalysisResult>;
	buildScanConfig(): Promise<unknown>;
	SOURCE_FILE_PATTERNS: string[];
}

export interface ScanVerdict {
	what: string;
	files: number;
	/** n8n's verdict: analyzePackage passes a package with warnings. */
	passedByN8n: boolean;
	/** Ours: no finding at all, warnings included. */
	clean: boolean;
	report: string;
}

const SCANNER = '@n8n/scan-community-package/scanner/scanner.mjs';
const scannerRequire = createRequire(require.resolve(SCANNER));

async function loadScanner(): Promise<Scanner> {
	// eslint-plugin-n8n-nodes-base applies some rules to every file under NODE_ENV=test (as jest sets it);
	// n8n's scan runs without it, and so does this one.
	if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
	return (await import(SCANNER)) as Scanner;
}

/**
 * n8n's verification scanner, @n8n/scan-community-package, run as n8n runs it but offline: its
 * `analyzePackage` (ESLint with n8n's rule sets; inline `eslint-disable` comments are not honoured) over
 * the source files it lints in the attested commit, and over the tarball's compiled JS and package.json.
 * Its provenance and download legs need the published package and stay with n8n. analyzePackage shows
 * warnings only beside errors, so the same config runs once more to list them: a warning fails here too.
 */
async function scan(what: string, dir: string, patterns: string[]): Promise<ScanVerdict> {
	const scanner = await loadScanner();
	const result = await scanner.analyzePackage(dir, patterns);
	const glob = scannerRequire('fast-glob') as { sync(patterns: string[], options: object): string[] };
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const passedByN8n = result.passed && result.message === undefined;
	// Its report already lists warnings beside errors.
	if (!passedByN8n) return { what, files: files.length, passedByN8n, clean: false, report: [result.message, result.details].filter(Boolean).join('\n') };
	const { ESLint } = scannerRequire('eslint') as typeof import('eslint');
	const eslint = new ESLint({ cwd: dir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: (await scanner.buildScanConfig()) as never });
	const findings = (await eslint.lintFiles(files)).flatMap((file) =>
		(file.messages as LintMessage[]).map((m) => `${file.filePath.replace(`${dir}/`, '')}:${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} ${m.message} (${m.ruleId ?? 'parser'})`),
	);
	// No files is no scan, though analyzePackage calls it a pass.
	return { what, files: files.length, passedByN8n, clean: findings.length === 0 && files.length > 0, report: findings.join('\n') };
}

export async function scanSource(root: string): Promise<ScanVerdict> {
	const { SOURCE_FILE_PATTERNS } = await loadScanner();
	return await scan('source', root, SOURCE_FILE_PATTERNS);
}

export async function scanTarball(tarball: string): Promise<ScanVerdict> {
	const unpacked = join(RELEASE_DIR, 'scanned');
	rmSync(unpacked, { recursive: true, force: true });
	mkdirSync(unpacked, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	return await scan('tarball', unpacked, ['**/*.js', 'package.json']);
}
