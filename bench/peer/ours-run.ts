/**
 * One cold run of this project's simulator for bench/peer.bench.ts: the same workload as webernetes-run.mjs
 * (10 schedulable nodes, a Deployment of REPLICAS nginx pods → all Ready). Prints one JSON line.
 * A cold run's time goes mostly to V8 rather than to the engine's work: in instructions, TurboFan compiling ~40 % of
 * the Deployment half and interpreter and inline-cache builtins ~30 % (valgrind; bench/sim.bench.ts says how to count so
 * that runs repeat), and createSimulator is first-time parsing and compiling of the engine's code, not writes (the
 * default cluster's start makes under 100 store writes). Measured on a3c7271 (valgrind, node --predictable, bundled):
 * createSimulator 111M instructions (lazy compiles 47M of them), the 250 replicas 489M (TurboFan 232M). Run with
 * --no-turbofan the whole process counts only 9 % less (1,131M against 1,242M): what TurboFan costs, its code mostly
 * wins back, so the floor is the interpreted and baseline work itself, about twice what a 100× ratio would allow.
 */
import { createSimulator } from '../../lib/sim';
import type { V1Deployment } from '@kubernetes/client-node';

const REPLICAS = Number(process.argv[2]);
const STEP_MS = 100;

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const sim = createSimulator({ seed: 1, cluster: { workers: 10 } });
// the cluster's own start (nodes, system pods, CoreDNS rolled out) apart from the 250 pods: the two halves differ in kind
const setup = process.cpuUsage(cpu0);
sim.create({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: REPLICAS, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
});
let simMs = 0;
let ready = 0;
while (ready < REPLICAS) {
  sim.advance(STEP_MS);
  simMs += STEP_MS;
  ready = (sim.get('Deployment', 'web') as V1Deployment).status?.readyReplicas ?? 0;
  if (simMs > 600_000) throw new Error(`stuck at ${ready}/${REPLICAS} Ready`);
}
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, setupCpuMs: (setup.user + setup.system) / 1000, wallMs: performance.now() - t0, simMs, ready }));
