/**
 * Peer comparison (npm run bench:peer): cold start → a Deployment of 250 replicas on 10 nodes all Ready, in this
 * project's simulator and in the peer in-browser Kubernetes @ngrok/webernetes (a bench-only dev dependency), each
 * in a fresh Node process, alternating, RUNS times. Reports CPU time (user + system) per run — machines here differ
 * by 3×, so the ratio (peer ÷ ours, same run) is the figure to quote. Goal: ≥ 100×.
 *
 * The peer's ESM uses extensionless imports, so Node can only load it bundled: esbuild writes one file into
 * node_modules/.cache/bench-peer first.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const REPLICAS = 250;
const RUNS = Number(process.env.PEER_RUNS ?? 3);
const root = path.resolve(import.meta.dirname, '..');
const cache = path.join(root, 'node_modules/.cache/bench-peer');
mkdirSync(cache, { recursive: true });
const entry = path.join(cache, 'entry.mjs');
const bundle = path.join(cache, 'webernetes.mjs');
writeFileSync(entry, "export { Cluster, BaseImage } from '@ngrok/webernetes';\n");
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning', absWorkingDir: root });

interface Run {
  cpuMs: number;
  /** of cpuMs, createSimulator alone (the default cluster's start) */
  setupCpuMs: number;
  wallMs: number;
  simMs: number;
  ready: number;
}
const run = (args: string[]): Run => {
  const out = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 600_000 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
};
const ours: Run[] = [];
const peer: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  ours.push(run(['--import', 'tsx', 'bench/peer/ours-run.ts', String(REPLICAS)]));
  peer.push(run(['bench/peer/webernetes-run.mjs', bundle, String(REPLICAS)]));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const oursCpu = median(ours.map((r) => r.cpuMs));
const peerCpu = median(peer.map((r) => r.cpuMs));
const ratio = peerCpu / oursCpu;

const rows: [string, string, string][] = [
  [`this simulator: ${REPLICAS} replicas Ready (median of ${RUNS})`, `${oursCpu.toFixed(0)} ms CPU`, `${median(ours.map((r) => r.wallMs)).toFixed(0)} ms wall, ${ours[0].simMs / 1000} s simulated`],
  ['  of which createSimulator (nodes, system pods, CoreDNS)', `${median(ours.map((r) => r.setupCpuMs)).toFixed(0)} ms CPU`, 'the rest: the Deployment'],
  [`@ngrok/webernetes 0.3.5: the same`, `${peerCpu.toFixed(0)} ms CPU`, `${median(peer.map((r) => r.wallMs)).toFixed(0)} ms wall`],
  ['ratio (peer ÷ ours, CPU)', `${ratio.toFixed(1)}×`, 'goal ≥ 100×'],
  ['load average (1 min)', os.loadavg()[0].toFixed(2), `${os.cpus().length} CPUs`],
];
const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c}`);
console.log(`BENCH ${JSON.stringify({ replicas: REPLICAS, ours_cpu_ms: Math.round(oursCpu), ours_setup_cpu_ms: Math.round(median(ours.map((r) => r.setupCpuMs))), peer_cpu_ms: Math.round(peerCpu), peer_ratio: Number(ratio.toFixed(1)) })}`);
