import { expect, test, type Page, type Worker } from '@playwright/test';
import { trackConsoleErrors } from './helpers';
import { kubectlPrompt as prompt, terminalOutput as output, typeCommand } from './kubectl-terminal';

const type = (page: Page, command: string) => typeCommand(page, command, 'paste');

/** The page's simulator worker (named in lib/cluster/sim-port.ts). */
async function simWorker(page: Page): Promise<Worker> {
  await expect.poll(async () => (await Promise.all(page.workers().map((w) => w.evaluate(() => self.name)))).includes('k8s-sim'), { timeout: 60_000 }).toBe(true);
  for (const w of page.workers()) if ((await w.evaluate(() => self.name)) === 'k8s-sim') return w;
  throw new Error('no simulator worker');
}

const handled = (w: Worker, op: string) => w.evaluate((o) => self.simRequests?.[o] ?? 0, op);

test('the simulator runs in a Web Worker: kubectl commands and the clock are answered there, under the page CSP', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/playground');
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  const worker = await simWorker(page);
  expect(await handled(worker, 'init')).toBe(1);

  const creates = await handled(worker, 'create');
  await type(page, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
  await expect(output(page)).toContainText('deployment.apps/web created');
  expect(await handled(worker, 'create')).toBe(creates + 1);

  // The play loop's steps go to the worker, and their changes reach the graph and the terminal.
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  await expect(page.locator('[data-pod-tile][data-pod^="web-"]')).toHaveCount(3, { timeout: 60_000 });
  expect(await handled(worker, 'advance')).toBeGreaterThan(0);
  await expect(async () => {
    await type(page, 'kubectl get deploy web');
    await expect(output(page)).toContainText(/web\s+3\/3\s+3\s+3/, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  // An error from the engine keeps its Kubernetes wording across the boundary.
  await type(page, 'kubectl get pod nope');
  await expect(output(page)).toContainText('Error from server (NotFound): pods "nope" not found');
  // The worker started while the page hydrated is the one the client took (lib/cluster/sim-worker.ts): no second
  // engine was started beside it, idle, by a later render.
  expect(await simWorkerCount(page)).toBe(1);
  expect(errors).toEqual([]);
});

const simWorkerCount = async (page: Page) => (await Promise.all(page.workers().map((w) => w.evaluate(() => self.name)))).filter((n) => n === 'k8s-sim').length;

test('bare machines keep their engine on the page: no simulator worker is started for them', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/playground?machines=1');
  await expect(page.getByRole('textbox', { name: / 셸 입력$/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('ubuntu@master:~$', { exact: true })).toBeVisible();
  expect(await simWorkerCount(page)).toBe(0);
});

test("the graph's code loads while the engine starts, not after it answers", async ({ page }) => {
  test.setTimeout(120_000);
  // Hold the engine's worker script until the page has loaded what it loads on its own.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  let workerAsked = false;
  await page.route('**/sim-worker.js', async (route) => {
    workerAsked = true;
    await held;
    await route.continue();
  });
  const scripts: Promise<string>[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js') && r.request().resourceType() === 'script') scripts.push(r.text().catch(() => ''));
  });
  await page.goto('/playground');
  await expect.poll(() => workerAsked, { timeout: 60_000 }).toBe(true);
  await expect(page.getByText('실습 클러스터를 준비하는 중…')).toBeVisible();
  // React Flow's code (its class names) arrives with the graph's chunks while the engine is still held.
  await expect.poll(async () => (await Promise.all(scripts)).some((s) => s.includes('react-flow__pane')), { timeout: 30_000 }).toBe(true);
  release();
  await expect(page.locator('[data-node-box]').first()).toBeVisible({ timeout: 60_000 });
});

test("a full page load starts the engine's worker from the HTML, before the page's own code has arrived", async ({ page }) => {
  test.setTimeout(120_000);
  // Hold every script chunk of the page until the worker's script is asked for (or 15 s pass): a worker the page's code
  // starts can only be asked for after those chunks, so it would come too late here.
  let workerAskedAt = 0;
  const askedForWorker = new Promise<void>((resolve) => {
    void page.route('**/sim-worker.js', async (route) => {
      workerAskedAt = Date.now();
      resolve();
      await route.continue();
    });
  });
  let chunksHeldSince = 0;
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    chunksHeldSince ||= Date.now();
    await Promise.race([askedForWorker, new Promise((r) => setTimeout(r, 15_000))]);
    await route.continue();
  });
  await page.goto('/playground', { waitUntil: 'commit' });
  await expect.poll(() => workerAskedAt, { timeout: 60_000 }).toBeGreaterThan(0);
  expect(chunksHeldSince).toBeGreaterThan(0);
  expect(workerAskedAt - chunksHeldSince, 'the worker was asked for while the chunks were held').toBeLessThan(15_000);
  // The page's client took that worker: the graph comes from it, and no second engine started beside it.
  await expect(page.locator('[data-node-box]').first()).toBeVisible({ timeout: 60_000 });
  const w = await simWorker(page);
  expect(await handled(w, 'init')).toBe(1);
  expect(await simWorkerCount(page)).toBe(1);
});

test('after a navigation inside the app the page starts the worker itself, from its one script', async ({ page }) => {
  test.setTimeout(120_000);
  const workerScripts: string[] = [];
  page.context().on('request', (r) => {
    if (/\/sim-worker\.js$|turbopack-worker/.test(new URL(r.url()).pathname)) workerScripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/glossary');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(workerScripts).toEqual([]);
  await page.locator('header a[href="/playground"]').first().click();
  await expect(page).toHaveURL(/\/playground$/);
  await expect(page.locator('[data-node-box]').first()).toBeVisible({ timeout: 60_000 });
  expect(await handled(await simWorker(page), 'init')).toBe(1);
  expect(await simWorkerCount(page)).toBe(1);
  // one request for the whole engine (the bundler's worker fetched seven scripts one after another)
  expect(workerScripts).toEqual(['/sim-worker.js']);
});

test("a worker script that cannot be loaded leaves the engine on the page: the Playground still works", async ({ page }) => {
  test.setTimeout(120_000);
  // e.g. an app built with `next build` alone, without scripts/build-sim-worker.mjs: /sim-worker.js is a 404
  await page.route('**/sim-worker.js', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto('/playground');
  await expect(page.locator('[data-node-box]').first()).toBeVisible({ timeout: 60_000 });
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await type(page, 'kubectl get nodes');
  await expect(output(page)).toContainText(/control-plane\s+Ready/);
  expect(await simWorkerCount(page)).toBe(0);
});

test('a lesson on bare machines gets no start script in its HTML; a lesson on the simulator does', async ({ page }) => {
  test.setTimeout(60_000);
  // (The Playground's `?machines=1` keeps the script, which stands aside for it: the test above sees no worker.)
  const machines = await page.request.get('/learn/cluster-setup');
  expect(machines.status()).toBe(200);
  expect(await machines.text()).not.toContain('/sim-worker.js');
  const pods = await page.request.get('/learn/pods');
  expect(pods.status()).toBe(200);
  expect(await pods.text()).toContain('/sim-worker.js');
});
