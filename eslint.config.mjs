import next from 'eslint-config-next';

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.kubesim/**'] },
  ...next,
  {
    rules: {
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // zod compiles parsers with `new Function` unless told not to, which the pages' CSP reports as a violation:
    // schemas take zod from lib/validation/zod.ts, which turns that off.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['lib/validation/zod.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Import z from '@/lib/validation/zod' (jitless, safe under the pages' CSP).", allowTypeImports: true }] },
      ],
    },
  },
];
export default config;
