import type { Manifest } from './paths';

/**
 * npm's provenance and n8n's verification both tie the package to the GitHub repository it was built in:
 * package.json's repository URL must name the repository the workflow runs in, and the author must be set.
 */
export function repositoryProblems(pkg: Manifest, env: NodeJS.ProcessEnv): string[] {
	const problems: string[] = [];
	const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
	if (!author) problems.push('package.json names no author');
	const match = /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?$/.exec(url ?? '');
	if (!match) {
		problems.push(`package.json's repository URL (${String(url)}) is not a GitHub repository`);
	} else if (env.GITHUB_REPOSITORY && match[1].toLowerCase() !== env.GITHUB_REPOSITORY.toLowerCase()) {
		problems.push(`package.json's repository is ${match[1]} but this workflow runs in ${env.GITHUB_REPOSITORY}: npm refuses provenance for another repository`);
	} else if (!env.GITHUB_REPOSITORY) {
		problems.push(`outside GitHub Actions: provenance will name the repository the workflow runs in, which must be ${match[1]}`);
	}
	return problems;
}
