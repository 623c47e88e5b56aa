/**
 * The seed's reverse-proxy chain, as a student runs it in lesson 07: apply the shipped manifests with the lesson's
 * "실행" buttons, curl the proxy's NodePort from the laptop terminal with a Host header, see a php-test-1 pod name
 * answer, break the Service's selector and see nginx's 502, and pass the lesson's auto-checked exercise.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkExerciseUntil as checkUntil, lessonRunButton as runButton, saveScreenshot, setTheme, trackConsoleErrors } from './helpers';

const prompt = (page: Page) => page.getByRole('textbox', { name: 'kubectl 명령 입력' });
const output = (page: Page) => page.getByRole('log', { name: 'kubectl 출력' });
const CURL = "curl -H 'Host: php.example.com' http://192.168.56.11:30081/";

/** Type a line in the terminal until its output shows `expected` (pods take simulated seconds to start). */
async function typeUntil(page: Page, command: string, expected: RegExp, timeout = 60_000) {
  await expect(async () => {
    await prompt(page).click();
    await prompt(page).press('Control+l');
    await prompt(page).fill(command);
    await prompt(page).press('Enter');
    await expect(output(page)).toContainText(expected, { timeout: 2_000 });
  }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
}

test('lesson 07: the laptop curl through the reverse proxy is answered by a php-test-1 pod; a selector typo gives 502', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/learn/services');
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });

  const card = page.locator('[data-exercise="reverse-proxy-chain"]');
  await card.scrollIntoViewIfNeeded();
  await checkUntil(card, /응답 본문에 "Hello from php-test-1-" 문구가 없습니다|요청이 실패했습니다/);

  // as a student does: "에디터에 열기" puts the shipped manifest where `kubectl apply -f` reads it
  for (const file of ['php-test-1.yaml', 'proxy.yaml', 'php-test-1-typo.yaml']) await page.getByRole('button', { name: `에디터에 열기: ${file}` }).click();
  await runButton(page, 'kubectl apply -f php-test-1.yaml').click();
  await expect(output(page)).toContainText('service/php-test-1 created');
  await runButton(page, 'kubectl apply -f proxy.yaml').click();
  await expect(output(page)).toContainText('service/proxy created');
  await typeUntil(page, CURL, /Hello from php-test-1-[a-z0-9]+-[a-z0-9]+ \(10\.244\.\d+\.\d+\)/);
  await checkUntil(card, '통과했습니다');

  for (const [w, h] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await card.scrollIntoViewIfNeeded();
      await saveScreenshot(page, testInfo, `reverse-proxy-ok-${w}-${theme}`);
      if (w < 768) {
        // on a phone the terminal is on its own tab: the answer the student just got
        await page.getByRole('tab', { name: '실습' }).click();
        await page.getByRole('tab', { name: '터미널' }).click();
        await expect(output(page)).toContainText(/Hello from php-test-1-/);
        await saveScreenshot(page, testInfo, `reverse-proxy-terminal-${w}-${theme}`);
        await page.getByRole('tab', { name: '학습' }).click();
      }
    }
  }
  await setTheme(page, 'light');
  await page.setViewportSize({ width: 1440, height: 900 });

  await runButton(page, 'kubectl apply -f php-test-1-typo.yaml').click();
  await expect(output(page)).toContainText('service/php-test-1 configured');
  await typeUntil(page, CURL.replace('curl ', 'curl -i '), /HTTP\/1\.1 502 Bad Gateway[\s\S]*<center><h1>502 Bad Gateway<\/h1><\/center>/);
  const fix = page.locator('[data-exercise="fix-service-selector"]');
  await fix.scrollIntoViewIfNeeded();
  await checkUntil(fix, '응답이 200이 아니라 502 Bad Gateway입니다');
  await saveScreenshot(page, testInfo, 'reverse-proxy-502-1440-light');
  await setTheme(page, 'dark');
  await page.setViewportSize({ width: 390, height: 844 });
  await fix.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'reverse-proxy-502-390-dark');
  expect(errors).toEqual([]);
});
