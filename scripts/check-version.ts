/**
 * `npm run check:version [-- --tag vX.Y.Z]`: package.json, package-lock.json, CHANGELOG.md and the tag
 * (given, or the one GitHub Actions runs for) name one version.
 */
import { manifest } from './release/paths';
import { releaseTag, versionProblems } from './release/version';

const tag = releaseTag(process.argv.slice(2));
const problems = versionProblems(tag);
for (const problem of problems) console.error(`✗ ${problem}`);
if (!problems.length) console.log(`version ${manifest().version} agrees${tag ? ` with ${tag}` : ''}`);
process.exitCode = problems.length ? 1 : 0;
