/**
 * Sums a Chromium trace of bench:graph's rollout (BENCH_TRACE=file.json) by the renderer main thread's tasks, in CPU
 * time (the trace's thread time, `tdur`) as well as wall time: a machine shared with other work stretches a task's wall
 * time several times over (78 tasks over 50 ms of wall time against 16 over 50 ms of CPU in one run at load 6), so
 * the CPU counts are the ones to compare between builds. Prints the tasks over 16, 30, 50 and 100 ms of CPU, what
 * the tasks over HEAVY ms (default 30) spend their CPU on (scripts by entry point, style, layout, paint, the
 * compositor's commit, GC), and the longest tasks one by one (TOP, default 5).
 * Also per-frame rendering: how many Layerize, Paint and Commit runs the trace has and their CPU (mean and p95), and,
 * in a trace recorded with invalidation tracking (BENCH_TRACE_INVALIDATIONS=1), what invalidated style, layout and
 * paint (event, reason, element) during the heavy tasks: what makes a frame that only moves the view paint at all.
 * And for each task over 50 ms of wall time, the CPU the other threads (the engine's worker, the GPU process) spent
 * while it ran: on a 2-core machine they, not the page, make most of a task's wall time.
 * With V8's samples in the trace (BENCH_TRACE_JS=1), each of the longest tasks also lists the functions it ran.
 * Usage: `npx tsx bench/trace-tasks.ts trace.json`.
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; columnNumber?: number; type?: string; reason?: string; nodeName?: string; invalidationSet?: string } };
}

/** What a task's CPU is counted as: the first of these met, not what is nested inside it. */
const KINDS = ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'Commit', 'MajorGC', 'MinorGC', 'EventDispatch', 'RunMicrotasks', 'ParseHTML'];

const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
const cpuMs = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;

function label(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  if (e.name === 'FunctionCall') return `script ${d.functionName || '(anonymous)'} ${(d.url ?? '').split('/').pop()}:${d.columnNumber ?? ''}`;
  if (e.name === 'EventDispatch') return `event ${d.type}`;
  return e.name;
}

