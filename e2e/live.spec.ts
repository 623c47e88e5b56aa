/**
 * Live mode end to end: the sim cluster server (real Kubernetes protocol) → this app's API routes →
 * the browser. Starts its own sim cluster and its own `next start` (with KUBECONFIG), independent of
 * the shared webServer in playwright.config.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { AppsV1Api, CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { startApp, startSimCluster, startStalledServer, tempKubeconfigPath, type Proc } from './live-servers';
import { openRawStream } from './raw-stream';

const TOKEN = 'e2e-write-token';
const kubeconfig = tempKubeconfigPath();
let sim: Proc;
let app: Proc;

function kube() {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  return { core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api) };
}

async function clusterPodNames(): Promise<string[]> {
  const list = await kube().core.listNamespacedPod({ namespace: 'default' });
  return list.items.filter((p) => !p.metadata?.deletionTimestamp).map((p) => p.metadata!.name!).sort();
}

async function graphPodNames(page: Page): Promise<string[]> {
  const names = await page.locator('[data-pod-tile]:not([data-status="Terminating"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod') ?? ''));
  return names.sort();
}

const badge = (page: Page) => page.getByTestId('connection-badge');

/** The header's parts that do not fit: beyond the window's edges, or a one-line label broken onto two lines. */
function headerMisfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (e: Element) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 24)}"`;
    const header = document.querySelector('header')!;
    const out: string[] = [];
    for (const e of header.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (r.width > 0 && (r.left < -0.5 || r.right > window.innerWidth + 0.5)) out.push(`${name(e)} beyond the edge`);
    }
    // text-xs with py-1 is 24 px tall on one line; a second line makes it 40.
    for (const e of header.querySelectorAll('[data-testid=source-switch] button, [data-testid=connection-badge], [data-testid=data-source-badge]')) {
      const r = e.getBoundingClientRect();
      if (r.height > 30) out.push(`${name(e)} on ${Math.round(r.height)} px`);
    }
    return out;
  });
}

const HEADER_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 640, height: 900 },
  { width: 390, height: 844 },
];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  sim = await startSimCluster({ kubeconfig, speed: 10 });
  app = await startApp({ KUBECONFIG: kubeconfig, CLUSTER_WRITE_TOKEN: TOKEN, CLUSTER_NAMESPACES: 'default' });
  await kube().apps.createNamespacedDeployment({
    namespace: 'default',
    body: {
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      },
    },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await sim?.stop();
});

test('the browser shows the real cluster, follows a scale, and recovers exactly after the cluster restarts', async ({ page }) => {
  test.setTimeout(180_000);
  const info = await (await page.request.get(`${app.url}/api/cluster/info`)).json();
  expect(info).toMatchObject({ mode: 'live', reachable: true, writable: true, namespaces: ['default'] });

  await page.goto(`${app.url}/playground?source=live`);
  await expect(page.getByTestId('source-switch')).toBeVisible();
  await expect(page.getByRole('button', { name: '실제 클러스터' })).toHaveAttribute('aria-pressed', 'true');
  await expect(badge(page)).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(badge(page)).toContainText('연결됨');

  const nodes = (await kube().core.listNode()).items.map((n) => n.metadata!.name!);
  await expect(page.locator('[data-node-box]')).toHaveCount(nodes.length, { timeout: 30_000 });
  for (const n of nodes) await expect(page.locator(`[data-node-box="${n}"]`)).toHaveCount(1);
  await expect.poll(() => graphPodNames(page), { timeout: 30_000 }).toEqual(await clusterPodNames());

  // client-node (as kubectl would) scales the Deployment; the graph follows.
  await kube().apps.patchNamespacedDeployment(
    { namespace: 'default', name: 'web', body: { spec: { replicas: 5 } } },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
  await expect(page.locator('[data-pod-tile][data-pod^="web-"]:not([data-status="Terminating"])')).toHaveCount(5, { timeout: 30_000 });

  // The cluster goes away: the badge says so (with a reason) and the page keeps what it had.
  const port = sim.port;
  await sim.stop();
  await expect(badge(page)).toHaveAttribute('data-state', /reconnecting|disconnected/, { timeout: 30_000 });
  await expect(badge(page)).toContainText('재연결 중');
  await expect(page.locator('[data-node-box]').first()).toBeVisible();
  // The badge with its reason is the header's widest state: it still fits on every screen.
  for (const size of HEADER_SIZES) {
    await page.setViewportSize(size);
    // The menu folds on the render after the resize.
    await expect.poll(() => headerMisfits(page), { message: `${size.width}×${size.height}`, timeout: 5_000 }).toEqual([]);
  }
  // A phone has no room for the reason in the header and no tooltip: a tap on the badge opens it, whole and on screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const why = page.locator('#connection-reason');
  await badge(page).click();
  await expect(why).toContainText('연결할 수 없습니다');
  await expect(why).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(why).toHaveCount(0);
  await page.setViewportSize({ width: 1440, height: 900 });

  // A new cluster answers on the same address, with different pods: the graph converges to exactly those.
  sim = await startSimCluster({ kubeconfig, port, speed: 10 });
  await kube().core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'after-restart' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } });
  await expect(badge(page)).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
  await expect.poll(() => graphPodNames(page), { timeout: 30_000 }).toEqual(await clusterPodNames());
  expect(await graphPodNames(page)).toEqual(['after-restart']);
});

