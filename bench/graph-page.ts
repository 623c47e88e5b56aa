/**
 * bench:graph's page side: the production server it measures, and a page opened in bench mode
 * (`/playground?bench=N&nodes=M`) or on a live cluster (`?source=live`) up to its first complete render.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, CDPSession, Page } from '@playwright/test';
// For the `window.__graphBench` declaration (type only; erased at run time).
import type { BenchHandle } from '../components/wiring/bench-mode';
import { printProfileOf } from './cpu-profile';
import { REACT_RENDER_COUNTER } from './react-renders';

type _Handle = BenchHandle;

/** `next start` of the build in the working directory on `port`, once it answers; `env` adds to the environment. */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, NODE_ENV: 'production' },
  });
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(base);
      if (r.ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error(`next start did not answer on ${base}`);
}

/** Stop a server from startServer and wait until it has exited (and freed its port). */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill();
  await exited;
}

/**
 * Elements that say how many pod tiles a big cluster's grid has painted (`data-painted`): the grid's element
 * (`[data-pod-grid]`, components/graph/tile-canvas.tsx) and, on builds before the one tile layer, each grid's own
 * <canvas>, so one bench measures both sides of a before/after pair.
 */
/**
 * What BENCH_TRACE records: the main thread's tasks, layouts, paints, GC and V8 (bench/trace-tasks.ts sums them).
 * BENCH_TRACE_JS=1 adds V8's sampling profiler: which functions each long task ran (it slows the page down).
 */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel', 'blink', 'v8', 'v8.execute', ...(process.env.BENCH_TRACE_JS ? ['disabled-by-default-v8.cpu_profiler'] : [])];

export const PAINTED_GRIDS = '[data-pod-grid], canvas[data-pod-canvas]';

/**
 * First render as the app's own watcher defines it (data ready → the frame after every pod tile is painted),
 * counting tiles drawn on canvases (their `data-painted`) as well as DOM tiles, which the app's watcher
 * does not. Installed before the page's scripts; sets `window.__benchFirstRenderMs`.
 */
