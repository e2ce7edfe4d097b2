// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const STORAGE = ['ioredis', 'pg', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/pglite', 'stripe'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.scratch/',
      '**/__generated__/',
      'test/fixtures/lint/',
      'public/vendor/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error and its ordering: say `void` when that is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // A new outcome, status or error code fails the build until every switch handles it.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // Resolvers are adapters: no storage client under graphql/.
    files: ['**/src/graphql/**/*.ts', '**/src/openai/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: STORAGE, message: 'graphql/ calls domain verbs; storage belongs to the domains.' }] },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The dashboard runs in the browser.
    files: ['dashboard/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'document',
          'window',
          'location',
          'sessionStorage',
          'fetch',
          'requestAnimationFrame',
          'ResizeObserver',
          'Node',
          'console',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
);
