import { expect, test, type Page } from '@playwright/test';
import { screenshotEverySize, trackConsoleErrors } from './helpers';

/**
 * A student asks `kubectl top` how much a pod uses: first "metrics not available yet" (metrics-server has not
 * scraped it), then its usage; a leaking container's memory grows between two looks; `top nodes` shows each node.
 */
const terminalTab = (page: Page) => page.getByRole('tab', { name: '터미널' });
const kubectlInput = (page: Page) => page.getByRole('textbox', { name: 'kubectl 명령 입력' });
const output = (page: Page) => page.getByRole('log', { name: 'kubectl 출력' });

async function enter(page: Page, line: string) {
  const input = kubectlInput(page);
  await input.click();
  await input.pressSequentially(line, { delay: 5 });
  await input.press('Enter');
}

/** Clears the terminal and runs `command` until its output matches; returns the output text. */
async function runUntil(page: Page, command: string, expected: RegExp, timeout = 90_000): Promise<string> {
  let text = '';
  await expect(async () => {
    await kubectlInput(page).click();
    await kubectlInput(page).press('Control+l');
    await enter(page, command);
    await expect(output(page)).toContainText(expected, { timeout: 2_000 });
    text = (await output(page).textContent()) ?? '';
  }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
  return text;
}

test('kubectl top: not available yet, then usage; a leak grows; nodes with their share', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/playground');
  await expect(kubectlInput(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await terminalTab(page).click();

  await enter(page, 'kubectl run leaky --image=kubelab/leaky:1.0');
  await expect(output(page)).toContainText('pod/leaky created');
  await enter(page, 'kubectl top pods');
  await expect(output(page)).toContainText('error: metrics not available yet');
  await expect(output(page)).toContainText('힌트: metrics-server는 15초마다');

  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  const mib = (text: string) => Number(/leaky\s+\d+m\s+(\d+)Mi/.exec(text)?.[1]);
  const first = mib(await runUntil(page, 'kubectl top pod leaky', /leaky\s+\d+m\s+\d+Mi/));
  const later = mib(await runUntil(page, 'kubectl top pod leaky', new RegExp(`leaky\\s+\\d+m\\s+(?!${first}Mi)\\d+Mi`)));
  expect(later).toBeGreaterThan(first);

  await kubectlInput(page).press('Control+l');
  await enter(page, 'kubectl top nodes');
  await expect(output(page)).toContainText(/NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)/);
  await expect(output(page)).toContainText(/worker-1\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/);
  await enter(page, 'kubectl top pods -A --sort-by=memory');
  await expect(output(page)).toContainText(/kube-system\s+kube-apiserver-control-plane\s+\d+m\s+250Mi/);
  await screenshotEverySize(page, testInfo, 'top');
  expect(errors).toEqual([]);
});
