/**
 * bench:loadgen's quiet case as instruction counts (`npx tsx bench/loadgen-instructions.ts`; needs valgrind): the
 * figure that on a shared, loaded machine says the same thing every run, where process.cpuUsage() of a minute that
 * costs well under a millisecond does not.
 *
 * The process runs the same alternating pairs as bench:loadgen (a fresh 10-pod cluster per pair, the quiet minute,
 * then the minute with traffic at RATE/s, each after a full collection) under callgrind, twice over: first with the
 * generator started at the minute's start (the start click included), then with it started 1 s before (the goal's
 * reading: traffic for the whole minute; the quiet side advances the same second). It counts only the instructions
 * executed inside the timed minutes: each timed minute is entered through vm's Script.runInThisContext, and
 * callgrind collects only inside node's ContextifyScript::RunInContext. Five processes run the same sequence and
 * each counts one thing (the quiet and busy minutes of each reading, and the start's work items alone), and
 * `--predictable` (one thread: no concurrent compilation or marking) makes the counts repeat (two runs: quiet minutes
 * identical, busy ones within 0.1 %), so JIT and collector state is the same on both sides. What lands
 * in a minute still depends on the harness's own code (a different bundle moved the quiet minute from 2.7 M to 6.5 M
 * instructions): compare old and new code with this same file. Everything a minute runs counts,
 * compilation and scavenges included; the full collections before the minutes do not (bench:loadgen doesn't time them
 * either). The code is bundled first (esbuild): tsx's loader talks to its transform service, which varies the counts.
 * With one thread, the optimizing compiler runs inside whichever minute makes a function hot: keep WARMUP at 5 or more
 * (with WARMUP=1 and REPEAT=2 the busy minutes carried tens of millions of instructions of compilation).
 *
 * Where the extra goes (Dec 2026, 10 pairs): the generator's own JavaScript is a few tens of thousands of
 * instructions a minute; the rest is V8 running code that runs once a run, cold. NODE_FLAGS (passed to node, e.g.
 * `NODE_FLAGS=--no-lazy-feedback-allocation`) shows it: with feedback vectors from the first call the extra fell
 * from ~1.7 M to ~0.36 M instructions (lazily allocated, a function run once a minute has none for its first calls,
 * so every property load and object literal in it goes through the runtime). Both minutes also recompile ~10
 * functions with TurboFan (the previous simulator's objects die, and the code that embedded them with them); the
 * busy minute's compilations are ~0.6 M larger. A diagnosis only: the figures above are counted without flags.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const RATE = Number(process.env.RATE ?? 1000);
const RUNS = Number(process.env.REPEAT ?? 10);
const WARMUP = Number(process.env.WARMUP ?? 5);
/** quiet | busy | plan | quiet-running | running: what the child counts */
const PHASE = process.env.LOADGEN_PHASE;
/** extra node flags for a diagnosis (see the header), e.g. --no-lazy-feedback-allocation */
const NODE_FLAGS = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);

async function child(phase: string): Promise<void> {
  const { tenWebPods } = await import('../lib/sim/network/testing');
  const { TrafficGenerator } = await import('../lib/sim/network/load');
  const gc = (globalThis as { gc?: () => void }).gc!;
  const timed = new Script('globalThis.__loadgenTimed()');
  const g = globalThis as { __loadgenTimed?: () => void };
  /** runs fn inside the counted native frame when `count` */
  const counted = (count: boolean, fn: () => void) => {
    if (!count) return fn();
    g.__loadgenTimed = fn;
    timed.runInThisContext();
  };
  let countPlans = false;
  const reconcile = TrafficGenerator.prototype.reconcile;
  TrafficGenerator.prototype.reconcile = function (key, e) {
    counted(countPlans, () => reconcile.call(this, key, e));
  };
  let sent = 0;
  /** running: the generator (or, on the quiet side, nothing) started 1 s before the counted minute */
  const minute = (seed: number, traffic: boolean, measured: boolean, running: boolean) => {
    const sim = tenWebPods({ seed });
    if (running) {
      if (traffic) sim.startTraffic({ target: 'svc/web', rate: RATE });
      sim.advance(1_000);
    }
    gc();
    const counts = measured && phase === (running ? (traffic ? 'running' : 'quiet-running') : traffic ? 'busy' : 'quiet');
    counted(counts, () => {
      if (traffic && !running) sim.startTraffic({ target: 'svc/web', rate: RATE });
      countPlans = measured && traffic && !running && phase === 'plan';
      for (let t = 0; t < 60_000; t += 100) sim.advance(100);
      countPlans = false;
    });
    sent += sim.trafficBetween(sim.now() - 60_000, Infinity).sent;
  };
  let seed = 1_000;
  for (const running of [false, true]) {
    for (let i = 0; i < WARMUP; i++, seed++) {
      minute(seed, true, false, running);
      minute(seed, false, false, running);
    }
    for (let i = 0; i < RUNS; i++, seed++) {
      minute(seed, false, true, running);
      minute(seed, true, true, running);
    }
  }
  console.log(`sent ${sent}`);
}

