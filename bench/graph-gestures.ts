/**
 * Pan and zoom as a user does them, for bench:graph's biggest case (issue 16: at 20,000 pods the graph pans and
 * zooms with p95 frame ≤ 50 ms): a mouse drag across the fitted graph, wheel ticks zooming in on its middle, a drag
 * at that zoom, wheel ticks back out — each step one input event about a frame apart, as a mouse sends them — with a
 * pause after each zoom so the drawings' redraw at the new zoom is measured too. Records every frame (rAF deltas),
 * main-thread long tasks and main-thread CPU time (Chromium's ThreadTime) over the whole sequence.
 */
import type { CDPSession, Page } from '@playwright/test';
import { startCountingRenders, stopCountingRenders } from './react-renders';

export interface GestureResult {
  p50FrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  frames: number;
  longestTaskMs: number;
  longTasks: number;
  /** Main-thread CPU time over the gestures (not wall time: other processes on a busy machine barely move it). */
  cpuMs: number;
  /** The zoom after zooming in and after zooming out, to show the gestures took effect. */
  zoomedIn: number;
  zoomedOut: number;
  /** How far the first drag moved the view (px on screen): 0 means the drag did not pan. */
  pannedPx: number;
  /** React commits and the most component renders in one of them (react-renders.ts): counts the load does not move. */
  commits: number;
  maxRendersPerCommit: number;
  /**
   * <canvas> elements in the page when the gestures start and when they end (Chromium makes each a compositor layer
   * and hands it to the compositor again in every frame that moves it: one tile layer per graph since
   * components/graph/tile-layer.ts, one per node box before), and still images of grids (builds before it). Counts
   * the load does not move.
   */
  canvasesAtStart: TilePictures;
  canvasesAtEnd: TilePictures;
  /**
   * Compositor layers when the gestures start (CDP LayerTree): with software compositing (no GPU) every layer on
   * screen is drawn again in each frame a pan or zoom moves it. A count the load does not move.
   */
  layersAtStart: number;
}

interface TilePictures {
  canvases: number;
  images: number;
}

/** Shown canvases (not hidden behind a still image) and shown still images, in the page. */
const tilePictures = (page: Page) =>
  page.evaluate(() => ({
    canvases: [...document.querySelectorAll<HTMLCanvasElement>('canvas')].filter((c) => c.style.visibility !== 'hidden').length,
    images: [...document.querySelectorAll<HTMLImageElement>('img[data-pod-snapshot]')].filter((i) => !i.hidden).length,
  }));

/** Time between two input events of one gesture: a 60 Hz mouse. */
const EVENT_GAP_MS = 16;
/** Longer than the drawings wait for a zoom to stand still (components/graph/tile-zoom.ts ZOOM_SETTLE_MS). */
const SETTLE_MS = 500;

/** What a trace of the gestures records: the main thread's tasks, the compositor's frames and raster work. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel', 'blink', 'cc', 'viz', 'benchmark', 'v8'];
/**
 * BENCH_TRACE_INVALIDATIONS=1 adds what invalidated style, layout and paint, element by element (bench/trace-tasks.ts
 * counts them per heavy task): costly to record, so the frame times of such a run are not comparable.
 */
const INVALIDATION_CATEGORIES = process.env.BENCH_TRACE_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [];

/** How many compositor layers the page has now (drawn ones: with content, not bare containers). */
async function compositorLayers(page: Page, cdp: CDPSession): Promise<number> {
  const tree = new Promise<{ drawsContent: boolean }[]>((resolve) => cdp.once('LayerTree.layerTreeDidChange', (e) => resolve(e.layers ?? [])));
  await cdp.send('LayerTree.enable');
  // a still page sends no layer tree until something is drawn again: repaint the page's (transparent) body
  await page.evaluate(() => (document.body.style.backgroundColor = document.body.style.backgroundColor ? '' : 'transparent'));
  const layers = await tree;
  await cdp.send('LayerTree.disable');
  return layers.filter((l) => l.drawsContent).length;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const viewport = (page: Page) =>
  page.evaluate(() => {
    const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }, steps = 30): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + (by.x * i) / steps, from.y + (by.y * i) / steps);
    await pause(EVENT_GAP_MS);
  }
  await page.mouse.up();
}

