/**
 * A big live cluster's first snapshot comes in parts (lib/server/snapshot-frames.ts): while the page waits for it,
 * the Playground shows how many of its objects have arrived, of the total the server announced, instead of a bare
 * "preparing" line for seconds; then the graph. Starts its own sim cluster (4,000 pods) and `next start`.
 */
import { expect, test } from '@playwright/test';
import { startApp, startSimCluster, tempKubeconfigPath, type Proc } from './live-servers';

const PODS = 4_000;
const kubeconfig = tempKubeconfigPath();
let sim: Proc;
let app: Proc;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sim = await startSimCluster({ kubeconfig, speed: 1, pods: PODS, readyTimeoutMs: 200_000 });
  app = await startApp({ KUBECONFIG: kubeconfig, CLUSTER_NAMESPACES: 'default' });
});

test.afterAll(async () => {
  await app?.stop();
  await sim?.stop();
});

/** Every label the loading view showed, recorded as the DOM changes (the view may last a few frames only). */
const RECORD_PROGRESS = `
  window.__progress = [];
  new MutationObserver(() => {
    const label = document.querySelector('[data-cluster-loading] p')?.textContent;
    if (label && window.__progress.at(-1) !== label) window.__progress.push(label);
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

test('a big live cluster shows its snapshot arriving, counted against its total, then the graph', async ({ page }) => {
  test.setTimeout(180_000);
  // The proxy's first stream waits for its watches to sync; a first visit leaves them synced.
  await page.goto(`${app.url}/playground?source=live`);
  await expect(page.locator('[data-node-box]').first()).toBeVisible({ timeout: 90_000 });

  await page.addInitScript(RECORD_PROGRESS);
  await page.goto(`${app.url}/playground?source=live`);
  await expect(page.locator('[data-node-box]').first()).toBeVisible({ timeout: 90_000 });
  const labels = (await page.evaluate('window.__progress')) as string[];
  const arriving = labels
    .map((l) => /^실제 클러스터에서 오브젝트 ([\d,]+) \/ ([\d,]+)개를 받는 중…$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))]);
  // at least one part was shown before the last one came, counted against the whole snapshot (pods, nodes and more)
  expect(arriving.length, `labels seen: ${JSON.stringify(labels)}`).toBeGreaterThan(0);
  const [done, total] = arriving[0];
  expect(total).toBeGreaterThan(PODS);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(total);
  // the counts only grow, and the view is gone once the graph is there
  expect(arriving.map(([d]) => d)).toEqual([...arriving.map(([d]) => d)].sort((a, b) => a - b));
  await expect(page.locator('[data-cluster-loading]')).toHaveCount(0, { timeout: 60_000 });
});

/** Where each node box is and how big, as one string (compared before and after a wait). */
const BOX_GEOMETRY = `[...document.querySelectorAll('[data-node-box]')].map((b) => { const r = b.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(','); }).join(' ')`;

test('on a slow link the page shows before the snapshot is all in, says how much is still coming, and lays the boxes out for good once it is', async ({ page }) => {
  test.setTimeout(180_000);
  // the proxy's watches are synced (the test above), and this visit leaves the page's code in the browser's cache
  await page.goto(`${app.url}/playground?source=live`);
  await expect(page.locator('[data-node-box]').first()).toBeVisible({ timeout: 90_000 });
  // ~40 KB/s: the snapshot (about half a megabyte gzipped) takes longer than the page waits for it (live-setup.ts: 5 s)
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 40_000, uploadThroughput: 40_000 });
  await page.goto(`${app.url}/playground?source=live`);

  // the graph shows what has come, and a note over it counts the rest against the snapshot's total
  const note = page.locator('[data-snapshot-arriving]');
  await expect(note).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-node-box]').first()).toBeVisible();
  await expect(note.getByRole('status')).toHaveText('실제 클러스터에서 나머지 오브젝트를 받는 중…');
  const counts = /([\d,]+) \/ ([\d,]+)개/.exec((await note.textContent()) ?? '');
  expect(counts, (await note.textContent()) ?? '').not.toBeNull();
  const [done, total] = [Number(counts![1].replace(/,/g, '')), Number(counts![2].replace(/,/g, ''))];
  expect(total).toBeGreaterThan(PODS);
  expect(done).toBeLessThan(total);
  await expect(note.getByRole('progressbar')).toHaveAttribute('aria-valuemax', String(total));

  // once it is all in, the note goes and each box takes its room for a rollout's surge at once (lib/graph/layout-hold.ts),
  // not when the cluster has stood still for 8 s (HOLD_RELEASE_MS): after the note, the boxes stay where they are
  await expect(note).toHaveCount(0, { timeout: 90_000 });
  await page.waitForTimeout(1_000);
  const settled = await page.evaluate(BOX_GEOMETRY);
  await page.waitForTimeout(9_500);
  expect(await page.evaluate(BOX_GEOMETRY)).toBe(settled);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
});
