// Fails when `npm pack` would ship anything but the built package and its front-door files.
const { execFileSync } = require('child_process');

const [pack] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
const allowed = (path) =>
	path.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE'].includes(path);
const stray = pack.files.map((file) => file.path).filter((path) => !allowed(path));
const hasDist = pack.files.some((file) => file.path.startsWith('dist/'));
console.log(`${pack.filename}: ${pack.files.length} files, ${(pack.size / 1024).toFixed(0)} kB packed`);
if (stray.length || !hasDist) {
	console.error(stray.length ? `Not part of the package: ${stray.join(', ')}` : 'dist/ is missing: build first');
	process.exit(1);
}
