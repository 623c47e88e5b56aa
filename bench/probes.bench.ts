/**
 * Prober benchmark (npm run bench:probes): 1,000 pods with a passing readiness probe and a passing
 * liveness probe (period 10 s) plus a memory limit, run for 10 simulated minutes. Probes are one timer
 * per container and probe, so the cost grows with probes run (pods × 60 per 10 min per probe), never
 * with a sweep over every pod per tick. Also: a tick with nothing due. Targets (2-core machine):
 * < 10 µs CPU per probe run, idle tick < 1 ms.
 */
import os from 'node:os';
import { createSimulator } from '../lib/sim';

const PODS = 1000;
const sim = createSimulator({ seed: 5, cluster: { workers: 10, workerCapacity: { cpu: '64', memory: '256Gi', pods: 110 } } });
const container = {
  name: 'web',
  image: 'nginx:1.25',
  resources: { limits: { memory: '64Mi' } },
  readinessProbe: { httpGet: { port: 80, path: '/' }, periodSeconds: 10 },
  livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 10 },
};
sim.create({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas: PODS, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } } },
});
sim.advance(30_000);
const ready = sim.list('Pod', 'default').items.filter((p) => (p as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;

const cpu0 = process.cpuUsage();
const SIM_MS = 10 * 60_000;
sim.advance(SIM_MS);
const u = process.cpuUsage(cpu0);
const cpuMs = (u.user + u.system) / 1000;
const probeRuns = PODS * 2 * (SIM_MS / 10_000);
const usPerProbe = (cpuMs * 1000) / probeRuns;

// a tick with nothing due: every probe was just run, advance less than a period
sim.advance(10_000 - (sim.now() % 10_000));
const t = performance.now();
sim.advance(1);
const tickMs = performance.now() - t;

const row = (label: string, value: string, note = '') => console.log(`${label.padEnd(60)}${value.padStart(14)}  ${note}`);
row(`pods Ready after 30 s (of ${PODS})`, String(ready));
row('10 simulated minutes, CPU', `${cpuMs.toFixed(0)} ms`, `${probeRuns} probe runs`);
row('CPU per probe run', `${usPerProbe.toFixed(2)} µs`, 'target < 10 µs');
row('tick of 1 ms', `${tickMs.toFixed(3)} ms`, 'target < 1 ms');
row('load average (1 min)', os.loadavg()[0].toFixed(2), `${os.cpus().length} CPUs`);
console.log(`BENCH ${JSON.stringify({ pods: PODS, probe_runs: probeRuns, cpu_ms: Math.round(cpuMs), us_per_probe: Number(usPerProbe.toFixed(2)), tick_ms: Number(tickMs.toFixed(4)) })}`);
