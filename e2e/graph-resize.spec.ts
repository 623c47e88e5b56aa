import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot, trackConsoleErrors } from './helpers';
import { settleGraph } from './layout-measure';
import { openPlayground, sendTrafficToWeb } from './kubectl-terminal';

/**
 * Resizing the window refits the cluster graph: a student who narrows the browser (or turns a tablet) sees every
 * node box again, not boxes cut off at the old zoom until something else triggers a fit.
 */

/** How far each node box reaches past the cluster canvas's edges (CSS px; 0 when inside). */
async function overflow(page: Page): Promise<{ box: string; left: number; right: number; top: number; bottom: number }[]> {
  return page.locator('[data-node-box]').evaluateAll((boxes) => {
    const canvas = document.querySelector('[data-cluster-canvas]')!.getBoundingClientRect();
    return boxes.map((b) => {
      const r = b.getBoundingClientRect();
      const out = (n: number) => Math.max(0, Math.round(n));
      return { box: (b as HTMLElement).dataset.nodeBox!, left: out(canvas.left - r.left), right: out(r.right - canvas.right), top: out(canvas.top - r.top), bottom: out(r.bottom - canvas.bottom) };
    });
  });
}

const WIDE = { width: 1920, height: 1080 };

for (const narrow of [
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
]) {
  test(`shrinking the window from ${WIDE.width} to ${narrow.width} px refits the node boxes`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors = trackConsoleErrors(page);
    await page.setViewportSize(WIDE);
    await page.goto('/playground');
    await expect(page.locator('[data-node-box]').first()).toBeVisible({ timeout: 60_000 });
    await settleGraph(page);
    const boxes = await page.locator('[data-node-box]').count();
    expect(boxes).toBeGreaterThanOrEqual(3);

    await page.setViewportSize(narrow);
    await settleGraph(page);
    const after = await overflow(page);
    await saveScreenshot(page, test.info(), `resized-${WIDE.width}-to-${narrow.width}`);
    if (narrow.width >= 640) {
      // A tablet shows the whole cluster fitted.
      expect(after.filter((o) => o.left + o.right + o.top + o.bottom > 1)).toEqual([]);
    } else {
      // A phone stacks the boxes in one readable column, panned from the top: every box fits the width, the first
      // is on screen from its top edge, and the rest are below (a vertical pan away).
      expect(after.filter((o) => o.left + o.right > 1)).toEqual([]);
      expect(after[0].top).toBe(0);
    }
    expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
  });
}

/** React Flow's zoom and pan once the picture has settled, rounded to what the eye could tell apart. */
async function settledViewport(page: Page): Promise<{ zoom: number; x: number; y: number }> {
  await settleGraph(page);
  return page.locator('.react-flow__viewport').first().evaluate((el) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    return { zoom: Math.round(m.a * 100) / 100, x: Math.round(m.e), y: Math.round(m.f) };
  });
}

/** Where the traffic Service box sits against the canvas's left and right edges (CSS px; negative = cut off). */
async function serviceBoxMargins(page: Page): Promise<{ left: number; right: number }> {
  return page.locator('[data-traffic-service]').evaluate((box) => {
    const canvas = document.querySelector('[data-cluster-canvas]')!.getBoundingClientRect();
    const r = box.getBoundingClientRect();
    return { left: Math.round(r.left - canvas.left), right: Math.round(canvas.right - r.right) };
  });
}

test('with the traffic Service box shown, 1440 → 768 → 390 px ends at the zoom a fresh phone page picks, the box on screen', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  const phone = { width: 390, height: 844 };
  const fresh = await browser.newPage({ viewport: phone });
  await openPlayground(fresh, '10');
  await sendTrafficToWeb(fresh);
  await expect(fresh.locator('[data-traffic-service="default/web"]')).toBeVisible({ timeout: 20_000 });
  const expected = await settledViewport(fresh);
  await fresh.close();

  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlayground(page, '10');
  await sendTrafficToWeb(page);
  await expect(page.locator('[data-traffic-service="default/web"]')).toBeVisible({ timeout: 20_000 });
  await settleGraph(page);
  await page.setViewportSize({ width: 768, height: 1024 });
  await settleGraph(page);
  await page.setViewportSize(phone);
  const after = await settledViewport(page);
  await saveScreenshot(page, testInfo, 'resized-1440-768-390-traffic');
  expect(after.zoom).toBe(expected.zoom);
  expect(Math.abs(after.x - expected.x)).toBeLessThanOrEqual(2);
  expect(Math.abs(after.y - expected.y)).toBeLessThanOrEqual(2);
  // the box reads whole: not cut off at either edge
  const margins = await serviceBoxMargins(page);
  expect(margins.left).toBeGreaterThanOrEqual(0);
  expect(margins.right).toBeGreaterThanOrEqual(0);
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
