/**
 * `npm run scan -- source [dir]` or `npm run scan -- tarball <file.tgz>`: n8n's verification scanner over a
 * package's source files or a packed tarball (see release/scan.ts). Exits 1 on any finding; `--json` prints
 * the verdict as JSON. `npm run release` runs both.
 */
import { ROOT } from './release/paths';
import { scanSource, scanTarball, type ScanVerdict } from './release/scan';

const args = process.argv.slice(2).filter((arg) => arg !== '--json');
const json = process.argv.includes('--json');
const [what, target] = args;

export function describeVerdict(verdict: ScanVerdict): string {
	const outcome = verdict.clean ? 'no findings' : verdict.passedByN8n ? 'FINDINGS (warnings n8n lets pass)' : 'FINDINGS';
	const head = `scanner, ${verdict.what} (${verdict.files} files): ${outcome}`;
	return verdict.report ? `${head}\n${verdict.report.replace(/^/gm, '  ')}` : head;
}

async function main(): Promise<void> {
	if (what !== 'source' && !(what === 'tarball' && target)) {
		console.error('usage: npm run scan -- source [dir] | tarball <file.tgz> [--json]');
		process.exit(2);
	}
	const verdict = what === 'source' ? await scanSource(target ?? ROOT) : await scanTarball(target);
	console.log(json ? JSON.stringify(verdict) : describeVerdict(verdict));
	process.exitCode = verdict.clean ? 0 : 1;
}

if (require.main === module) void main();