function collected(bundle: string, phase: string): Promise<number> {
  const args = ['--tool=callgrind', '--collect-atstart=no', '--toggle-collect=node::contextify::ContextifyScript::RunInContext*', '--callgrind-out-file=/dev/null', process.execPath, '--predictable', '--expose-gc', ...NODE_FLAGS, bundle];
  return new Promise((resolve, reject) => {
    const p = spawn('valgrind', args, { env: { ...process.env, LOADGEN_PHASE: phase }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const m = /Collected : (\d+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`valgrind (${phase}) failed:\n${err.slice(-2000)}`));
      else resolve(Number(m[1]));
    });
  });
}

async function main(): Promise<void> {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(path.join(tmpdir(), 'loadgen-instr-'));
  const bundle = path.join(dir, 'loadgen-instructions.mjs');
  try {
    await build({ entryPoints: [fileURLToPath(import.meta.url)], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning', external: ['esbuild'] });
    const [quiet, busy, plan, quietRunning, running] = await Promise.all(['quiet', 'busy', 'plan', 'quiet-running', 'running'].map((phase) => collected(bundle, phase)));
    const perMinute = (n: number) => Math.round(n / RUNS);
    const ratio = (perMinute(busy) - perMinute(quiet)) / perMinute(quiet);
    const runningRatio = (perMinute(running) - perMinute(quietRunning)) / perMinute(quietRunning);
    const row = (label: string, value: string, note = '') => console.log(`${label.padEnd(62)}${value.padStart(14)}  ${note}`);
    const flags = NODE_FLAGS.length ? `, node ${NODE_FLAGS.join(' ')}` : '';
    console.log(`— quiet cluster, traffic running the whole minute (started 1 s before; the goal’s reading), instructions (callgrind, ${RUNS} pairs after ${WARMUP}${flags})`);
    row('60 s simulated, no traffic, per minute', perMinute(quietRunning).toLocaleString('en'));
    row(`60 s simulated, generator at ${RATE}/s, per minute`, perMinute(running).toLocaleString('en'));
    row('extra vs the same cluster without traffic (goal ≤ 10 %)', `${(runningRatio * 100).toFixed(1)} %`, runningRatio <= 0.1 ? 'met' : 'NOT met');
    console.log('— quiet cluster, traffic starts with the timed minute (the start click included)');
    row('60 s simulated, no traffic, per minute', perMinute(quiet).toLocaleString('en'));
    row(`60 s simulated, generator at ${RATE}/s, per minute`, perMinute(busy).toLocaleString('en'));
    row('  of which the generator’s work items (its plan)', perMinute(plan).toLocaleString('en'));
    row('extra vs the same cluster without traffic', `${(ratio * 100).toFixed(1)} %`);
    console.log(`BENCH ${JSON.stringify({ rate: RATE, runs: RUNS, running: { quiet_instructions_per_minute: perMinute(quietRunning), busy_instructions_per_minute: perMinute(running), extra_vs_quiet_ratio: Number(runningRatio.toFixed(3)), goal_extra_le_10pct_of_quiet: runningRatio <= 0.1 ? 'met' : 'NOT met' }, start: { quiet_instructions_per_minute: perMinute(quiet), busy_instructions_per_minute: perMinute(busy), plan_instructions_per_minute: perMinute(plan), extra_vs_quiet_ratio: Number(ratio.toFixed(3)) } })}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (PHASE) await child(PHASE);
else await main();
