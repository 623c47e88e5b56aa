import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** Collects console errors and page errors so a test can assert there were none. */
export function trackConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.text()} @ ${msg.location().url}`);
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

/** Full-page screenshot attached to the test report and kept under test-results/. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate((t) => {
    localStorage.setItem('k8s-ko-theme', t);
    document.documentElement.classList.toggle('dark', t === 'dark');
  }, theme);
}

/** The screen sizes every UI change is looked at in: desktop, laptop, tablet, phone. */
export const SCREEN_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1440, height: 900 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
] as const;

/**
 * A screenshot at each of SCREEN_SIZES in light and dark, named `<prefix>-<width>-<theme>`. `arrange` runs after
 * each resize (e.g. to scroll the part under test back into view).
 */
export async function screenshotEverySize(page: Page, testInfo: TestInfo, prefix: string, arrange?: () => Promise<void>): Promise<void> {
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    await arrange?.();
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await saveScreenshot(page, testInfo, `${prefix}-${size.width}-${theme}`);
    }
  }
}

/** Axe's serious and critical violations, one line each (rule and the elements it found), for `toEqual([])`. */
export function seriousViolations(results: { violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }): string[] {
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * While the terminal shares the height, the running traffic panel folds to one line (the summary bar): open it to
 * read the chart, the failure reason and the full summary, as a student would with "▼ 펼치기".
 */
export async function unfoldTrafficPanel(page: Page): Promise<void> {
  await expect(page.locator('[data-traffic-summary]')).toBeVisible({ timeout: 30_000 });
  const expand = page.locator('[data-traffic-expand]');
  if (await expand.isVisible()) await expand.click();
  await expect(page.locator('[data-traffic-panel]:not([data-collapsed])')).toBeVisible();
}

/** A lesson's "실행" button for this command (the first, where a lesson offers it twice). */
export const lessonRunButton = (page: Page, cmd: string): Locator => page.getByRole('button', { name: `실행: ${cmd}`, exact: true }).first();

/** Press an exercise card's "확인하기" until it shows `text` (the cluster needs simulated time to get there). */
export async function checkExerciseUntil(card: Locator, text: RegExp | string): Promise<void> {
  await expect(async () => {
    await card.getByRole('button', { name: '확인하기' }).click();
    await expect(card.getByText(text).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}
