#!/usr/bin/env node
// The simulator engine's Web Worker as one classic script, public/sim-worker.js (lib/cluster/sim.worker.ts and what it
// imports). One file, so a page can start it from an inline script in its HTML, before its own code has loaded; the
// bundler's worker was a loader that fetched its chunks one after another (7 requests, ~270 ms of a first load here).
// `node scripts/build-sim-worker.mjs` builds it once; `--watch` keeps rebuilding it (npm run dev).
import { context, build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SIM_WORKER_OUT = path.join(root, 'public', 'sim-worker.js');

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: ['lib/cluster/sim.worker.ts'],
  outfile: SIM_WORKER_OUT,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

/** The first line of a development build (readable, with a source map): ensure-build.mjs replaces such a file. */
export const DEV_BANNER = '// sim-worker: development build (npm run dev)';

export async function buildSimWorker({ watch = false } = {}) {
  if (!watch) return build(options);
  const dev = { ...options, minify: false, sourcemap: 'inline', banner: { js: DEV_BANNER }, define: { 'process.env.NODE_ENV': '"development"' } };
  const ctx = await context(dev);
  await ctx.watch();
  return ctx;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const watch = process.argv.includes('--watch');
  try {
    await buildSimWorker({ watch });
    console.log(watch ? '시뮬레이터 워커(public/sim-worker.js)를 변경될 때마다 다시 만듭니다.' : '시뮬레이터 워커를 만들었습니다: public/sim-worker.js');
  } catch (e) {
    console.error(`시뮬레이터 워커를 만들지 못했습니다: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
