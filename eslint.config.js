// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ and what each may import (docs/ARCHITECTURE.md, "Layers"). A layer not
 * listed under another may not be imported by it; import circles are caught by
 * scripts/lapisan.test.ts.
 */
const MURNI = ['engine', 'formula', 'dataset', 'policy', 'measure', 'check', 'report'];
export const LAPISAN = {
  engine: [],
  formula: ['engine'],
  dataset: ['engine', 'formula'],
  policy: ['engine', 'formula', 'dataset'],
  measure: ['engine', 'formula', 'dataset'],
  check: ['engine', 'formula', 'dataset', 'measure'],
  report: ['engine', 'formula', 'dataset', 'measure', 'check'],
  kontrak: [...MURNI],
  db: [...MURNI, 'kontrak'],
  workflow: [...MURNI, 'kontrak', 'db'],
  auth: [...MURNI, 'kontrak', 'db', 'workflow'],
  exchange: [...MURNI, 'kontrak', 'db', 'workflow'],
  config: ['db'],
  server: [...MURNI, 'kontrak', 'db', 'workflow', 'auth', 'exchange'],
  cli: [...MURNI, 'kontrak', 'db', 'workflow', 'auth', 'exchange', 'config', 'server'],
};

/** Code outside src/ that src/ must not import. */
const LUAR = ['bench', 'scripts', 'web'];

/** One rule per layer, for its modules; tests may import any layer and bench/synth. */
const aturanLapisan = Object.entries(LAPISAN).map(([lapisan, boleh]) => {
  const dilarang = Object.keys(LAPISAN).filter((l) => l !== lapisan && !boleh.includes(l));
  return {
    files: [`src/${lapisan}/**/*.ts`],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${[...dilarang, ...LUAR].join('|')})/`,
              message: `src/${lapisan} may import only ${boleh.length ? boleh.join(', ') : 'no other layer'} (docs/ARCHITECTURE.md, Layers).`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'drizzle', 'coverage', 'tmp', 'web/dist', 'dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The browser UI (web/tsconfig.json) and its end-to-end tests (web/e2e/tsconfig.json) are
    // found by the project service like the rest; React components also follow the hook rules.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The API's shapes come from the one contract, src/kontrak/, as types only (erased from the
      // bundle): the browser never loads server code, and never restates a server shape
      // (web/unit/kontrak.test.ts).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@kontrak/*'], allowTypeImports: true, message: 'Import the contract as types only: import type { … } from \'@kontrak/…\'.' },
            { regex: '^(\\.\\./)+src/', message: 'web/ reaches server code only through the contract\'s types (@kontrak/*).' },
          ],
        },
      ],
    },
  },
  ...aturanLapisan,
  {
    // The environment is read once, by the entry point, and passed down (src/config/config.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/testing.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the configuration passed down from src/cli/main.ts (src/config/config.ts), not process.env.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
