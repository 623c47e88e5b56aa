import { expect, test } from '@playwright/test';
import { saveScreenshot, screenshotEverySize, setTheme, trackConsoleErrors } from './helpers';
import { applyInEditor, openPlayground, runUntil, sendTrafficToWeb, terminalOutput as output } from './kubectl-terminal';

/** Three pods of the teaching image behind a Service; no readiness probe (the lesson's first half). */
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replicas: 3
  strategy:
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  selector:
    matchLabels: {app: hello}
  template:
    metadata:
      labels: {app: hello}
    spec:
      containers:
      - name: hello
        image: kubelab/hello:1.0
        ports: [{containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata:
  name: hello
spec:
  selector: {app: hello}
  ports: [{port: 80, targetPort: 8080}]
`;

test('traffic from the panel: the chart shows 100%, then a rollout without a readiness probe drops requests in red', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await openPlayground(page, '10');

  await applyInEditor(page, MANIFEST);
  await expect(output(page)).toContainText('deployment.apps/hello created');
  await runUntil(page, 'kubectl get deploy hello', /hello\s+3\/3\s+3\s+3/);

  await page.locator('[data-traffic-toggle]').click();
  const panel = page.locator('[data-traffic-panel]');
  await panel.getByRole('combobox', { name: '서비스' }).selectOption('default/hello');
  await panel.getByRole('spinbutton', { name: '초당' }).fill('20');
  await panel.getByRole('button', { name: '▶ 보내기' }).click();
  // the terminal is open below the graph: the running panel folds to one line so the graph keeps its height
  await expect(panel).toHaveAttribute('data-collapsed', '', { timeout: 30_000 });
  await expect(panel.locator('[data-traffic-summary]')).toContainText(/성공률 100% · p95 \d+ms/, { timeout: 30_000 });
  await panel.getByRole('button', { name: '▼ 펼치기' }).click();
  await expect(panel.locator('[data-traffic-summary]')).toContainText('최근 10초 성공률 100%', { timeout: 30_000 });
  await expect(panel.getByRole('img', { name: /최근 10초 성공률 100%, p95 \d+ms/ })).toBeVisible();
  await expect(panel.getByRole('list', { name: '파드별 초당 요청(최근 10초)' }).getByRole('listitem')).toHaveCount(3);
  await expect(page.locator('[data-traffic-toggle]')).toContainText('보내는 중');
  await runUntil(page, 'traffic status', /보내는 중: svc\/hello .*초당 20개/);

  // the graph: a Service box above the nodes, one edge per pod on one canvas layer (not an element per request),
  // each pod tile with its rate
  const graph = page.locator('[data-cluster-canvas]');
  await expect(graph.locator('[data-traffic-service="default/hello"]')).toContainText('초당 20개');
  const layer = graph.locator('canvas[data-traffic-flow-layer]');
  await expect(layer).toHaveCount(1);
  await expect(layer).toHaveAttribute('data-edges', '3');
  await expect(layer).toHaveAttribute('data-animated', 'true');
  const badges = graph.locator('[data-pod-tile] [data-pod-rate]');
  await expect(badges).toHaveCount(3);
  await expect(badges.first()).toHaveText(/^\d+(\.\d)?\/s$/);
  // three pods share 20/s: each badge says about a third of it
  for (const r of await badges.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-pod-rate'))))) expect(r).toBeGreaterThan(2);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(layer).toHaveAttribute('data-animated', 'false');
  await page.emulateMedia({ reducedMotion: 'no-preference' });

  await screenshotEverySize(page, testInfo, 'traffic-ok');
  await setTheme(page, 'light');
  await panel.getByRole('button', { name: '▲ 접기' }).click();
  // on a phone the running panel is one line (success rate, p95) and the graph keeps the screen
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(panel).toHaveAttribute('data-collapsed', '');
  await expect(panel.locator('[data-traffic-summary]')).toContainText(/성공률 100% · p95 \d+ms/);
  expect((await panel.boundingBox())!.height).toBeLessThan(60);
  await expect(graph).toBeVisible();
  expect((await graph.boundingBox())!.height).toBeGreaterThan(300);
  await panel.getByRole('button', { name: '▼ 펼치기' }).click();
  await expect(panel.locator('[data-traffic-chart]')).toBeVisible();
  await panel.getByRole('button', { name: '▲ 접기' }).click();
  await expect(panel).toHaveAttribute('data-collapsed', '');
  await page.setViewportSize({ width: 1440, height: 900 });
  await panel.getByRole('button', { name: '▼ 펼치기' }).click();

  // the rolling update: new pods are Ready a second after they start, their app listens ~20 s later.
  // A refusing pod's badge turns red for a few seconds only: record every badge text the graph shows meanwhile.
  // (The 10-second summary's failure count lasts about a wall second at 10×: it is recorded the same way.)
  await page.evaluate(() => {
    const seen = new Set<string>();
    const summaries = new Set<string>();
    Object.assign(window, { redBadges: seen, failedSummaries: summaries });
    const collect = () => {
      document.querySelectorAll('[data-cluster-canvas] [data-pod-rate]').forEach((b) => b.textContent?.includes('✕') && seen.add(b.closest('[data-pod-key]')?.getAttribute('data-pod-key') ?? ''));
      document.querySelectorAll('[data-traffic-summary]').forEach((p) => /실패 [1-9]\d*개/.test(p.textContent ?? '') && summaries.add(p.textContent!));
    };
    new MutationObserver(collect).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await runUntil(page, 'kubectl set image deployment/hello hello=kubelab/hello:2.0-slow', /deployment.apps\/hello image updated/);
  const failure = panel.locator('[data-traffic-failure]');
  await expect(failure).toContainText('연결 거부', { timeout: 60_000 });
  await expect(failure).toContainText(/요청을 받은 파드 hello-\S+의 앱이 아직\(또는 더 이상\) 그 포트에서 연결을 받지 않아요/);
  await expect(panel.locator('[data-traffic-chart] [data-failed]').first()).toBeAttached();
  expect(await page.evaluate(() => window.failedSummaries?.size ?? 0)).toBeGreaterThan(0);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await saveScreenshot(page, testInfo, `traffic-failed-1440-${theme}`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, testInfo, 'traffic-failed-390-dark');

  expect(await page.evaluate(() => window.redBadges?.size ?? 0)).toBeGreaterThan(0); // a pod that refused had a red badge
  await panel.getByRole('button', { name: '■ 멈추기' }).click();
  await expect(panel.getByRole('button', { name: '▶ 보내기' })).toBeVisible();
  await expect(graph.locator('[data-pod-rate]')).toHaveCount(0);
  await expect(graph.locator('canvas[data-traffic-flow-layer]')).toHaveCount(0);
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});

test('on a phone, traffic started from the terminal folds the panel to one line and the graph shows the Service box and rate badges', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page, '10');
  await sendTrafficToWeb(page);

  const panel = page.locator('[data-traffic-panel]');
  await expect(panel).toHaveAttribute('data-collapsed', '', { timeout: 15_000 });
  await expect(panel.locator('[data-traffic-summary]')).toContainText(/성공률 \d+(\.\d)?% · p95 \d+ms/);
  const graph = page.locator('[data-cluster-canvas]');
  await expect(graph.locator('[data-traffic-service="default/web"]')).toBeInViewport();
  await expect(graph.locator('[data-pod-tile] [data-pod-rate]')).toHaveCount(3);
  await expect(graph.locator('canvas[data-traffic-flow-layer]')).toHaveAttribute('data-edges', '3');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await saveScreenshot(page, testInfo, `traffic-phone-390-${theme}`);
  }
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
