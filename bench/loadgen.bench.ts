/**
 * Load generator benchmark (npm run bench:loadgen): the cost goal — the Playground's "트래픽 보내기" at
 * 1,000 requests per simulated second (RATE to change) to a Service of 10 pods for 60 simulated seconds, advanced in
 * 100 ms slices like the UI clock, against the same cluster without traffic. The generator sends at most 2 real
 * requests per 100 ms tick (each stands for several above 20/s), so its cost doesn't grow with the rate.
 *
 * Two ratios, both printed: the generator's extra CPU as a share of the simulated minute (what it takes from a
 * student's machine at 1× speed, and at the top speed 60×) — the goal reads ≤ 10 % — and as a multiple of the quiet
 * cluster's own CPU, which is tiny (the engine is event-driven: a settled cluster does almost nothing per tick).
 * Median of REPEAT alternating runs after a warm-up, so JIT compilation is not billed to either side.
 */
import { createSimulator } from '../lib/sim';

const SECONDS = Number(process.env.SECONDS_SIM ?? 60);
const RATE = Number(process.env.RATE ?? 1000);
const REPEAT = Number(process.env.REPEAT ?? 5);
const TOP_SPEED = 60;

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

/** CPU ms for SECONDS simulated, with or without the generator, and what the generator counted. */
function measure(traffic: boolean): { ms: number; sent: number; failed: number } {
  const sim = cluster();
  if (traffic) {
    const r = sim.startTraffic({ target: 'svc/web', rate: RATE });
    if (!r.ok) throw new Error(r.error);
  }
  const ms = cpuMsOf(() => {
    for (let t = 0; t < SECONDS * 1000; t += 100) sim.advance(100);
  });
  return { ms, ...sim.trafficBetween(0, Infinity) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

measure(true); // warm-up: compile the request path before either side is timed
measure(false);
const quiet: number[] = [];
const busy: number[] = [];
let counted = { sent: 0, failed: 0 };
for (let i = 0; i < REPEAT; i++) {
  quiet.push(measure(false).ms);
  const b = measure(true);
  busy.push(b.ms);
  counted = b;
}
const quietMs = median(quiet);
const busyMs = median(busy);
const extraMs = Math.max(0, busyMs - quietMs);
const share1x = extraMs / (SECONDS * 1000);
const shareTop = share1x * TOP_SPEED;
const vsQuiet = quietMs > 0 ? extraMs / quietMs : Infinity;

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const row = (label: string, value: string, note = '') => console.log(`${label.padEnd(58)}${value.padStart(12)}  ${note}`);
row(`${SECONDS} s simulated, no traffic, CPU (median of ${REPEAT})`, `${quietMs.toFixed(1)} ms`);
row(`${SECONDS} s simulated, generator at ${RATE}/s, CPU (median of ${REPEAT})`, `${busyMs.toFixed(0)} ms`, `${counted.sent} requests counted, ${counted.failed} failed`);
row('generator cost per simulated second', `${(extraMs / SECONDS).toFixed(2)} ms`);
row('share of the simulated time at 1× (goal ≤ 10 %)', pct(share1x), share1x <= 0.1 ? 'met' : 'NOT met');
row(`share of the wall time at ${TOP_SPEED}× (the top speed)`, pct(shareTop), shareTop <= 0.1 ? 'within 10 %' : 'over 10 %');
row('extra CPU as a multiple of the quiet cluster’s CPU', `${vsQuiet.toFixed(1)}×`, 'the quiet cluster is event-driven: ~nothing per tick');
console.log(`BENCH ${JSON.stringify({ rate: RATE, seconds: SECONDS, sent: counted.sent, failed: counted.failed, quiet_cpu_ms: Number(quietMs.toFixed(1)), busy_cpu_ms: Math.round(busyMs), ms_per_sim_second: Number((extraMs / SECONDS).toFixed(2)), share_of_sim_time_1x: Number(share1x.toFixed(4)), share_of_wall_time_60x: Number(shareTop.toFixed(4)), extra_vs_quiet_cpu_ratio: Number(vsQuiet.toFixed(1)) })}`);
