import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const typescript = { parser: tseslint.parser, parserOptions: { sourceType: 'module' } };
const legacyRules = (name) => n8nNodesBase.configs[name].rules;

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', 'gulpfile.js', 'jest.config.js'] },
	// All TypeScript: strict about `any`, whether it ships or only tests it.
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		languageOptions: typescript,
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	// What n8n's verification scanner applies to a community package.
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		...n8nCommunityNodesPlugin.configs.recommended,
		languageOptions: typescript,
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: legacyRules('community'),
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...legacyRules('credentials'),
			// The rule itself says it applies only to n8n's main repository, whose docs use slugs.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// Off in n8n's own scanner too: the community rule on password fields decides.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...legacyRules('nodes'),
			// These two want the string 'main'; n8n's own scanner (community-nodes) wants NodeConnectionTypes.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
);
