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
    // schemas take zod from lib/validation/zod.ts, which turns that off (zod-api.ts is the part of zod it exports).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['lib/validation/zod.ts', 'lib/validation/zod-api.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Import z from '@/lib/validation/zod' (jitless, safe under the pages' CSP).", allowTypeImports: true }] },
      ],
    },
  },
  {
    // Browser and engine code use the JSON object types (string timestamps) from lib/k8s/api-types; client-node's
    // classes (Date timestamps) belong where the app talks to a real cluster. Repeats the zod rule: a later block
    // replaces the rule's options for the files it matches.
    files: ['lib/**/*.ts', 'lib/**/*.tsx', 'components/**/*.ts', 'components/**/*.tsx', 'app/**/*.ts', 'app/**/*.tsx'],
    ignores: ['lib/server/**', 'lib/simserver/**', 'app/api/**', 'lib/validation/zod.ts', 'lib/validation/zod-api.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Import z from '@/lib/validation/zod' (jitless, safe under the pages' CSP).", allowTypeImports: true },
            { name: '@kubernetes/client-node', message: "Use the object types from lib/k8s/api-types (timestamps are strings there); client-node is for lib/server and app/api." },
          ],
        },
      ],
    },
  },
];
export default config;
