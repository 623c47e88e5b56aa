/**
 * Quiz choices are shuffled per browser: the order is stable across reloads (a random id kept in
 * localStorage seeds it), a new browser gets its own order, hydration stays clean, and grading still
 * counts the authored answer wherever it is shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { lessonOutline } from '../lib/lessons/outline';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';

const quiz = lessonOutline(fs.readFileSync(path.join(process.cwd(), 'content/lessons/07-services.mdx'), 'utf8')).quiz!;

/** Choice texts of every question, in the order shown (after the browser's shuffle has applied). */
async function shownOrder(page: Page): Promise<string[][]> {
  const section = page.getByRole('region', { name: '확인 퀴즈' });
  await expect(section).toBeVisible();
  // the shuffle applies right after hydration; after a reload the stored id already exists while the
  // authored order still shows, so wait for the card's own mark that the browser's order is on screen
  await expect(section).toHaveAttribute('data-choice-order', 'shuffled');
  const orders: string[][] = [];
  for (const [i, q] of quiz.entries()) {
    const group = section.getByRole('group', { name: `${i + 1}. ${q.question}` });
    orders.push(await group.locator('label').allInnerTexts());
  }
  return orders;
}

test('quiz choices keep one shuffled order per browser and still grade the right answers', async ({ page, browser }) => {
  // eight loads of a lesson page with its simulator (this page, a reload, six fresh browsers): on a loaded 2-core
  // CI machine that passed 90 s once, so the test gets the slow allowance (3×) rather than fewer browsers
  test.slow();
  const errors = trackConsoleErrors(page);
  await page.goto('/learn/services');
  const first = await shownOrder(page);
  for (const [i, q] of quiz.entries()) expect([...first[i]].sort()).toEqual([...q.choices].sort());

  await page.reload();
  expect(await shownOrder(page)).toEqual(first);

  // other browsers (other students) see other orders: across 6 fresh browsers some question moves
  const others: string[][][] = [];
  for (let n = 0; n < 6; n++) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto('/learn/services');
    others.push(await shownOrder(other));
    await context.close();
  }
  expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(first))).toBe(true);
  // and the authored answer does not sit at one position for everyone
  const positions = new Set(others.flatMap((o) => o.map((choices, i) => choices.indexOf(quiz[i].choices[quiz[i].answer]))));
  expect(positions.size).toBeGreaterThan(1);

  const section = page.getByRole('region', { name: '확인 퀴즈' });
  for (const [i, q] of quiz.entries()) {
    await section.getByRole('group', { name: `${i + 1}. ${q.question}` }).getByRole('radio', { name: q.choices[q.answer], exact: true }).check();
  }
  await section.getByRole('button', { name: '채점하기' }).click();
  await expect(section.getByText(`${quiz.length}문제 중 ${quiz.length}문제 정답`)).toBeVisible();
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the quiz and the architecture diagram look right (${theme})`, async ({ page }, testInfo) => {
    for (const [width, height] of [[1920, 1080], [1440, 900], [768, 1024], [390, 844]] as const) {
      await page.setViewportSize({ width, height });
      await page.goto('/learn/cluster-architecture');
      await setTheme(page, theme);
      await page.locator('figure').filter({ hasText: '컨테이너 런타임' }).first().scrollIntoViewIfNeeded();
      await saveScreenshot(page, testInfo, `architecture-${theme}-${width}`);
      await page.getByRole('region', { name: '확인 퀴즈' }).scrollIntoViewIfNeeded();
      await saveScreenshot(page, testInfo, `quiz-${theme}-${width}`);
    }
  });
}
