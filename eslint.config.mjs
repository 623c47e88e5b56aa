import next from 'eslint-config-next';

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.kubesim/**'] },
  ...next,
  {
    rules: {
      'react-hooks/set-state-in-effect': 'off',
    },
  },
];
export default config;
