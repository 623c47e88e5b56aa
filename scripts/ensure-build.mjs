#!/usr/bin/env node
// Builds the production app when no build exists (or when FORCE_BUILD=1), so `npm start` and the
// e2e tests always run against a real `next build`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const distDir = '.next';
const hasBuild = existsSync(`${distDir}/BUILD_ID`);
if (!hasBuild || process.env.FORCE_BUILD === '1') {
  console.log(hasBuild ? '프로덕션 빌드를 다시 만듭니다 (next build)…' : '빌드가 없어 먼저 프로덕션 빌드를 만듭니다 (next build)…');
  const r = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('빌드에 실패했습니다. 위의 오류를 확인해 주세요.');
    process.exit(r.status ?? 1);
  }
}
