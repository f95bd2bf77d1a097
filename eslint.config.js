// Flat ESLint config: TypeScript (type-aware where it matters), React hooks and jsx-a11y for the
// UI, and the architecture's boundaries: features never import each other, no import cycles.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const ROOT = import.meta.dirname;

/** Every folder under src/features is one feature; a new one is covered without a config edit. */
const FEATURES = readdirSync(`${ROOT}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A feature may import anything under src/ except another feature: only src/app composes them. */
const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message:
    'Features never import each other: share the code through src/lib, src/components, src/db or src/protocol, or compose the features in src/app.',
}));
/** Features never import the dashboard either (it is a separate app, see vite.dashboard.config.ts). */
featureZones.push(
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/dashboard',
    message: 'The kiosk never imports the dashboard.',
  })),
);

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', '.data'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
    },
  },
  {
    files: ['src/sw.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['scripts/**', 'bench/**', 'tests/**', 'server/**', '*.config.{js,ts}', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Benchmarks pass callbacks to page.evaluate(), which run in the browser.
    files: ['bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Imports are resolved as TypeScript resolves them (so tsconfig path aliases count too).
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Which files import-x reads to follow imports (no-cycle): ours are all TypeScript.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'tsconfig.sw.json', 'tsconfig.server.json'],
          // Three projects are slower to match than one, but the page, worker and collector differ.
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: featureZones }],
    },
  },
  {
    // The municipality's dashboard is its own app: it may use src/protocol and src/lib's pure
    // modules, never the kiosk's features, app shell, storage or sync (they would drag kiosk
    // code and its device state into /admin/); and nothing of the kiosk imports the dashboard.
    files: ['src/dashboard/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            './src/features',
            './src/app',
            './src/db',
            './src/sync',
            './src/components',
            './src/sw.ts',
            './src/main.tsx',
          ].map((from) => ({
            target: './src/dashboard',
            from,
            message:
              'The dashboard imports only src/protocol and src/lib pure modules (see README, "The dashboard").',
          })),
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/dashboard/**', 'src/features/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            {
              target: './src',
              from: './src/dashboard',
              message: 'The kiosk never imports the dashboard.',
            },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