function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx bench/trace-tasks.ts trace.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(thread(e), e.args?.name ?? '');
  // the page's main thread: the renderer main thread that ran the most scripts
  const scripts = new Map<string, number>();
  for (const e of events) if (e.name === 'FunctionCall' && names.get(thread(e)) === 'CrRendererMain') scripts.set(thread(e), (scripts.get(thread(e)) ?? 0) + 1);
  const main = [...scripts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error('no renderer main thread with scripts in this trace');
  const spans = events.filter((e) => thread(e) === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks: TraceEvent[] = [];
  let end = -1;
  for (const e of spans) {
    if ((e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') || e.ts < end) continue;
    tasks.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  const total = tasks.reduce((a, t) => a + cpuMs(t), 0);
  const over = (ms: number) => tasks.filter((t) => cpuMs(t) > ms).length;
  console.log(`main-thread tasks ${tasks.length}, CPU ${total.toFixed(0)} ms; over 50 ms of CPU ${over(50)} (of wall time ${tasks.filter((t) => (t.dur ?? 0) / 1000 > 50).length}), longest ${Math.max(0, ...tasks.map(cpuMs)).toFixed(1)} ms of CPU`);
  console.log(`  tasks by CPU: ${[16, 30, 50, 100].map((ms) => `${over(ms)} over ${ms} ms`).join(', ')}`);

  const inside = (t: TraceEvent) => {
    const sums = new Map<string, number>();
    let coveredTo = -1;
    for (const e of spans) {
      if (e.ts < t.ts || e === t) continue;
      if (e.ts >= t.ts + (t.dur ?? 0)) break;
      if (!KINDS.includes(e.name) || e.ts < coveredTo) continue;
      coveredTo = e.ts + (e.dur ?? 0);
      sums.set(label(e), (sums.get(label(e)) ?? 0) + cpuMs(e));
    }
    return sums;
  };
  const heavyMs = Number(process.env.HEAVY ?? 30);
  const heavy = tasks.filter((t) => cpuMs(t) > heavyMs);
  const all = new Map<string, number>();
  for (const t of heavy) for (const [k, ms] of inside(t)) all.set(k, (all.get(k) ?? 0) + ms);
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(' | ');
  console.log(`  in the ${heavy.length} tasks over ${heavyMs} ms of CPU (${heavy.reduce((a, t) => a + cpuMs(t), 0).toFixed(0)} ms): ${top(all, 12)}`);
  renderingSteps(spans);
  contention(events, names, main, tasks);
  invalidations(events, main, heavy);
  const functions = jsSamples(events, main);
  for (const t of [...tasks].sort((a, b) => cpuMs(b) - cpuMs(a)).slice(0, Number(process.env.TOP ?? 5))) {
    console.log(`  task at ${((t.ts - tasks[0].ts) / 1000).toFixed(0)} ms: ${cpuMs(t).toFixed(1)} ms of CPU (${((t.dur ?? 0) / 1000).toFixed(1)} wall): ${top(inside(t), 8)}`);
    if (functions) console.log(`    functions (share of its samples, inclusive): ${functions(t)}`);
  }
}

/**
 * With V8's sampling profiler in the trace (BENCH_TRACE_JS=1): for a task, the functions its samples ran in, each
 * counted once per sample with its callers (inclusive), as a share of the task's samples. Null without samples.
 * A build made with `next build --no-mangling` names our functions and React's; a normal build shows minified names.
 */
function jsSamples(events: TraceEvent[], main: string): ((t: TraceEvent) => string) | null {
  type Chunk = TraceEvent & { id?: string; args?: { data?: { startTime?: number; cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName: string; url?: string; columnNumber?: number } }[]; samples?: number[] }; timeDeltas?: number[] } } };
  const chunks = events as Chunk[];
  const profiles = chunks.filter((e) => e.name === 'Profile' && thread(e) === main);
  if (profiles.length === 0) return null;
  const ids = new Set(profiles.map((p) => p.id));
  const parent = new Map<number, number | undefined>();
  const fn = new Map<number, string>();
  const samples: [number, number][] = [];
  let ts = Math.min(...profiles.map((p) => p.args?.data?.startTime ?? Infinity));
  for (const e of chunks) {
    if (e.name !== 'ProfileChunk' || !ids.has(e.id)) continue;
    const d = e.args?.data;
    for (const n of d?.cpuProfile?.nodes ?? []) {
      parent.set(n.id, n.parent);
      // an anonymous function by its place (its file has many)
      const f = n.callFrame;
      fn.set(n.id, `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}${f.functionName || !f.url ? '' : `:${f.columnNumber}`}`.trim());
    }
    const s = d?.cpuProfile?.samples ?? [];
    for (let i = 0; i < s.length; i++) samples.push([(ts += d?.timeDeltas?.[i] ?? 0), s[i]]);
  }
  const skip = new Set(['(root)', '(program)', '(idle)']);
  return (t) => {
    const counts = new Map<string, number>();
    let n = 0;
    for (const [at, id] of samples) {
      if (at < t.ts || at > t.ts + (t.dur ?? 0)) continue;
      n++;
      const seen = new Set<string>();
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
        const f = fn.get(x) ?? '?';
        if (skip.has(f) || seen.has(f)) continue;
        seen.add(f);
        counts.set(f, (counts.get(f) ?? 0) + 1);
      }
    }
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP_FUNCTIONS ?? 12)).map(([f, c]) => `${f} ${Math.round((100 * c) / Math.max(1, n))}%`).join(' | ') || 'no samples';
  };
}

/**
 * The tasks over 50 ms of wall time and what else ran while each did: the CPU each other thread's tasks spent in its
 * window (threads with over 2 ms). On a 2-core machine a task's wall time is its CPU time only while the engine's
 * worker and the GPU process leave it a core: a long task of 28 ms of CPU took 114 ms while the worker spent 78 ms and
 * the software compositor 88 ms. Counts how many long tasks a worker ran beside, and their CPU, apart.
 */
