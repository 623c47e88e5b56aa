import { expect, test } from '@playwright/test';
import { screenshotEverySize, trackConsoleErrors } from './helpers';
import { kubectlPrompt as kubectlInput, runUntil, terminalOutput as output, terminalTab, typeCommand } from './kubectl-terminal';

/**
 * A student asks `kubectl top` how much a pod uses: first "metrics not available yet" (metrics-server has not
 * scraped it), then its usage; a leaking container's memory grows between two looks; `top nodes` shows each node.
 */
const enter = typeCommand;

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
  const first = mib(await runUntil(page, 'kubectl top pod leaky', /leaky\s+\d+m\s+\d+Mi/, 90_000));
  const later = mib(await runUntil(page, 'kubectl top pod leaky', new RegExp(`leaky\\s+\\d+m\\s+(?!${first}Mi)\\d+Mi`), 90_000));
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
