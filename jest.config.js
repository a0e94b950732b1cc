/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.check.json' }],
	},
	// Scripts run by tsx import node files as `X.node.js` (a bare `X.node` resolves to the codex JSON there).
	moduleNameMapper: { '^(\\.{1,2}/.*\\.node)\\.js$': '$1' },
	setupFiles: ['<rootDir>/test/harness/setup-env.ts'],
	testTimeout: 60000,
	maxWorkers: 2,
};
