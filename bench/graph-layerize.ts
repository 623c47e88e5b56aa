/**
 * What a pan costs Chromium's rendering steps, in seconds rather than bench:graph's minutes: opens the engine's bench
 * page (`/playground?bench=N&nodes=M`, canvas tiles), drags the fitted graph twice (20 mouse moves a frame apart, each
 * way) under a trace and prints each step's runs and CPU: Layerize, Paint, Commit, style, layout, hit tests. Layerize
 * is what issue 16's 20,000-pod frames spend most on, and what it costs follows the page's paint chunks and property
 * nodes, so the counts compare builds (and CSS variants) where the load moves wall times.
 *
 * BENCH_CSS='{"name":"css"}' adds variants: the same drags with that style sheet in the page (what a change would
 * save, before writing it). BENCH_PODS (10,000) and BENCH_NODES (91: ~110 pods a node, as the live 20,000-pod cluster).
 * Usage: `BENCH_PORT=3243 npx tsx bench/graph-layerize.ts` in a built worktree.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { openGraph, startServer, stopServer } from './graph-page';

const PORT = Number(process.env.BENCH_PORT ?? 3217);
const BASE = `http://127.0.0.1:${PORT}`;
const STEPS = ['Layerize', 'Paint', 'Commit', 'UpdateLayoutTree', 'Layout', 'HitTest'];
const VARIANTS: Record<string, string> = { build: '', ...(process.env.BENCH_CSS ? (JSON.parse(process.env.BENCH_CSS) as Record<string, string>) : {}) };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two drags across the middle of the pane, there and back, one mouse move per 16 ms. */
async function drags(page: Page): Promise<void> {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const mid = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  for (const dir of [1, -1]) {
    const from = { x: mid.x - 150 * dir, y: mid.y - 80 * dir };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) {
      await page.mouse.move(from.x + (300 * dir * i) / 20, from.y + (160 * dir * i) / 20);
      await pause(16);
    }
    await page.mouse.up();
    await pause(500);
  }
}

interface Span {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
}

/** `Layerize 92× 441 ms (max 10.1)`: runs, CPU ms and the longest, of each step in the trace. */
function steps(path: string): string {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Span[] | { traceEvents: Span[] };
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  return STEPS.map((name) => {
    const ms = events.filter((e) => e.name === name && e.ph === 'X').map((e) => (e.tdur ?? e.dur ?? 0) / 1000);
    return `${name} ${ms.length}× ${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms (max ${Math.max(0, ...ms).toFixed(1)})`;
  }).join(' | ');
}

async function main() {
  const server = await startServer(PORT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  try {
    const { page } = await openGraph(browser, BASE, Number(process.env.BENCH_PODS ?? 10_000), Number(process.env.BENCH_NODES ?? 91), 'auto', false);
    for (const [name, css] of Object.entries(VARIANTS)) {
      await page.evaluate((text) => {
        const sheet = document.getElementById('bench-variant') ?? document.head.appendChild(Object.assign(document.createElement('style'), { id: 'bench-variant' }));
        sheet.textContent = text;
      }, css);
      await pause(600);
      const path = `/tmp/graph-layerize-${PORT}-${name}.json`;
      await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      await drags(page);
      await browser.stopTracing();
      console.log(`${name}: ${steps(path)}`);
    }
  } finally {
    await browser.close();
    await stopServer(server);
  }
}

void main();
