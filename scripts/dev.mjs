#!/usr/bin/env node
// `npm run dev`: the Next.js dev server, with the simulator's worker script (public/sim-worker.js) rebuilt whenever
// the engine's code changes (build-sim-worker.mjs --watch). Reload the page to run a rebuilt engine.
import { spawn } from 'node:child_process';
import { buildSimWorker } from './build-sim-worker.mjs';

const watcher = await buildSimWorker({ watch: true });
const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', async (code) => {
  await watcher.dispose();
  process.exit(code ?? 0);
});
