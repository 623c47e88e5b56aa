/**
 * Lesson 03 walked as a student: on a phone every 실행 runs on the 학습 tab, and "실습 탭에서 결과 보기" must land on
 * the result (the log used to open scrolled to its first line: output that arrives while the tab is hidden cannot
 * scroll it); on a laptop, the two-container pod's helper reaches nginx on localhost:80 as the text now says.
 */
import { expect, test, type Page } from '@playwright/test';
import { lessonRunButton, saveScreenshot, setTheme, trackConsoleErrors } from './helpers';

const output = (page: Page) => page.getByRole('log', { name: 'kubectl 출력' });

test('on a phone, the result of the last 실행 is in view when the 실습 tab opens', async ({ page }, testInfo) => {
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/learn/pods');
  for (const cmd of ['kubectl run webserver --image=nginx:latest', 'kubectl get pods', 'kubectl get pods -o wide', 'kubectl describe pod webserver']) {
    const run = lessonRunButton(page, cmd);
    await run.scrollIntoViewIfNeeded();
    await run.click();
    await expect(page.locator(`[data-step="${cmd}"]`).getByText('✓ 완료')).toBeVisible();
  }
  const notice = page.getByRole('status').filter({ hasText: '실행됨' });
  await notice.getByRole('button', { name: /실습 탭에서 결과 보기/ }).click();
  const log = output(page);
  await expect(log).toContainText('Name:');
  // the describe output overflows the short phone terminal, and the log shows its end, not the welcome line
  await expect
    .poll(() => log.evaluate((el) => ({ overflows: el.scrollHeight > el.clientHeight + 20, atEnd: el.scrollHeight - el.scrollTop - el.clientHeight < 4 })))
    .toEqual({ overflows: true, atEnd: true });
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await saveScreenshot(page, testInfo, `walk-pods-phone-result-${theme}`);
  }
  expect(errors).toEqual([]);
});

test('lesson 03: the helper container reaches nginx on localhost:80 and nginx logs it from 127.0.0.1', async ({ page }, testInfo) => {
  const errors = trackConsoleErrors(page);
  await page.goto('/learn/pods');
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  await page.getByRole('button', { name: '에디터에 열기: two-containers.yaml' }).click();
  await lessonRunButton(page, 'kubectl apply -f two-containers.yaml').click();
  const log = output(page);
  await expect(log).toContainText('pod/web-with-helper created');
  await expect(async () => {
    await lessonRunButton(page, 'kubectl get pod web-with-helper').click();
    await expect(log).toContainText(/web-with-helper\s+2\/2\s+Running/, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  // the helper prints the time every five seconds (busybox date: "Wed Jan 15 00:01:04 UTC 2025")
  await lessonRunButton(page, 'kubectl logs web-with-helper -c helper').click();
  await expect(log).toContainText(/\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}/);
  await expect(log).not.toContainText('이 시뮬레이터에서는');
  const wget = lessonRunButton(page, 'kubectl exec web-with-helper -c helper -- wget -qO- localhost:80');
  await wget.scrollIntoViewIfNeeded();
  await wget.click();
  await expect(log).toContainText('Welcome to nginx!');
  await lessonRunButton(page, 'kubectl logs web-with-helper -c nginx --tail=1').click();
  await expect(log).toContainText(/127\.0\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200/);
  await saveScreenshot(page, testInfo, 'walk-pods-helper-localhost');
  expect(errors).toEqual([]);
});
