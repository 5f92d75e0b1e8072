import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from './.ci/eslint-boundaries.js';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-firefox/',
      'dist-cli/',
      'dist-zip/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: no browser API, no DOM, nothing outside src/core (../shared/STYLE.md).
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    plugins: { arch: boundaries },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['chrome', 'browser', 'window', 'document', 'navigator', 'fetch', 'localStorage', 'self'].map(
          (name) => ({ name, message: 'src/core must stay free of browser APIs.' }),
        ),
      ],
      'arch/core-pure': 'error',
    },
  },
  {
    // Outside a src/core/<folder>/, import that folder only through its index.ts face (INTERNALS.md).
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.ts', 'bench/**/*.ts', 'demo/**/*.ts', '.ci/**/*.ts'],
    plugins: { arch: boundaries },
    rules: { 'arch/folder-face': 'error' },
  },
  {
    // Only src/shared/browser.ts may import the polyfill.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/shared/browser.ts', 'src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: 'Import from src/shared/browser.ts.' }] },
      ],
    },
  },
);
