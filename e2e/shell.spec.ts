import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the curriculum map lists the lessons in Korean, in order', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('쿠버네티스');
  const lessonLink = page.getByRole('link', { name: /클러스터의 구조/ });
  await expect(lessonLink).toBeVisible();
  await expect(lessonLink).toContainText('분');
  const nav = page.getByRole('navigation', { name: '주 메뉴' });
  for (const label of ['커리큘럼', '실습장', '용어집']) await expect(nav.getByRole('link', { name: label })).toBeVisible();
  await expect(page.getByTestId('data-source-badge')).toHaveText(/시뮬레이터/);
  await saveScreenshot(page, test.info(), 'home-light');
  await setTheme(page, 'dark');
  await saveScreenshot(page, test.info(), 'home-dark');
  expect(errors).toEqual([]);
});

test('a lesson shows its text beside the Playground region', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto('/');
  await page.getByRole('link', { name: /클러스터의 구조/ }).click();
  await expect(page).toHaveURL(/\/learn\/cluster-architecture$/);
  await expect(page.getByRole('heading', { level: 1, name: '클러스터의 구조' })).toBeVisible();
  await expect(page.getByText('kube-scheduler', { exact: false }).first()).toBeVisible();
  const lab = page.getByRole('region', { name: '실습 영역' });
  await expect(lab).toBeVisible();
  // Side by side at ≥1280 px: the lesson is to the left of the Playground.
  const article = await page.locator('article').boundingBox();
  const labBox = await lab.boundingBox();
  expect(article && labBox && article.x + article.width <= labBox.x + 1).toBeTruthy();
  await saveScreenshot(page, test.info(), 'lesson-light');
  await setTheme(page, 'dark');
  await saveScreenshot(page, test.info(), 'lesson-dark');
  expect(errors).toEqual([]);
});

test('narrow screens switch between 학습 and 실습 tabs', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto('/learn/cluster-architecture');
  const learnTab = page.getByRole('tab', { name: '학습' });
  const labTab = page.getByRole('tab', { name: '실습' });
  await expect(learnTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1, name: '클러스터의 구조' })).toBeVisible();
  await labTab.click();
  await expect(labTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1, name: '클러스터의 구조' })).toBeHidden();
  await saveScreenshot(page, test.info(), 'lesson-narrow-lab');
});

test('an unknown lesson shows the Korean 404 with a way back', async ({ page }) => {
  const res = await page.goto('/learn/no-such-lesson');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '페이지를 찾을 수 없습니다' })).toBeVisible();
  await page.getByRole('link', { name: '커리큘럼으로 돌아가기' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('keyboard alone reaches every link on the curriculum map', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.filter((a) => (a as HTMLElement).offsetParent !== null || a.matches(':focus')).map((a) => a.getAttribute('href')));
  const reached = new Set<string>();
  for (let i = 0; i < hrefs.length + 15; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    if (href) reached.add(href);
  }
  for (const h of hrefs) expect(reached, `Tab으로 ${h}에 도달해야 합니다`).toContain(h);
});

test('no serious accessibility violations on the map and a lesson', async ({ page }) => {
  await page.goto('/');
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/learn/cluster-architecture');
  await expect(page.getByRole('region', { name: '실습 영역' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
