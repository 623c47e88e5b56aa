import { expect, test } from '@playwright/test';
import { screenshotEverySize, trackConsoleErrors } from './helpers';
import { kubectlPrompt, openPlayground, sendTrafficToWeb } from './kubectl-terminal';

/**
 * With traffic flowing and the terminal open, the graph keeps a usable height: the running traffic panel folds to
 * one line (as on a phone) and, unfolded, takes at most a fifth of the height and scrolls inside it.
 * Before, at 1440×900 the chart and the terminal left the cluster graph 150 px.
 */
test('at 1440×900 with the traffic panel and the terminal open, the graph keeps a usable height', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlayground(page, '10');
  await sendTrafficToWeb(page);
  const panel = page.locator('[data-traffic-panel]');
  const graph = page.locator('[data-cluster-canvas]');
  await expect(panel).toHaveAttribute('data-collapsed', '', { timeout: 20_000 });
  await expect(page.getByRole('log', { name: 'kubectl 출력' })).toBeVisible();
  expect((await graph.boundingBox())!.height).toBeGreaterThanOrEqual(320);
  await expect(graph.locator('[data-traffic-service="default/web"]')).toBeInViewport();
  await screenshotEverySize(page, testInfo, 'traffic-folded-terminal');

  // unfolded on purpose: the chart shows, and the graph still keeps its minimum (the panel scrolls instead)
  await page.setViewportSize({ width: 1440, height: 900 });
  await panel.getByRole('button', { name: '▼ 펼치기' }).click();
  await expect(panel.locator('[data-traffic-chart]')).toBeAttached();
  // started from the terminal, the form still names what the requests go to
  await expect(panel.getByRole('combobox', { name: '서비스' })).toHaveValue('default/web');
  expect((await graph.boundingBox())!.height).toBeGreaterThanOrEqual(200);
  await screenshotEverySize(page, testInfo, 'traffic-unfolded-terminal');

  // with the bottom panel folded there is room: the running panel shows its chart in full
  await page.setViewportSize({ width: 1440, height: 900 });
  await panel.getByRole('button', { name: '▲ 접기' }).click();
  await page.getByRole('button', { name: /패널 접기/ }).click();
  await expect(panel.locator('[data-traffic-chart]')).toBeVisible();
  expect((await graph.boundingBox())!.height).toBeGreaterThanOrEqual(320);
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});

/**
 * Beside a lesson the running chart is the experiment (lesson 05: red without a readiness probe, green with it), so
 * where the screen is at least 900 px tall it stays unfolded with the terminal open; a phone still folds it.
 * Before, the lesson's panel folded to one line like the Playground's and hid the chart.
 */
test('on a lesson page at 1440×900 the running traffic chart stays unfolded beside the open terminal; a phone folds it', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/learn/deployments');
  await expect(kubectlPrompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  await sendTrafficToWeb(page);
  const panel = page.locator('[data-traffic-panel]');
  const chart = panel.locator('[data-traffic-chart]');
  await expect(chart).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('log', { name: 'kubectl 출력' })).toBeVisible();
  await expect(panel).not.toHaveAttribute('data-collapsed');
  await expect(page.locator('[data-traffic-expand]')).toHaveCount(0);
  await expect(chart).toBeInViewport({ ratio: 1 });
  // the graph still has a usable height between the chart and the terminal
  expect((await page.locator('[data-cluster-canvas]').boundingBox())!.height).toBeGreaterThanOrEqual(200);
  await screenshotEverySize(page, testInfo, 'lesson-traffic-terminal', async () => {
    if ((page.viewportSize()?.width ?? 0) < 1280) await page.getByRole('tab', { name: '실습' }).click();
  });

  // a phone keeps the fold: the graph gets the small screen
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(panel).toHaveAttribute('data-collapsed', '');
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
