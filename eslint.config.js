// The architecture's rules, checked by machine (see docs/ARCHITECTURE.md):
// src/shared is pure (no Node, DOM-only libraries, Electron, main or renderer), renderer and main never
// import each other, only src/main/electron imports 'electron', and there are no import cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// Exact module names go in `paths`; folder globs in `patterns` (a gitignore-style pattern such as
// "http" would also match a local "./http").
const forbid = (message, names) => names.map((name) => ({ name, message }));
const folder = (message, ...group) => ({ group, message });

const node = forbid('No Node here: only src/main (and tests, scripts) use Node modules.', nodeBuiltins);
const uiLibs = ['react', 'react-dom', 'react-dom/client', 'zustand', 'zustand/middleware', 'recharts'];
const ioLibs = ['electron', 'better-sqlite3', 'exceljs', 'jszip'];

const rules = {
  shared: {
    paths: [
      ...node,
      ...forbid('src/shared is pure: no UI, storage, Excel or Electron libraries.', [...uiLibs, ...ioLibs]),
    ],
    patterns: [folder('src/shared is pure: it imports nothing from main or renderer.', '**/main/**', '**/renderer/**')],
  },
  renderer: {
    paths: [...node, ...forbid('The renderer has no access to Electron, SQLite or ExcelJS.', ioLibs)],
    patterns: [folder('The renderer talks to main only through the API contract (src/renderer/api).', '**/main/**')],
  },
  main: {
    paths: forbid('Main has no UI libraries.', uiLibs),
    patterns: [folder('Main never imports the renderer; share code through src/shared.', '**/renderer/**')],
  },
  electronOnlyInShell: forbid("Only src/main/electron imports 'electron' (the thin shell).", ['electron']),
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'out/**', 'coverage/**', 'node_modules/**', 'test-results/**', '.vite/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-self-import': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      // the text checks and file-name cleaning match control characters on purpose
      'no-control-regex': 'off',
      'no-console': 'off',
    },
  },
  { files: ['src/shared/**'], rules: { 'no-restricted-imports': ['error', rules.shared] } },
  { files: ['src/renderer/**'], rules: { 'no-restricted-imports': ['error', rules.renderer] } },
  {
    // views are pages, not component libraries: what two views share lives in components/ or lib/
    files: [
      'src/renderer/components/**',
      'src/renderer/lib/**',
      'src/renderer/stores/**',
      'src/renderer/charts/**',
      'src/renderer/api/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...rules.renderer,
          patterns: [...rules.renderer.patterns, folder('Shared UI code never imports a view.', '**/views/**')],
        },
      ],
    },
  },
  {
    files: ['src/renderer/views/*.tsx'],
    ignores: ['src/renderer/views/registry.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...rules.renderer,
          patterns: [
            ...rules.renderer.patterns,
            { regex: '^\\./[A-Z][^/]*$', message: 'A view never imports another view; share through components/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { ...rules.main, paths: [...rules.main.paths, ...rules.electronOnlyInShell] }],
    },
  },
  { files: ['src/main/electron/**'], rules: { 'no-restricted-imports': ['error', rules.main] } },
  {
    // Tests load everything except the real electron module (the shell gets a fake).
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: rules.electronOnlyInShell }],
    },
  },
  {
    // tests build raw, hostile documents of any shape on purpose
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