function contention(events: TraceEvent[], names: Map<string, string>, main: string, tasks: TraceEvent[]): void {
  const processes = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name') processes.set(e.pid, e.args?.name ?? '');
  const others = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') || thread(e) === main) continue;
    const list = others.get(thread(e)) ?? [];
    if (list.length === 0) others.set(thread(e), list);
    list.push(e);
  }
  const long = tasks.filter((t) => (t.dur ?? 0) / 1000 > 50);
  if (long.length === 0) return;
  let besideWorker = 0;
  const rows: string[] = [];
  for (const t of long) {
    const from = t.ts;
    const to = t.ts + (t.dur ?? 0);
    const parts: string[] = [];
    for (const [th, list] of others) {
      let cpu = 0;
      let coveredTo = -1;
      for (const e of list) {
        const s = Math.max(from, e.ts);
        const end = Math.min(to, e.ts + (e.dur ?? 0));
        // nested RunTask spans count once
        if (end <= s || e.ts < coveredTo) continue;
        coveredTo = e.ts + (e.dur ?? 0);
        cpu += (cpuMs(e) * (end - s)) / Math.max(1, e.dur ?? 1);
      }
      if (cpu < 2) continue;
      const name = names.get(th) ?? th;
      if (name === 'DedicatedWorker thread' && cpu >= 10) besideWorker++;
      parts.push(`${processes.get(Number(th.split(':')[0])) ?? th.split(':')[0]}/${name} ${cpu.toFixed(0)}`);
    }
    rows.push(`    ${((t.dur ?? 0) / 1000).toFixed(0)} ms wall, ${cpuMs(t).toFixed(0)} ms CPU; beside it (CPU ms): ${parts.join(', ') || 'nothing'}`);
  }
  console.log(`  the ${long.length} tasks over 50 ms of wall time: ${besideWorker} ran beside a worker busy for 10 ms or more; CPU of theirs over 50 ms: ${long.filter((t) => cpuMs(t) > 50).length}`);
  for (const r of rows) console.log(r);
}

/** Count, total and p95 CPU ms of each rendering step on the main thread: what one frame of a gesture costs. */
function renderingSteps(spans: TraceEvent[]): void {
  const steps = ['Layerize', 'Paint', 'PrePaint', 'Commit', 'Layout', 'UpdateLayoutTree', 'HitTest'];
  const parts = steps.map((name) => {
    // nested spans of one name (Paint inside Paint) count once
    const ms: number[] = [];
    let end = -1;
    for (const e of spans) {
      if (e.name !== name || e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      ms.push(cpuMs(e));
    }
    ms.sort((a, b) => a - b);
    const sum = ms.reduce((a, b) => a + b, 0);
    return ms.length === 0 ? `${name} 0` : `${name} ${ms.length}× ${sum.toFixed(0)} ms (mean ${(sum / ms.length).toFixed(1)}, p95 ${ms[Math.floor(0.95 * (ms.length - 1))].toFixed(1)})`;
  });
  console.log(`  rendering steps: ${parts.join(' | ')}`);
}

/** What invalidated style, layout and paint inside `tasks` (invalidation-tracking events), most frequent first. */
function invalidations(events: TraceEvent[], main: string, tasks: TraceEvent[]): void {
  const tracked = events.filter((e) => thread(e) === main && e.name.endsWith('InvalidationTracking'));
  if (tracked.length === 0) return;
  const within = (e: TraceEvent) => tasks.some((t) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0));
  const counts = new Map<string, number>();
  for (const e of tracked) {
    if (!within(e)) continue;
    const d = e.args?.data ?? {};
    const key = `${e.name.replace('InvalidationTracking', '')}: ${d.reason ?? d.invalidationSet ?? ''} ${d.nodeName ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP_INVALIDATIONS ?? 15));
  console.log(`  invalidations in those tasks (${tracked.length} tracked in all):`);
  for (const [k, n] of top) console.log(`    ${n}× ${k}`);
}

main();
