// One flat config for the whole workspace. Nx's module-boundary rule keeps
// dependencies pointing one way: apps -> libs, and raft / cluster-fsm -> proto only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', '**/.nx/**', '**/out/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs', '**/*.js'],
    plugins: { '@nx': nx },
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Apps depend on libs; the cli also runs the agent (the composition root).
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'scope:agent'] },
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:lib', 'type:app'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:proto', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:raft', onlyDependOnLibsWithTags: ['scope:proto', 'scope:testkit'] },
            { sourceTag: 'scope:testkit', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:cluster-fsm', onlyDependOnLibsWithTags: ['scope:proto', 'scope:testkit'] },
          ],
        },
      ],
    },
  },
);
