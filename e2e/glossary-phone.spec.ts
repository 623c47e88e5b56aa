import { expect, test } from '@playwright/test';
import { screenshotEverySize, trackConsoleErrors } from './helpers';

/**
 * On a phone every glossary term reads without a sideways scroll: its meaning gets the card's width. Before, the
 * four-column table left the meaning column a two-letter sliver at the right edge of a 390-px screen.
 */
test('the glossary on a 390-px phone shows each meaning at full width, inside the screen', async ({ page }, testInfo) => {
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/glossary');
  const meanings = page.locator('tbody tr td:nth-of-type(2)'); // 한국어 (th) · 영어 · 뜻 · 레슨
  await expect(meanings.first()).toBeVisible();
  const boxes = await meanings.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, width: r.width })));
  expect(boxes.length).toBeGreaterThan(30);
  for (const b of boxes) {
    expect(b.right).toBeLessThanOrEqual(390);
    expect(b.width).toBeGreaterThanOrEqual(280);
  }
  // the English term still sits beside the Korean one, and the table keeps its headers for screen readers
  await expect(page.locator('tbody tr td[lang="en"]').first()).toBeInViewport();
  await expect(page.getByRole('columnheader', { name: '뜻' })).toBeAttached();
  await screenshotEverySize(page, testInfo, 'glossary');
  expect(errors).toEqual([]);
});
