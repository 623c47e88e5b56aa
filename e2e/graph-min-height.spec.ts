import { expect, test, type Page } from '@playwright/test';
import { SCREEN_SIZES, screenshotEverySize, trackConsoleErrors } from './helpers';
import { kubectlPrompt, sendTrafficToWeb } from './kubectl-terminal';

/**
 * A student must see the cluster: the graph keeps at least MIN_GRAPH_PX of height with the terminal open, on the
 * instructor page and beside a lesson with the traffic chart running, at every screen size we look at. Before,
 * /instructor on a phone gave the graph ~90 px (tablet ~160) and a 1440×900 lesson with chart + terminal ~208 px.
 */
const MIN_GRAPH_PX = 240;
const graphHeight = async (page: Page) => (await page.locator('[data-cluster-canvas]').first().boundingBox())?.height ?? 0;

test('the instructor page keeps the graph above the minimum with the terminal open, at every size', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/instructor');
  await expect(kubectlPrompt(page)).toBeVisible({ timeout: 60_000 });
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    await expect(kubectlPrompt(page)).toBeVisible();
    await expect.poll(() => graphHeight(page), { message: `graph at ${size.width}×${size.height}` }).toBeGreaterThanOrEqual(MIN_GRAPH_PX);
    // the scenario picker is still there: beside the graph on wide screens, one scroll below it on narrow ones
    await expect(page.getByRole('combobox', { name: '시나리오 고르기' })).toBeAttached();
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('combobox', { name: '시나리오 고르기' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('combobox', { name: '시나리오 고르기' })).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotEverySize(page, testInfo, 'instructor-graph', () => page.evaluate(() => window.scrollTo(0, 0)));
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});

test('a lesson with the traffic chart and the terminal open keeps the graph above the minimum, at every size', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/learn/deployments');
  await expect(kubectlPrompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  await sendTrafficToWeb(page);
  const showLab = async () => {
    if ((page.viewportSize()?.width ?? 0) < 1280) await page.getByRole('tab', { name: '실습' }).click();
  };
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    await showLab();
    await expect(page.getByRole('log', { name: 'kubectl 출력' })).toBeVisible();
    await expect(page.locator('[data-traffic-summary]')).toBeVisible();
    await expect.poll(() => graphHeight(page), { message: `graph at ${size.width}×${size.height}` }).toBeGreaterThanOrEqual(MIN_GRAPH_PX);
  }
  // where the chart stays open beside the terminal (≥ 900 px tall), the terminal still shows several lines
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.locator('[data-traffic-chart]')).toBeVisible();
  expect((await page.getByRole('log', { name: 'kubectl 출력' }).boundingBox())!.height).toBeGreaterThanOrEqual(100);
  await screenshotEverySize(page, testInfo, 'lesson-traffic-graph', showLab);
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
