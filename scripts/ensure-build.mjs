#!/usr/bin/env node
// Builds the production app when no build exists (or when FORCE_BUILD=1), so `npm start` and the
// e2e tests always run against a real `next build`; the simulator's worker script (build-sim-worker.mjs) is built
// with it, and on its own when it is missing or is `npm run dev`'s.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { DEV_BANNER, SIM_WORKER_OUT, buildSimWorker } from './build-sim-worker.mjs';

const distDir = '.next';
const hasBuild = existsSync(`${distDir}/BUILD_ID`);
const rebuild = !hasBuild || process.env.FORCE_BUILD === '1';
// missing, or left by `npm run dev` (readable, with its source map inline): built again for production
const workerOk = existsSync(SIM_WORKER_OUT) && !readFileSync(SIM_WORKER_OUT, 'utf8').startsWith(DEV_BANNER);
if (rebuild || !workerOk) {
  try {
    await buildSimWorker();
  } catch (e) {
    console.error(`시뮬레이터 워커를 만들지 못했습니다: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
if (rebuild) {
  console.log(hasBuild ? '프로덕션 빌드를 다시 만듭니다 (next build)…' : '빌드가 없어 먼저 프로덕션 빌드를 만듭니다 (next build)…');
  const r = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('빌드에 실패했습니다. 위의 오류를 확인해 주세요.');
    process.exit(r.status ?? 1);
  }
}
