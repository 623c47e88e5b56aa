/**
 * The browser half of bench:live-scale: Chromium on `/playground?source=live` against a big cluster.
 * First graph = navigation → the painted pod count (canvas tiles' `data-painted` plus DOM tiles) stops growing
 * (held for 1.5 s), split by the page's own marks: the document loaded, the snapshot's first part and its last
 * (live-client.ts `live:snapshot-*`, with the JSON.parse and apply time of its parts), and the rest (the store,
 * layout and painting after the snapshot). JS heap from CDP after a full GC, once the graph is complete and again
 * after at least UPDATES_MS of updates (the caller's rollout and the cluster's own changes); frames (rAF deltas)
 * and long tasks while the mouse pans and the wheel zooms, then while `during` runs.
 */
import { chromium, type Page } from '@playwright/test';
import { PAINTED_GRIDS, TRACE_CATEGORIES } from './graph-page';
import { printProfile, startProfile } from './cpu-profile';

export interface BrowserFigures {
  firstGraphMs: number;
  /** navigation → DOMContentLoaded (the page's scripts ran) */
  documentMs: number;
  /** navigation → the snapshot's first part and its complete arrival, as the page marked them */
  snapshotFirstPartMs: number;
  snapshotCompleteMs: number;
  /** the snapshot's JSON.parse and its application to the client's cache, summed over its parts */
  snapshotParseMs: number;
  snapshotApplyMs: number;
  snapshotParts: number;
  snapshotMb: number;
  heapAfterUpdatesMb: number;
  updatesMs: number;
  paintedPods: number;
  heapMb: number;
  loadLongTasks: number;
  /** the long tasks' total until the graph was complete: how much of the wait the main thread was busy */
  loadLongTasksMs: number;
  loadLongestTaskMs: number;
  /** of the long tasks while loading, those while the snapshot arrived (first part to complete): the page reading it */
  arrivalLongTasks: number;
  arrivalLongestTaskMs: number;
  panP50Ms: number;
  panP95Ms: number;
  panLongestTaskMs: number;
  rolloutP95Ms: number;
  rolloutLongTasks: number;
  rolloutLongestTaskMs: number;
}

const round = (n: number) => Math.round(n * 10) / 10;
/** Heap is measured again after at least this long of updates (issue 16: bounded, not growing). */
const UPDATES_MS = 60_000;

interface SnapshotMarks {
  documentMs: number;
  firstPartMs: number;
  completeMs: number;
  detail: { parts: number; chars: number; parseMs: number; applyMs: number } | null;
}

const MARKS = `(() => {
  const mark = (n) => performance.getEntriesByName(n, 'mark')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    documentMs: nav ? nav.domContentLoadedEventEnd : NaN,
    firstPartMs: mark('live:snapshot-first-part')?.startTime ?? NaN,
    completeMs: mark('live:snapshot-complete')?.startTime ?? NaN,
    detail: mark('live:snapshot-complete')?.detail ?? null,
  };
})()`;

