/**
 * The student's laptop, outside the cluster: a shell with curl whose packets reach the nodes' addresses
 * (192.168.56.x) and nothing else — a NodePort answers, a ClusterIP or pod IP times out, a Service name doesn't
 * resolve. What `curl` typed in the browser terminal runs.
 */
import type { Engine } from '../engine';
import type { ExecResult } from '../apps/exec';
import { runArgv } from '../shell';
import { networkClient } from './client';
import { networkTools } from './tools';

const LAPTOP_TOOLS = networkTools(['curl'])!;

export function runOnLaptop(e: Engine, argv: readonly string[]): ExecResult {
  const r = runArgv(argv, { env: { PATH: '/usr/bin:/bin', HOME: '/home/student' }, files: {}, hostname: 'laptop', startedAt: e.time, cwd: '/home/student', commands: LAPTOP_TOOLS, net: networkClient(e, 'outside') }, 'bash');
  const join = (stream?: 'stderr') => r.lines.filter((l) => l.stream === stream).map((l) => `${l.text}\n`).join('');
  return { stdout: join(), stderr: join('stderr'), exitCode: r.exitCode, durationMs: r.exitAtMs === Infinity ? 0 : r.exitAtMs };
}