const firstRenderWatch = (profile: boolean) => `(() => {
  const profile = ${profile};
  // With \`profile\`, a console.profile() span from data ready to first render (the bench reads it over CDP), and
  // each frame's time and tiles painted so far: what the first render spends, without loading and seeding.
  window.__benchFrames = [];
  // React commits from data ready to first render (react-renders.ts counts while \`on\`): how many rounds of render and
  // commit the first render took, a count the machine's load does not move.
  let handle;
  Object.defineProperty(window, '__graphBench', {
    configurable: true,
    get: () => handle,
    set: (h) => {
      let ready = null;
      Object.defineProperty(h, 'dataReadyAt', { configurable: true, enumerable: true, get: () => ready, set: (v) => {
        if (ready == null && v != null) {
          if (window.__renderStats) window.__renderStats.on = true;
          if (profile) console.profile('first-render');
        }
        ready = v;
      } });
      handle = h;
    },
  });
  // Count the cluster changes the engine's worker sends (sim-protocol: each message's changes), for CPU per change.
  const NativeWorker = window.Worker;
  if (NativeWorker) window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => { window.__benchChanges = (window.__benchChanges || 0) + (e.data?.changes?.length || 0); if (window.__kinds) { window.__msgs++; for (const c of e.data?.changes || []) { const k = c[0] + ':' + c[1]; window.__kinds[k] = (window.__kinds[k] || 0) + 1; } } });
    }
  };
  const tick = () => {
    const h = window.__graphBench;
    if (h && h.dataReadyAt != null) {
      let n = document.querySelectorAll('[data-pod-tile][data-namespace="default"]:not([data-pod-proxy])').length;
      for (const c of document.querySelectorAll('${PAINTED_GRIDS}')) n += Number(c.dataset.painted || 0);
      window.__benchFrames.push([Math.round(performance.now() - h.dataReadyAt), n]);
      if (n >= h.pods) {
        requestAnimationFrame(() => {
          window.__benchFirstRenderMs = performance.now() - h.dataReadyAt;
          if (window.__renderStats) window.__renderStats.on = false;
          if (profile) console.profileEnd('first-render');
        });
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** The profile of the page's `console.profile()` … `console.profileEnd()` span (the sampling profiler is enabled here). */
async function profileOfConsoleSpan(cdp: CDPSession): Promise<Parameters<typeof printProfileOf>[0]> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  return new Promise((resolve) => cdp.once('Profiler.consoleProfileFinished', (e) => resolve(e.profile)));
}

export interface OpenedGraph {
  page: Page;
  /** Wall time from data ready to the frame after every tile is painted. */
  firstRenderMs: number;
  /**
   * Main-thread CPU time (Chromium's ThreadTime) over the same span, give or take one poll of the page (a frame):
   * the page's own cost, which a busy machine stretches in wall time but barely moves in CPU time.
   */
  firstRenderCpuMs: number;
  /** Animation frames over the same span, React commits in it, and the most component renders in one commit: counts. */
  firstRenderFrames: number;
  firstRenderCommits: number;
  firstRenderMaxRenders: number;
}

/** Open the bench page for `pods` on `nodes` and wait for its first complete render; `profile` prints a CPU profile of it. */
export async function openGraph(browser: Browser, base: string, pods: number, nodes: number, tiles: 'dom' | 'auto', profile: boolean): Promise<OpenedGraph> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.addInitScript(firstRenderWatch(profile));
  await page.addInitScript(REACT_RENDER_COUNTER);
  // BENCH_LOAF: every long animation frame from the start, with its scripts (window.__loaf), for the first render's split
  if (process.env.BENCH_LOAF) await page.addInitScript(`window.__loaf = []; new PerformanceObserver((l) => window.__loaf.push(...l.getEntries())).observe({ type: 'long-animation-frame' });`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const firstRenderProfile = profile ? profileOfConsoleSpan(cdp) : null;
  const threadTime = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
  await page.goto(`${base}/playground?bench=${pods}&nodes=${nodes}${tiles === 'dom' ? '&tiles=dom' : ''}`);
  await page.waitForFunction(() => window.__graphBench?.dataReadyAt != null || window.__graphBench?.seedError != null, null, { timeout: 600_000, polling: 'raf' });
  const cpuAtReady = await threadTime();
  await page.waitForFunction(() => (window as { __benchFirstRenderMs?: number }).__benchFirstRenderMs != null || window.__graphBench?.seedError != null, null, {
    timeout: 300_000,
    polling: 'raf',
  });
  const cpuAtRender = await threadTime();
  if (firstRenderProfile) await firstRenderProfile;
  await cdp.detach();
  const first = await page.evaluate(() => ({ ms: (window as { __benchFirstRenderMs?: number }).__benchFirstRenderMs!, err: window.__graphBench!.seedError }));
  if (first.err) throw new Error(`seeding failed: ${first.err}`);
  const frames = await page.evaluate(() => (window as { __benchFrames?: [number, number][] }).__benchFrames ?? []);
  if (firstRenderProfile) {
    console.log(`  frames after data ready (ms: tiles painted): ${frames.map(([t, n]) => `${t}:${n}`).join(' ')}`);
    await printProfileOf(await firstRenderProfile);
  }
  // read the first render's React counts, then start the counter from zero for what the bench counts next
  const react = (await page.evaluate(`(() => {
    const s = window.__renderStats;
    if (!s) return { commits: 0, maxRenders: 0 };
    const r = { commits: s.commits, maxRenders: s.maxRenders };
    s.commits = s.renders = s.maxRenders = 0;
    return r;
  })()`)) as { commits: number; maxRenders: number };
  // the watcher's frames up to the one where every tile was painted, plus the one it then waits for
  return { page, firstRenderMs: first.ms, firstRenderCpuMs: cpuAtRender - cpuAtReady, firstRenderFrames: frames.length + 1, firstRenderCommits: react.commits, firstRenderMaxRenders: react.maxRenders };
}

/**
 * Open the live playground (the app proxying a cluster of at least `pods` pods) and wait until that many tiles are
 * painted. The engine's bench mode stops at 5,000 replicas a workload and 10,000 pods a cluster (lib/sim/limits.ts);
 * the sim cluster server's `--pods` hosts 20,000, the issue's biggest graph. Returns the wall time from navigation.
 */
export async function openLiveGraph(browser: Browser, base: string, pods: number): Promise<{ page: Page; firstGraphMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.addInitScript(REACT_RENDER_COUNTER);
  const t0 = performance.now();
  await page.goto(`${base}/playground?source=live`);
  // A function, not a string: the app's Content Security Policy has no 'unsafe-eval', and Playwright evaluates a string
  // predicate with eval inside the page (it failed there, so the 20,000-pod case never measured). Pod tiles painted
  // so far: canvas tiles (each grid says how many it drew) and DOM tiles.
  await page.waitForFunction(
    ({ n, grids }) => {
      let painted = document.querySelectorAll('[data-pod-tile]:not([data-pod-proxy])').length;
      for (const c of document.querySelectorAll<HTMLElement>(grids)) painted += Number(c.dataset.painted || 0);
      return painted >= n;
    },
    { n: pods, grids: PAINTED_GRIDS },
    { timeout: 600_000, polling: 200 },
  );
  return { page, firstGraphMs: performance.now() - t0 };
}