async function heapMb(cdp: { send(method: string): Promise<unknown> }): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return round(usedSize / 2 ** 20);
}
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/** Installed before the page's scripts: long tasks from the start, and a frame recorder started on demand. */
const RECORDER = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  window.__frames = null;
  window.__record = () => {
    const deltas = []; let last = performance.now(); let on = true;
    const tick = (t) => { deltas.push(t - last); last = t; if (on) requestAnimationFrame(tick); };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
    const since = performance.now();
    window.__frames = { stop: () => { on = false; const tasks = window.__longTasks.filter(([s]) => s >= since).map(([, d]) => d); return { deltas, tasks }; } };
  };
})();`;

const PAINTED = `(() => {
  let n = document.querySelectorAll('[data-pod-tile]:not([data-pod-proxy])').length;
  for (const c of document.querySelectorAll('${PAINTED_GRIDS}')) n += Number(c.dataset.painted || 0);
  return n;
})()`;

async function record(page: Page, act: () => Promise<void>): Promise<{ deltas: number[]; tasks: number[] }> {
  await page.evaluate('window.__record()');
  await act();
  return (await page.evaluate('window.__frames.stop()')) as { deltas: number[]; tasks: number[] };
}

/** Drags across the graph and zooms in and out with the wheel, about 8 s of input. */
async function panAndZoom(page: Page): Promise<void> {
  const pane = page.getByRole('application', { name: '클러스터 그래프' });
  const box = await pane.boundingBox();
  if (!box) throw new Error('graph pane not visible');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(cx - i * 12, cy - i * 6);
    await page.mouse.up();
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel(0, round % 2 ? 120 : -120);
      await page.waitForTimeout(40);
    }
  }
}

export async function measureBrowser(url: string, pods: number, during: () => Promise<void>): Promise<BrowserFigures> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
    await page.addInitScript(RECORDER);
    // BENCH_TRACE=file.json: a Chromium trace from navigation until the graph is complete (bench/trace-tasks.ts sums it)
    if (process.env.BENCH_TRACE) await browser.startTracing(page, { path: process.env.BENCH_TRACE, categories: TRACE_CATEGORIES });
    // BENCH_PROFILE=1: the main thread's CPU profile over the same span, by function (cpu-profile.ts)
    const profiler = process.env.BENCH_PROFILE ? await startProfile(page) : null;
    const t0 = Date.now();
    await page.goto(`${url}/playground?source=live`, { waitUntil: 'commit', timeout: 120_000 });
    let painted = 0;
    let reachedAt = Date.now();
    while (Date.now() - t0 < 300_000) {
      const n = (await page.evaluate(PAINTED).catch(() => 0)) as number;
      if (n > painted) (painted = n), (reachedAt = Date.now());
      else if (painted > 0 && Date.now() - reachedAt > 1_500) break;
      await page.waitForTimeout(100);
    }
    const firstGraphMs = reachedAt - t0;
    if (process.env.BENCH_TRACE) await browser.stopTracing();
    if (profiler) await printProfile(profiler);
    const loadSpans = ((await page.evaluate('window.__longTasks')) as [number, number][]) ?? [];
    const loadTasks = loadSpans.map(([, d]) => d);
    const marks = (await page.evaluate(MARKS)) as SnapshotMarks;
    // the long tasks that ran while the snapshot arrived (overlapping its first part's mark to its completion's)
    const arrivalTasks = loadSpans.filter(([start, d]) => start < marks.completeMs && start + d > marks.firstPartMs).map(([, d]) => d);
    const cdp = await page.context().newCDPSession(page);
    const heapAfterGraph = await heapMb(cdp);
    if (painted < Math.min(pods, 50)) console.error(`  only ${painted} pods painted — is the live graph showing the cluster?`);

    const pan = await record(page, () => panAndZoom(page));
    const updatesFrom = Date.now();
    const roll = await record(page, during);
    const rest = UPDATES_MS - (Date.now() - updatesFrom);
    if (rest > 0) await page.waitForTimeout(rest);
    const updatesMs = Date.now() - updatesFrom;
    const heapAfterUpdates = await heapMb(cdp);
    const p95 = (d: number[]) => round(percentile([...d].sort((a, b) => a - b), 95));
    return {
      firstGraphMs,
      documentMs: round(marks.documentMs),
      snapshotFirstPartMs: round(marks.firstPartMs),
      snapshotCompleteMs: round(marks.completeMs),
      snapshotParseMs: round(marks.detail?.parseMs ?? NaN),
      snapshotApplyMs: round(marks.detail?.applyMs ?? NaN),
      snapshotParts: marks.detail?.parts ?? 0,
      snapshotMb: round((marks.detail?.chars ?? NaN) / 2 ** 20),
      paintedPods: painted,
      heapMb: heapAfterGraph,
      heapAfterUpdatesMb: heapAfterUpdates,
      updatesMs,
      loadLongTasks: loadTasks.length,
      loadLongTasksMs: round(loadTasks.reduce((a, b) => a + b, 0)),
      loadLongestTaskMs: round(Math.max(0, ...loadTasks)),
      arrivalLongTasks: arrivalTasks.length,
      arrivalLongestTaskMs: round(Math.max(0, ...arrivalTasks)),
      panP50Ms: round(percentile([...pan.deltas].sort((a, b) => a - b), 50)),
      panP95Ms: p95(pan.deltas),
      panLongestTaskMs: round(Math.max(0, ...pan.tasks)),
      rolloutP95Ms: p95(roll.deltas),
      rolloutLongTasks: roll.tasks.length,
      rolloutLongestTaskMs: round(Math.max(0, ...roll.tasks)),
    };
  } finally {
    await browser.close();
  }
}
