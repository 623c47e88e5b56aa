import { expect, test, type Page } from '@playwright/test';
import { screenshotEverySize, trackConsoleErrors } from './helpers';
import { kubectlPrompt as kubectlInput, runUntil, terminalOutput as output, terminalTab } from './kubectl-terminal';

/** A student runs a one-shot container and reads what it printed, then opens a shell inside a running one. */
const shellInput = (page: Page) => page.getByRole('textbox', { name: '컨테이너 셸 입력' });

async function enter(input: ReturnType<typeof kubectlInput>, line: string) {
  await input.click();
  await input.pressSequentially(line, { delay: 5 });
  await input.press('Enter');
}

test('logs show what the container printed; exec -it opens a shell with a / # prompt until exit', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/playground');
  await expect(kubectlInput(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  await terminalTab(page).click();

  await enter(kubectlInput(page), 'kubectl run hello --restart=Never --image=busybox -- echo hello world');
  await expect(output(page)).toContainText('pod/hello created');
  await runUntil(page, 'kubectl logs hello', /\$ kubectl logs hello\s*hello world\s*$/);

  await enter(kubectlInput(page), 'kubectl run web --image=nginx');
  await runUntil(page, 'kubectl get pod web', /web\s+1\/1\s+Running/);
  await kubectlInput(page).press('Control+l');
  await enter(kubectlInput(page), 'kubectl exec -it web -- sh');
  await expect(shellInput(page)).toBeVisible();
  await expect(page.locator('[data-terminal-prompt]')).toHaveText('/ #');
  await enter(shellInput(page), 'hostname');
  await expect(output(page)).toContainText(/\/ # hostname\s*web/);
  await enter(shellInput(page), 'cd /usr/share/nginx/html && ls');
  await expect(output(page)).toContainText('index.html');
  await expect(page.locator('[data-terminal-prompt]')).toHaveText('/usr/share/nginx/html #');
  await screenshotEverySize(page, testInfo, 'container-shell');
  await enter(shellInput(page), 'exit');
  await expect(kubectlInput(page)).toBeVisible();
  await expect(page.locator('[data-terminal-prompt]')).toHaveText('$');

  // Ctrl+D leaves too
  await enter(kubectlInput(page), 'kubectl exec -it web -- sh');
  await expect(shellInput(page)).toBeVisible();
  await shellInput(page).press('Control+d');
  await expect(kubectlInput(page)).toBeVisible();
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
