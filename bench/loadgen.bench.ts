/**
 * Load generator benchmark (npm run bench:loadgen): the Playground's "트래픽 보내기" at its top rate (200 requests per
 * simulated second) to a Service of 10 pods for 60 simulated seconds, advanced in 100 ms slices like the UI clock,
 * against the same cluster without traffic. The generator sends at most 2 real requests per 100 ms tick (each stands
 * for several above 20/s), so its cost doesn't grow with the rate or the speed-up.
 */
import { createSimulator } from '../lib/sim';

const SECONDS = Number(process.env.SECONDS_SIM ?? 60);
const RATE = Number(process.env.RATE ?? 200);

function cluster() {
  const sim = createSimulator({ seed: 11, cluster: { workers: 3 } });
  sim.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 10, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27.3' }] } } } });
  sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  sim.advance(30_000);
  return sim;
}

function cpuMsOf(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / 1000;
}

const run = (sim: ReturnType<typeof cluster>) => cpuMsOf(() => {
  for (let t = 0; t < SECONDS * 1000; t += 100) sim.advance(100);
});
const quietMs = run(cluster());
const busy = cluster();
busy.startTraffic({ target: 'svc/web', rate: RATE });
const busyMs = run(busy);
const { sent, failed } = busy.trafficBetween(0, Infinity);

const row = (label: string, value: string, note = '') => console.log(`${label.padEnd(52)}${value.padStart(12)}  ${note}`);
row(`${SECONDS} s simulated, no traffic, CPU`, `${quietMs.toFixed(0)} ms`);
row(`${SECONDS} s simulated, generator at ${RATE}/s, CPU`, `${busyMs.toFixed(0)} ms`, `${sent} requests counted, ${failed} failed`);
row('generator cost per simulated second', `${((busyMs - quietMs) / SECONDS).toFixed(2)} ms`, 'at 60× speed: ×60 per wall second');
console.log(`BENCH ${JSON.stringify({ sent, failed, quiet_cpu_ms: Math.round(quietMs), busy_cpu_ms: Math.round(busyMs), ms_per_sim_second: Number(((busyMs - quietMs) / SECONDS).toFixed(2)) })}`);
