import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-firefox/',
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
    rules: {
      'no-restricted-globals': [
        'error',
        ...['chrome', 'browser', 'window', 'document', 'navigator', 'fetch', 'localStorage', 'self'].map(
          (name) => ({ name, message: 'src/core must stay free of browser APIs.' }),
        ),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // Specifiers, not resolved paths: from src/core/<dir>/ only '../../' leaves the core (next block: src/core/*.ts).
            { group: ['../../*'], message: 'src/core imports only from src/core.' },
            { group: ['webextension-polyfill', 'preact', 'preact/*'], message: 'src/core stays pure.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*'], message: 'src/core imports only from src/core.' },
            { group: ['webextension-polyfill', 'preact', 'preact/*'], message: 'src/core stays pure.' },
          ],
        },
      ],
    },
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
