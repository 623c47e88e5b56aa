#!/usr/bin/env node
// `npm start`: build once if needed, then serve the app (embedded simulator by default) on PORT or 3000.
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const port = process.env.PORT ?? '3000';
console.log(`쿠버네티스 실습실을 http://localhost:${port} 에서 엽니다 (Ctrl+C로 종료)`);
const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
