/**
 * Load generator benchmark (npm run bench:loadgen): the issue's cost goal — "simulated traffic at 1,000 requests/s
 * for 60 s simulated costs ≤ 10 % of the time of the same cluster without traffic". The Playground's "트래픽 보내기"
 * at RATE requests per simulated second (default 1,000) to a Service of 10 pods for 60 simulated seconds, advanced
 * in 100 ms slices like the UI clock, against the same cluster without traffic:
 *   - quiet: nothing changes in the cluster; the timed minute starts with startTraffic, so it pays the one plan a
 *     start makes (what a request to each of the 10 endpoints answers: one program asked for the template they share,
 *     each endpoint's outcome derived from that answer) — the start click included;
 *   - running: the same, but the generator started 1 s before the timed minute (what a minute of traffic costs
 *     once it runs: with nothing changing, nothing to do — the seconds are written down only when read);
 *   - chart: running, with the traffic panel's read (trafficStats, the last 60 closed seconds) once per simulated
 *     second — what the panel open at 1× costs (it asks twice a wall-clock second): it writes each second down and
 *     copies the 60 it shows;
 *   - rollout: a rolling update of the 10 pods 5 s in (writes that change answers re-plan);
 *   - yardstick: no traffic; instead one `kubectl annotate deployment web` at the start of the minute — what any one
 *     click costs next to a quiet cluster's minute, which is near zero (the engine works per change). It puts the
 *     start's one-off cost in proportion: the quiet case's ratio compares a click with an idle minute.
 * The goal reads "traffic … for 60 s": the running case is that reading (traffic flows the whole minute); the quiet
 * case adds the click that starts it, a one-off whose cost the yardstick and its share of a frame put in proportion.
 * Each timed minute ends with trafficBetween over it (the lesson check's read), timed too; it totals from the plan
 * without writing (lib/sim/network/load-counts.ts).
 *
 * Every run is a fresh cluster with a seed of its own (the quiet and busy run of a pair share one): the network
 * remembers a container's process by its pod's uid (connect.ts), and uids repeat between simulators with the same
 * seed, so with one seed for all runs each plan after the first found its ten processes already started — a cache
 * no student's browser has when it first sends traffic to new pods.
 *
 * Figures: the generator's extra CPU as a multiple of the same cluster's own CPU (the goal: ≤ 10 %), and as a share
 * of the simulated minute at 1× and at the top speed 60×. REPEAT alternating pairs after WARMUP of each, so JIT
 * compilation is billed to neither side (a path that runs once a minute needs several minutes to be compiled); the
 * extra is the median of the pairs' differences (a pair runs one seed at one moment of the machine's load), and
 * every pair's difference is printed in µs. process.cpuUsage() has ~µs resolution but the quiet cluster costs well
 * under a millisecond a minute, so the ratio is noisy on a loaded machine: bench/loadgen-instructions.ts counts the
 * running and quiet cases in instructions, which repeat from run to run.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Simulator } from '../lib/sim';
import { TrafficGenerator } from '../lib/sim/network/load';
import { tenWebPods } from '../lib/sim/network/testing';

const SECONDS = Number(process.env.SECONDS_SIM ?? 60);
const RATE = Number(process.env.RATE ?? 1000);
const REPEAT = Number(process.env.REPEAT ?? 15);
const WARMUP = Number(process.env.WARMUP ?? 5);
const TOP_SPEED = 60;
const ROLLOUT_AT_MS = 5_000;

let plans = 0;
let checks = 0;
const reconcile = TrafficGenerator.prototype.reconcile;
TrafficGenerator.prototype.reconcile = function (key, e) {
  plans++;
  reconcile.call(this, key, e);
};
// the generator's only other entry: the check it makes before any cluster work (whether the work can change answers)
const beforeWork = TrafficGenerator.prototype.beforeWork;
TrafficGenerator.prototype.beforeWork = function (source, e, change) {
  checks++;
  beforeWork.call(this, source, e, change);
};

// a full collection before each timed minute: the garbage of the cluster set up just before (and of the run before
// that) is then not collected inside it — process.cpuUsage counts the collector's threads too
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function cpuMsOf(fn: () => void): number {
  collectGarbage();
  const c0 = process.cpuUsage();
  fn();
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / 1000;
}

const rollOut = (sim: Simulator) => sim.patch('Deployment', 'web', 'default', { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } }, 'strategic');

/** CPU ms for SECONDS simulated, with or without the generator, what it counted and its work items. */
function measure(seed: number, traffic: boolean, rollout: boolean, startedBefore = false, chart = false, annotate = false): { ms: number; sent: number; failed: number; work: number; checks: number } {
  const sim = tenWebPods({ seed });
  const start = () => {
    if (annotate) return sim.patch('Deployment', 'web', 'default', { metadata: { annotations: { 'kubelab.dev/note': 'yardstick' } } }, 'merge');
    const r = sim.startTraffic({ target: 'svc/web', rate: RATE });
    if (!r.ok) throw new Error(r.error);
  };
  if (traffic && startedBefore) {
    start();
    sim.advance(1_000);
  }
  const from = sim.now();
  plans = 0;
  checks = 0;
  let counted = { sent: 0, failed: 0 };
  const ms = cpuMsOf(() => {
    // the click itself (resolving the target) is the generator's cost too
    if (traffic && !startedBefore) start();
    for (let t = 0; t < SECONDS * 1000; t += 100) {
      if (rollout && t === ROLLOUT_AT_MS) rollOut(sim);
      sim.advance(100);
      if (chart && t % 1000 === 900) sim.trafficStats();
    }
    counted = sim.trafficBetween(from, Infinity);
  });
  return { ms, work: plans, checks, ...counted };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const row = (label: string, value: string, note = '') => console.log(`${label.padEnd(62)}${value.padStart(12)}  ${note}`);

let seeds = 1_000;

const FRAME_MS = 1000 / 60;

function scenario(name: string, rollout: boolean, startedBefore = false, chart = false, annotate = false) {
  // warm-up: the generator's path runs once or a few times a minute, so it takes several minutes to be compiled
  for (let i = 0; i < WARMUP; i++) {
    const seed = seeds++;
    measure(seed, true, rollout, startedBefore, chart, annotate);
    measure(seed, false, rollout, startedBefore, chart, annotate);
  }
  const quiet: number[] = [];
  const busy: number[] = [];
  let counted = { sent: 0, failed: 0, work: 0, checks: 0 };
  for (let i = 0; i < REPEAT; i++) {
    const seed = seeds++;
    quiet.push(measure(seed, false, rollout, startedBefore, chart).ms);
    const b = measure(seed, true, rollout, startedBefore, chart, annotate);
    busy.push(b.ms);
    counted = b;
  }
  const quietMs = median(quiet);
  const busyMs = median(busy);
  // each pair runs the same seed within the same moment of the machine's load: its difference is the generator's cost
  const extras = busy.map((b, i) => b - quiet[i]);
  const extraMs = Math.max(0, median(extras));
  const share1x = extraMs / (SECONDS * 1000);
  const vsQuiet = quietMs > 0 ? extraMs / quietMs : Infinity;
  console.log(`— ${name}`);
  row(`${SECONDS} s simulated, no traffic, CPU (median of ${REPEAT})`, `${quietMs.toFixed(2)} ms`);
  const what = annotate ? 'one annotate' : `generator at ${RATE}/s`;
  row(`${SECONDS} s simulated, ${what}, CPU (median of ${REPEAT})`, `${busyMs.toFixed(2)} ms`, annotate ? '' : `${counted.sent} requests counted, ${counted.failed} failed; the generator ran ${counted.work} work items and ${counted.checks} change checks`);
  row(`${annotate ? 'the annotate' : 'generator'} cost per simulated minute`, `${Math.round((extraMs / SECONDS) * 60 * 1000)} µs`, `pairs' extra (busy − quiet): ${extras.map((x) => Math.round(x * 1000)).join(' ')} µs; ${(extraMs / FRAME_MS).toFixed(3)} of a 16.7 ms frame`);
  const isGoal = startedBefore && !chart && !annotate;
  const goal = annotate ? '(for scale)' : isGoal ? '(the goal: ≤ 10 %)' : chart ? '(the panel open)' : '(with the start click)';
  row(`extra CPU vs the same cluster without ${annotate ? 'it' : 'traffic'} ${goal}`, pct(vsQuiet), isGoal ? (vsQuiet <= 0.1 ? 'met' : 'NOT met') : '');
  row('share of the simulated time at 1×', pct(share1x));
  row(`share of the wall time at ${TOP_SPEED}× (the top speed)`, pct(share1x * TOP_SPEED));
  return { sent: counted.sent, failed: counted.failed, generator_work_items: counted.work, generator_change_checks: counted.checks, quiet_cpu_ms: Number(quietMs.toFixed(2)), busy_cpu_ms: Number(busyMs.toFixed(2)), extra_cpu_ms_per_sim_minute: Number(((extraMs / SECONDS) * 60).toFixed(2)), extra_cpu_us_per_sim_minute: Math.round((extraMs / SECONDS) * 60 * 1000), extra_vs_quiet_ratio: Number(vsQuiet.toFixed(2)), extra_vs_frame_ratio: Number((extraMs / FRAME_MS).toFixed(4)), ...(isGoal ? { goal_extra_le_10pct_of_quiet: vsQuiet <= 0.1 ? 'met' : 'NOT met' } : {}), share_of_sim_time_1x: Number(share1x.toFixed(5)), share_of_wall_time_60x: Number((share1x * TOP_SPEED).toFixed(4)) };
}

const running = scenario('quiet cluster, traffic running the whole minute (started 1 s before; the goal’s reading)', false, true);
const quiet = scenario('quiet cluster, traffic starts with the timed minute (the start click included)', false);
const yardstick = scenario('quiet cluster, one kubectl annotate deployment at the start instead (no traffic)', false, false, false, true);
const chart = scenario('traffic running, the panel reading its chart once a simulated second', false, true, true);
const rollout = scenario(`rolling update of the 10 pods ${ROLLOUT_AT_MS / 1000} s in`, true);
console.log(`BENCH ${JSON.stringify({ rate: RATE, seconds: SECONDS, running, quiet, yardstick, chart, rollout })}`);
