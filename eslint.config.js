// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const enforceBoundaries = require('./eslint-rules/enforce-boundaries');

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'coverage/',
      '.data/',
      '**/*.js',
      '!eslint.config.js',
      '!eslint-rules/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { kommunegraf: { rules: { 'enforce-boundaries': enforceBoundaries } } },
    rules: { 'kommunegraf/enforce-boundaries': 'error' },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['eslint.config.js', 'eslint-rules/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
