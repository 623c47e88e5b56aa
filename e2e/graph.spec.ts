import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';

/** Type a command into the Playground's kubectl terminal, as a student would. */
async function kubectl(page: Page, command: string) {
  await page.getByRole('tab', { name: '터미널' }).click();
  const input = page.locator('#pg-panel-terminal').getByRole('textbox').first();
  await input.click();
  await input.fill(command);
  await input.press('Enter');
}

const graph = (page: Page) => page.getByRole('application', { name: '클러스터 그래프' });
const nodeBox = (page: Page, name: string) => page.locator(`[data-node-box="${name}"]`);
/** Pod tiles of the web Deployment that are not on their way out. */
const liveWebTiles = (scope: Locator | Page) => scope.locator('[data-pod-tile][data-pod^="web-"]:not([data-status="Terminating"])');

async function podNamesIn(scope: Locator): Promise<string[]> {
  return (await scope.locator('[data-pod-tile]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod') ?? ''))).sort();
}

async function setSpeed(page: Page, speed: string) {
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption(speed);
}

async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe.configure({ mode: 'serial' });

test('the graph shows the cluster, heals a deleted pod, highlights a Service and matches the list view', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/playground');
  await expect(graph(page)).toBeVisible({ timeout: 60_000 });

  // Control plane and two workers, as boxes with role and status.
  const boxes = page.locator('[data-node-box]');
  await expect(boxes).toHaveCount(3);
  await expect(page.locator('[data-node-box]').filter({ hasText: '컨트롤 플레인' })).toHaveCount(1);
  await expect(page.locator('[data-node-box]').filter({ hasText: '워커 노드' })).toHaveCount(2);
  await expect(page.locator('[data-node-box][data-node-status="Ready"]')).toHaveCount(3);

  // kube-system is hidden by default; the toggle shows and hides its pods.
  const systemTiles = page.locator('[data-pod-tile][data-namespace="kube-system"]');
  await expect(systemTiles).toHaveCount(0);
  const toggle = page.getByRole('checkbox', { name: 'kube-system 표시' });
  await toggle.check();
  await expect(systemTiles.first()).toBeVisible();
  expect(await systemTiles.count()).toBeGreaterThan(3);
  await toggle.uncheck();
  await expect(systemTiles).toHaveCount(0);

  // A Deployment, a lone pod and a Service, made from the terminal.
  await setSpeed(page, '10');
  await kubectl(page, 'kubectl create deployment web --image=nginx --replicas=4');
  await kubectl(page, 'kubectl run solo --image=nginx');
  await kubectl(page, 'kubectl expose deployment web --port=80');
  await expect(liveWebTiles(page).and(page.locator('[data-status="Running"]'))).toHaveCount(4, { timeout: 60_000 });
  await expect(page.locator('[data-pod-tile][data-pod="solo"][data-status="Running"]')).toHaveCount(1, { timeout: 30_000 });
  const workers = ['worker-1', 'worker-2'];
  const perWorker = await Promise.all(workers.map((w) => liveWebTiles(nodeBox(page, w)).count()));
  expect(perWorker[0] + perWorker[1]).toBe(4);

  // Self-healing: delete one web pod from the UI; the ReplicaSet makes a replacement.
  const before = await podNamesIn(page.locator('[data-node-box]'));
  const victim = liveWebTiles(page).first();
  const victimName = (await victim.getAttribute('data-pod'))!;
  await victim.click();
  await expect(page.getByRole('complementary', { name: '파드 자세히 보기' })).toContainText(victimName);
  await page.getByRole('button', { name: /파드 삭제/ }).click();
  await expect(page.locator(`[data-pod-tile][data-pod="${victimName}"]:not([data-status="Terminating"])`)).toHaveCount(0);
  await expect(liveWebTiles(page).and(page.locator('[data-status="Running"]'))).toHaveCount(4, { timeout: 60_000 });
  const after = await liveWebTiles(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-pod')));
  expect(after).not.toContain(victimName);
  expect(after.some((n) => !before.includes(n!))).toBe(true);
  await page.getByRole('button', { name: '자세히 보기 닫기' }).click();

  // Keyboard: a pod tile takes focus and Enter opens its details.
  const keyed = liveWebTiles(page).first();
  const keyedName = (await keyed.getAttribute('data-pod'))!;
  await keyed.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: '파드 자세히 보기' });
  await expect(details).toContainText(keyedName);
  await expect(details).toContainText('재시작 횟수');
  await expect(details.locator('pre')).toContainText(`Name:`, { timeout: 10_000 });
  await page.getByRole('button', { name: '자세히 보기 닫기' }).click();
  // Inside a node box the arrow keys move between tiles.
  const counts = await Promise.all(workers.map((w) => nodeBox(page, w).locator('[data-pod-tile]').count()));
  const tiles = nodeBox(page, counts[0] >= counts[1] ? workers[0] : workers[1]).locator('[data-pod-tile]');
  const second = await tiles.nth(1).getAttribute('data-pod');
  await tiles.first().focus();
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pod'))).toBe(second);

  // Pause so the cluster holds still while we compare views; a minute on lets the deleted pod finish terminating.
  await page.getByRole('button', { name: /일시 정지/ }).click();
  await page.getByRole('button', { name: /\+1분/ }).click();
  await expect(page.locator('[data-pod-tile][data-status="Terminating"]')).toHaveCount(0);

  // Selecting the Service highlights exactly its pods; the others say which label differs.
  await page.getByRole('group', { name: '서비스 선택' }).getByRole('button', { name: /web/ }).click();
  const highlighted = await page.locator('[data-pod-tile][data-highlight="on"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod')).sort());
  const webNames = (await liveWebTiles(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-pod')))).sort();
  expect(highlighted).toEqual(webNames);
  const solo = page.locator('[data-pod-tile][data-pod="solo"]');
  await expect(solo).toHaveAttribute('data-highlight', 'off');
  await expect(solo).toHaveAttribute('aria-label', /선택 안 됨: 레이블 app/);

  // The list view shows the same pods per node as the graph.
  const graphPerNode: Record<string, string[]> = {};
  for (const n of ['control-plane', ...workers]) graphPerNode[n] = await podNamesIn(nodeBox(page, n));
  await saveScreenshot(page, test.info(), 'graph-service-light');
  await page.getByRole('tab', { name: '목록' }).click();
  const table = page.getByRole('table', { name: '노드별 파드 목록' });
  await expect(table).toBeVisible();
  for (const n of Object.keys(graphPerNode)) {
    const listed = (await table.locator(`[data-list-node="${n}"] [data-list-pod]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-list-pod') ?? ''))).sort();
    expect(listed, `node ${n}`).toEqual(graphPerNode[n]);
  }
  await expect(table.locator('[data-list-pod="solo"] [data-selected="no"]')).toContainText('레이블 app');
  await page.getByRole('tab', { name: '클러스터' }).click();
  await expect(graph(page)).toBeVisible();
  expect(errors).toEqual([]);
});

test('failing a node moves its pods to the other worker after the eviction time', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/playground');
  await expect(graph(page)).toBeVisible({ timeout: 60_000 });
  await setSpeed(page, '10');
  await kubectl(page, 'kubectl create deployment web --image=nginx --replicas=4');
  await expect(liveWebTiles(page).and(page.locator('[data-status="Running"]'))).toHaveCount(4, { timeout: 60_000 });

  const counts = await Promise.all(['worker-1', 'worker-2'].map((w) => liveWebTiles(nodeBox(page, w)).count()));
  const failing = counts[0] >= counts[1] ? 'worker-1' : 'worker-2';
  const healthy = failing === 'worker-1' ? 'worker-2' : 'worker-1';
  expect(Math.max(...counts)).toBeGreaterThan(0);

  await page.getByRole('combobox', { name: '장애 실험 대상 노드' }).selectOption(failing);
  await page.getByRole('button', { name: /노드 장애/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'NotReady' })).toBeVisible();
  // The node goes NotReady after the monitor grace period…
  await expect(nodeBox(page, failing)).toHaveAttribute('data-node-status', /NotReady/, { timeout: 60_000 });
  await saveScreenshot(page, test.info(), 'graph-node-notready');
  // …and after the eviction timeout its pods are replaced on the healthy worker. Skip ahead a minute at a time.
  const onHealthy = liveWebTiles(nodeBox(page, healthy)).and(page.locator('[data-status="Running"]'));
  for (let i = 0; i < 12 && (await onHealthy.count()) < 4; i++) {
    await page.getByRole('button', { name: /\+1분/ }).click();
    await page.waitForTimeout(500);
  }
  await expect(onHealthy).toHaveCount(4, { timeout: 60_000 });

  await page.getByRole('button', { name: /노드 복구/ }).click();
  await expect(nodeBox(page, failing)).toHaveAttribute('data-node-status', 'Ready', { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test('the workload view and both themes look right', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/playground');
  await expect(graph(page)).toBeVisible({ timeout: 60_000 });
  await setSpeed(page, '10');
  await kubectl(page, 'kubectl create deployment web --image=nginx --replicas=4');
  await kubectl(page, 'kubectl expose deployment web --port=80');
  await expect(liveWebTiles(page).and(page.locator('[data-status="Running"]'))).toHaveCount(4, { timeout: 60_000 });
  await saveScreenshot(page, test.info(), 'playground-light');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await setTheme(page, 'dark');
  await saveScreenshot(page, test.info(), 'playground-dark');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A rollout: the budget panel explains what the controller may do next.
  await setSpeed(page, '1');
  await kubectl(page, 'kubectl set image deployment/web nginx=nginx:1.27');
  await page.getByRole('tab', { name: '워크로드' }).click();
  await expect(page.getByRole('application', { name: '워크로드 그래프' })).toBeVisible();
  await expect(page.locator('[data-budget-panel="web"]')).toContainText(/최대 5개까지 허용/);
  await expect(page.locator('[data-replicaset-box]')).toHaveCount(2, { timeout: 30_000 });
  await saveScreenshot(page, test.info(), 'workload-dark');
  await setTheme(page, 'light');
  await saveScreenshot(page, test.info(), 'workload-light');
});

test('on a lesson page the graph sits in the 실습 영역 and loads lazily', async ({ page }) => {
  await page.goto('/');
  const lesson = page.locator('a[href^="/learn/"]').first();
  await lesson.click();
  const lab = page.getByRole('region', { name: '실습 영역' });
  await expect(lab.getByRole('application', { name: '클러스터 그래프' })).toBeVisible({ timeout: 60_000 });
  await expect(lab.locator('[data-node-box]')).toHaveCount(3);
  await saveScreenshot(page, test.info(), 'lesson-split-light');
  await setTheme(page, 'dark');
  await saveScreenshot(page, test.info(), 'lesson-split-dark');
});