test('beside a real cluster the header fits every screen: a tablet folds the menu for the source switch', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${app.url}/playground?source=live`);
  await expect(badge(page)).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  // The instructor's token field is the widest thing the switch's side can hold.
  await page.getByRole('button', { name: '쓰기 잠금 해제' }).click();
  await expect(page.getByPlaceholder('강사 토큰')).toBeVisible();
  for (const size of HEADER_SIZES) {
    await page.setViewportSize(size);
    // The menu folds on the render after the resize.
    await expect.poll(() => headerMisfits(page), { message: `${size.width}×${size.height}`, timeout: 5_000 }).toEqual([]);
  }

  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(page.getByTestId('source-switch')).toBeVisible();
  await expect(page.getByRole('button', { name: '어두운 테마로 바꾸기' })).toBeInViewport({ ratio: 1 });
  const menu = page.getByRole('button', { name: '메뉴' });
  await menu.click();
  const links = page.locator('#main-menu a');
  await expect(links).toHaveText(['커리큘럼', '실습장', '용어집', '강사 모드']);
  for (const link of await links.all()) await expect(link).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(links.first()).toBeHidden();

  // A desktop keeps the menu as a row of links.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(menu).toBeHidden();
  await expect(page.getByRole('link', { name: '용어집' })).toBeVisible();

  // A desktop shows the real cluster's badge beside the switch; a page without a graph (the curriculum) has no
  // cluster to name, and its header no longer says 시뮬레이터 beside a switch on 실제 클러스터.
  await expect(page.getByTestId('data-source-badge')).toHaveText(/실제 클러스터/);
  await page.getByRole('link', { name: '커리큘럼' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('button', { name: '실제 클러스터' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('data-source-badge')).toBeHidden();
});

test('actions need the token and a same-origin request; good ones reach the cluster', async ({ request }) => {
  const scale = { action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 1 };
  await kube()
    .apps.createNamespacedDeployment({
      namespace: 'default',
      body: { metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } } },
    })
    .catch(() => {});

  const noToken = await request.post(`${app.url}/api/cluster/actions`, { data: scale });
  expect(noToken.status()).toBe(403);
  expect((await noToken.json()).status.message).toMatch(/토큰/);

  const crossOrigin = await request.post(`${app.url}/api/cluster/actions`, {
    data: scale,
    headers: { 'x-cluster-write-token': TOKEN, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
  });
  expect(crossOrigin.status()).toBe(403);

  const notAllowed = await request.post(`${app.url}/api/cluster/actions`, {
    data: { action: 'apply', manifest: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } } },
    headers: { 'x-cluster-write-token': TOKEN },
  });
  expect(notAllowed.status()).toBe(403);

  const badName = await request.post(`${app.url}/api/cluster/actions`, {
    data: { ...scale, name: '../../api/v1/secrets' },
    headers: { 'x-cluster-write-token': TOKEN },
  });
  expect(badName.status()).toBe(400);

  // Reads are limited to the configured namespaces too.
  for (const ns of ['kube-system', '../../api/v1/secrets']) {
    const stream = await request.get(`${app.url}/api/cluster/stream?namespace=${encodeURIComponent(ns)}`);
    expect(stream.status()).toBe(403);
  }

  const ok = await request.post(`${app.url}/api/cluster/actions`, { data: scale, headers: { 'x-cluster-write-token': TOKEN, origin: app.url } });
  expect(ok.status()).toBe(200);
  const d = await kube().apps.readNamespacedDeployment({ namespace: 'default', name: 'web' });
  expect(d.spec?.replicas).toBe(1);
});

test('the terminal reads the real cluster; writes work only after the instructor unlocks them', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const prompt = page.getByRole('textbox', { name: 'kubectl 명령 입력' });
  const output = page.getByRole('log', { name: 'kubectl 출력' });
  const run = async (command: string) => {
    await page.getByRole('tab', { name: '터미널' }).click();
    await prompt.click();
    await prompt.fill(command);
    await prompt.press('Enter');
  };
  await page.goto(`${app.url}/playground?source=live`);
  await expect(badge(page)).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });

  await run('kubectl get nodes');
  for (const n of (await kube().core.listNode()).items) await expect(output).toContainText(n.metadata!.name!);

  await run('kubectl scale deployment web --replicas=3');
  await expect(output).toContainText('잠금을 해제');
  expect((await kube().apps.readNamespacedDeployment({ namespace: 'default', name: 'web' })).spec?.replicas).toBe(1);

  await page.getByRole('button', { name: '쓰기 잠금 해제' }).click();
  await page.getByLabel('강사 쓰기 토큰').fill(TOKEN);
  await page.getByRole('button', { name: '확인' }).click();
  await run('kubectl scale deployment web --replicas=3');
  await expect(output).toContainText('deployment.apps/web scaled');
  await expect(page.locator('[data-pod-tile][data-pod^="web-"]:not([data-status="Terminating"])')).toHaveCount(3, { timeout: 30_000 });
  expect((await kube().apps.readNamespacedDeployment({ namespace: 'default', name: 'web' })).spec?.replicas).toBe(3);

  // Back to the simulator: the live badges go away (the pressed switch names the source) and the simulator's own
  // cluster is drawn.
  await page.getByRole('button', { name: '시뮬레이터' }).click();
  await expect(badge(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '시뮬레이터' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('data-source-badge')).toBeHidden();
  await expect(page.getByRole('combobox', { name: '시뮬레이션 속도' })).toBeVisible({ timeout: 30_000 });
  expect(pageErrors).toEqual([]);
});

test('the stream is gzipped once for a browser that accepts it, event by event, and left alone otherwise', async () => {
  test.setTimeout(90_000);
  // What Chromium sends: gzip once (Next.js's own compression must not wrap it again), the snapshot and then
  // each change readable while the stream stays open (a compressor that buffers would hold them back).
  const zipped = await openRawStream(`${app.url}/api/cluster/stream`, 'gzip, deflate, br, zstd');
  try {
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['cache-control']).toContain('no-transform');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    await zipped.waitFor((text) => /^event: snapshot$/m.test(text));
    expect(zipped.text()).toMatch(/^retry: 2000\n\n/);
    expect(zipped.text()).toContain('"name":"web-');
    await kube().apps.patchNamespacedDeployment(
      { namespace: 'default', name: 'web', body: { metadata: { labels: { gzip: 'checked' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await zipped.waitFor((text) => /event: upsert\n[^]*"gzip":"checked"/.test(text));
    expect(zipped.open()).toBe(true);
  } finally {
    zipped.close();
  }
  // A client that takes only deflate (Next.js's middleware would deflate it) and one that takes nothing: plain SSE.
  for (const accept of ['deflate', null]) {
    const plain = await openRawStream(`${app.url}/api/cluster/stream`, accept);
    try {
      expect(plain.headers['content-encoding']).toBeUndefined();
      await plain.waitFor((text) => /^event: snapshot$/m.test(text));
      expect(plain.text()).toMatch(/^retry: 2000\n\n/);
    } finally {
      plain.close();
    }
  }
});

test('a stalled API server gets a clear Korean "unreachable" answer from /api/cluster/info, and the app stays usable', async ({ page, request }) => {
  test.setTimeout(90_000);
  const stalled = await startStalledServer();
  const stalledApp = await startApp({ KUBECONFIG: stalled.kubeconfig });
  try {
    // The route answers by its own deadline (INFO_ANSWER_MS in lib/server/reachability.ts); the 30 s here
    // only guards against a hang, it is not a timing goal (those live in bench/).
    for (let ask = 0; ask < 2; ask++) {
      const res = await request.get(`${stalledApp.url}/api/cluster/info`, { timeout: 30_000 });
      expect(res.status()).toBe(200);
      const info = await res.json();
      expect(info).toMatchObject({ mode: 'live', reachable: false });
      expect(info.reason).toMatch(/클러스터 API 서버/);
    }
    // the pages still render while the cluster never answers
    await page.goto(`${stalledApp.url}/learn/pods`, { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name: '파드' })).toBeVisible();
    // the Playground on the real cluster says it is not answering and why (the proxy's list would wait a minute for
    // its deadline): not 연결됨 over an empty graph, nor the bare-machines lab's kubeadm hint
    await page.goto(`${stalledApp.url}/playground?source=live`, { timeout: 30_000 });
    // it was never up, so the badge says 연결 중 with the reason (not 재연결 중), and 연결 안 됨 after 30 s
    const badge = page.getByTestId('connection-badge');
    await expect(badge).toHaveAttribute('data-state', /^(connecting|unreachable)$/, { timeout: 20_000 });
    await expect(badge).toHaveAttribute('title', /클러스터 API 서버/);
    await expect(badge).not.toContainText('재연결');
    const empty = page.locator('[data-empty-cluster]');
    await expect(empty).toContainText('실제 클러스터에서 노드를 받기를 기다리는 중이에요.');
    await expect(empty).toContainText(/클러스터 API 서버/);
    await expect(empty).not.toContainText('kubeadm');
  } finally {
    await stalledApp.stop();
    await stalled.close();
  }
});

test('without a cluster the app stays on the simulator and says so', async ({ request }) => {
  const res = await request.get('/api/cluster/info');
  const info = await res.json();
  // The shared webServer runs without KUBECONFIG; on a machine with ~/.kube/config it would be live.
  test.skip(info.mode === 'live', 'this machine has a default kubeconfig');
  expect(info).toMatchObject({ mode: 'sim', reachable: false, writable: false });
  expect(info.reason).toMatch(/시뮬레이터/);
});
