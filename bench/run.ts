/**
 * `npm run bench` runs every case in bench/cases in its own process (so one case's heap and peak
 * RSS do not colour the next) and prints each case's BENCH line again at the end;
 * `npm run bench -- <case> [<case> …]` runs only those.
 */
import { spawn } from 'child_process';
import { readdirSync } from 'fs';
import { join } from 'path';

const casesDir = join(__dirname, 'cases');
const available = readdirSync(casesDir)
	.filter((file) => file.endsWith('.ts'))
	.map((file) => file.replace(/\.ts$/, ''))
	.sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length) {
	console.error(`Unknown case(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
	process.exit(2);
}

async function runCase(name: string): Promise<{ lines: string[]; code: number }> {
	return await new Promise((resolve) => {
		const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(casesDir, `${name}.ts`)], {
			stdio: ['ignore', 'pipe', 'inherit'],
			env: { ...process.env, N8N_LOG_LEVEL: 'silent' },
		});
		const lines: string[] = [];
		let partial = '';
		child.stdout.on('data', (chunk: Buffer) => {
			process.stdout.write(chunk);
			const text = partial + chunk.toString();
			const parts = text.split('\n');
			partial = parts.pop() ?? '';
			lines.push(...parts);
		});
		child.on('close', (code) => resolve({ lines: partial ? [...lines, partial] : lines, code: code ?? 1 }));
	});
}

async function main(): Promise<void> {
	const benchLines: string[] = [];
	let failed = false;
	for (const name of wanted.length ? wanted : available) {
		console.log(`\n== ${name}`);
		const { lines, code } = await runCase(name);
		benchLines.push(...lines.filter((line) => line.startsWith('BENCH ')));
		if (code !== 0) {
			failed = true;
			benchLines.push(`BENCH ${name} error=exit-${code}`);
		}
	}
	console.log('\n== results');
	for (const line of benchLines) console.log(line);
	if (failed) process.exit(1);
}

void main();
