// ESLint for every process (`npm run lint`, part of `npm test`). typescript-eslint's
// recommended rules, a few type-aware rules that catch real bugs (a promise nobody awaits or
// catches, awaiting what is not a promise, a promise where a plain value is expected), and
// the React hooks rules for the renderer. Formatting is Prettier's job, not ESLint's. The
// project's own checks stay tests: process boundaries (test/boundaries/) and no plain-number
// money arithmetic (test/money/no-float-money.test.ts, `// number-ok:` markers).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'release/', 'native/', 'test-results/', 'playwright-report/', 'demo/', '.tmp/', 'docs/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a value kept on purpose (a rest sibling, a callback's slot).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Control characters in patterns are the point where input is cleaned of them.
      'no-control-regex': 'off',
      // Chinese text uses the ideographic space (U+3000) on purpose, in strings and templates.
      // An ambient module's types are referenced by path where the untyped package is imported.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'always' }],
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
    },
  },
  {
    // Type-aware rules: only these few and only on the app's code, so linting the whole tree
    // stays near a minute on 2 cores.
    files: ['{main,cli,preload,renderer,shared,bench}/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Tests feed deliberately malformed input through `any`.
    files: ['test/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
