const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc emits only JavaScript; n8n loads node and credential icons from dist beside the compiled files.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest(path.resolve('dist')),
	),
);

// tsc re-emits imported JSON pretty-printed; the VBAPI catalog is generated compact, so ship it as is.
task('build:catalog', () =>
	src(['nodes/**/catalog/*.json'], { base: '.' }).pipe(dest(path.resolve('dist'))),
);

task('build:assets', parallel('build:icons', 'build:catalog'));