async function wheel(page: Page, at: { x: number; y: number }, deltaY: number, ticks: number): Promise<void> {
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < ticks; i++) {
    await page.mouse.wheel(0, deltaY);
    await pause(EVENT_GAP_MS);
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

export async function measureGestures(page: Page): Promise<GestureResult> {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const mid = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
  // Passed as a string: tsx would wrap named functions in a helper that does not exist inside the page.
  await page.evaluate(`(() => {
    const rec = { deltas: [], longTasks: [], running: true };
    window.__gestureRecording = rec;
    let last = performance.now();
    const tick = (t) => { rec.deltas.push(t - last); last = t; if (rec.running) requestAnimationFrame(tick); };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
    rec.observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) rec.longTasks.push(e.duration); });
    rec.observer.observe({ type: 'longtask' });
  })()`);
  const canvasesAtStart = await tilePictures(page);
  const layersAtStart = await compositorLayers(page, cdp);
  const cpuBefore = await threadTime();
  await startCountingRenders(page);
  // BENCH_TRACE=file.json: a Chromium trace of the gestures (open it in chrome://tracing or Perfetto)
  const browser = process.env.BENCH_TRACE ? page.context().browser() : null;
  if (browser) await browser.startTracing(page, { path: process.env.BENCH_TRACE, categories: [...TRACE_CATEGORIES, ...INVALIDATION_CATEGORIES] });
  const before = await viewport(page);
  await drag(page, { x: mid.x - 200, y: mid.y - 100 }, { x: 400, y: 200 });
  const afterPan = await viewport(page);
  await pause(SETTLE_MS);
  await wheel(page, mid, -100, 12);
  await pause(SETTLE_MS);
  const zoomedIn = (await viewport(page)).zoom;
  await drag(page, { x: mid.x + 200, y: mid.y + 100 }, { x: -400, y: -200 });
  await pause(SETTLE_MS);
  await wheel(page, mid, 100, 12);
  await pause(SETTLE_MS);
  const zoomedOut = (await viewport(page)).zoom;
  const cpuMs = (await threadTime()) - cpuBefore;
  if (browser) await browser.stopTracing();
  const renders = await stopCountingRenders(page);
  const canvasesAtEnd = await tilePictures(page);
  console.log(`  canvases in the page: ${canvasesAtStart.canvases} (+ ${canvasesAtStart.images} still images) when the gestures start, ${canvasesAtEnd.canvases} (+ ${canvasesAtEnd.images}) at the end; ${layersAtStart} compositor layers drawing content at the start`);
  const rec = (await page.evaluate(`(() => {
    const rec = window.__gestureRecording;
    rec.running = false;
    rec.observer.disconnect();
    return { deltas: rec.deltas, longTasks: rec.longTasks };
  })()`)) as { deltas: number[]; longTasks: number[] };
  await cdp.detach();
  const sorted = [...rec.deltas].sort((a, b) => a - b);
  return {
    p50FrameMs: percentile(sorted, 50),
    p95FrameMs: percentile(sorted, 95),
    maxFrameMs: sorted[sorted.length - 1] ?? NaN,
    frames: sorted.length,
    longestTaskMs: Math.max(0, ...rec.longTasks),
    longTasks: rec.longTasks.length,
    cpuMs,
    zoomedIn,
    zoomedOut,
    pannedPx: Math.hypot(afterPan.x - before.x, afterPan.y - before.y),
    commits: renders.commits,
    maxRendersPerCommit: renders.maxRenders,
    canvasesAtStart,
    canvasesAtEnd,
    layersAtStart,
  };
}
