/**
 * First graph (npm run bench:first-graph): how long a student waits for the Playground's cluster graph, on the
 * production build in the working directory, in real Chromium.
 * - full load: `/playground` opened in a fresh context → the first node box drawn (the page's own clock);
 * - soft navigation: from /glossary (loaded, its header link hovered so the page's code is prefetched as a student's
 *   pointer would) a click on 실습장 → the first node box drawn.
 * Reference, to compare machines (they differ by 3× here): a full load of /glossary, a page with no engine and no
 * graph, to its load event, in the same run. Every figure is a median of RUNS (default 9); ratios are to that
 * reference. RTT=ms puts a delaying proxy in front of the server: each request waits that long, as on a real network
 * (the server here shares the machine's two cores with the browser, which a real one does not).
 */
import http from 'node:http';
import os from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { startServer, stopServer } from './graph-page';

const PORT = 3231;
const RTT = Number(process.env.RTT ?? 0);
const RUNS = Number(process.env.RUNS ?? 9);
const front = RTT > 0 ? PORT + 1 : PORT;

const proxy =
  RTT > 0
    ? http
        .createServer((req, res) => {
          setTimeout(() => {
            const up = http.request({ host: '127.0.0.1', port: PORT, path: req.url, method: req.method, headers: req.headers }, (r) => {
              res.writeHead(r.statusCode ?? 502, r.headers);
              r.pipe(res);
            });
            up.on('error', () => res.destroy());
            req.pipe(up);
          }, RTT);
        })
        .listen(front, '127.0.0.1')
    : undefined;

const base = `http://127.0.0.1:${front}`;
const firstBox = (page: Page) => page.locator('[data-node-box]').first().waitFor({ timeout: 60_000 });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer(PORT);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
const full: number[] = [];
const soft: number[] = [];
const reference: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    // each in a fresh context: nothing cached from the run before
    const ref = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await ref.goto(`${base}/glossary`, { waitUntil: 'load' });
    reference.push(await ref.evaluate(() => Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd)));
    const link = ref.locator('header a[href="/playground"]').first();
    await ref.waitForTimeout(1_000);
    await link.hover();
    await ref.waitForTimeout(1_000);
    const t0 = await ref.evaluate(() => performance.now());
    await link.click();
    await firstBox(ref);
    soft.push(Math.round((await ref.evaluate(() => performance.now())) - t0));
    await ref.close();

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/playground`);
    await firstBox(page);
    full.push(Math.round(await page.evaluate(() => performance.now())));
    await page.close();
  }
} finally {
  await browser.close();
  await stopServer(server);
  proxy?.close();
}

const ref = median(reference);
const rows: [string, string, string][] = [
  ['full load of /playground → first graph', `${median(full)} ms`, `${(median(full) / ref).toFixed(2)}× the reference; runs ${full.join(', ')}`],
  ['soft navigation /glossary → /playground → first graph', `${median(soft)} ms`, `${(median(soft) / ref).toFixed(2)}× the reference; runs ${soft.join(', ')}`],
  ['reference: full load of /glossary to its load event', `${ref} ms`, `runs ${reference.join(', ')}`],
  ['added round-trip time per request (RTT)', `${RTT} ms`, RTT ? 'a delaying proxy in front of the server' : 'none: server on this machine'],
  ['load average (1 min)', os.loadavg()[0].toFixed(2), `${os.cpus().length} CPUs — the server shares them with the browser`],
];
const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c}`);
console.log(
  `BENCH ${JSON.stringify({ full_load_ms: median(full), soft_nav_ms: median(soft), reference_ms: ref, full_load_ratio: Number((median(full) / ref).toFixed(2)), soft_nav_ratio: Number((median(soft) / ref).toFixed(2)), rtt_ms: RTT, runs: RUNS })}`,
);
