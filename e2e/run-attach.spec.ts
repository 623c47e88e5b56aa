import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';
import { kubectlPrompt, openPlayground, terminalOutput, terminalTab, typeCommand } from './kubectl-terminal';

/**
 * A student opens a throwaway client pod as lesson 07 suggests — `kubectl run tmp --rm -it --image=curlimages/curl -- sh`
 * (k8s.io/kubectl pkg/cmd/run/run.go) — sends a request to a Service from inside it, leaves with `exit`, and the pod
 * is deleted: gone from `kubectl get pods` and from the graph.
 */
const shellInput = (page: Page) => page.getByRole('textbox', { name: '컨테이너 셸 입력' });
const tmpTile = (page: Page) => page.locator('[data-pod-tile][data-pod="tmp"]');

/** Type a line into the attached container shell's own prompt and press Enter. */
async function typeInShell(page: Page, line: string) {
  const input = shellInput(page);
  await input.click();
  await input.pressSequentially(line, { delay: 5 });
  await input.press('Enter');
}

test('kubectl run tmp --rm -it … -- sh: a shell in a new pod, curl to a Service inside, exit deletes the pod', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlayground(page, '10');
  await terminalTab(page).click();

  await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await expect(terminalOutput(page)).toContainText('deployment.apps/web created');
  await typeCommand(page, 'kubectl expose deployment web --port=80');
  await expect(terminalOutput(page)).toContainText('service/web exposed');
  await kubectlPrompt(page).press('Control+l');

  await typeCommand(page, 'kubectl run tmp --rm -it --image=curlimages/curl -- sh');
  // kubectl waits for the pod, then attaches: its notice, then the container's prompt
  await expect(shellInput(page)).toBeVisible({ timeout: 60_000 });
  await expect(terminalOutput(page)).toContainText("If you don't see a command prompt, try pressing enter.");
  await expect(page.locator('[data-terminal-prompt]')).toHaveText('/ #');
  // the pod exists and runs while the shell is attached
  await expect(tmpTile(page)).toHaveCount(1);
  await typeInShell(page, 'curl -s http://web');
  await expect(terminalOutput(page)).toContainText(/\/ # curl -s http:\/\/web\s*<!DOCTYPE html>/);
  await expect(terminalOutput(page)).toContainText('Welcome to nginx!');
  await typeInShell(page, 'hostname');
  await expect(terminalOutput(page)).toContainText(/\/ # hostname\s*tmp/);
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height });
      await setTheme(page, theme);
      await saveScreenshot(page, testInfo, `run-attach-${width}x${height}-${theme}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await typeInShell(page, 'exit');
  await expect(terminalOutput(page)).toContainText("Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running");
  await expect(terminalOutput(page)).toContainText('pod "tmp" deleted from default namespace');
  await expect(kubectlPrompt(page)).toBeVisible();
  await expect(page.locator('[data-terminal-prompt]')).toHaveText('$');

  // gone from the graph once it has terminated, and from kubectl get pods
  await expect(tmpTile(page)).toHaveCount(0, { timeout: 60_000 });
  await kubectlPrompt(page).press('Control+l');
  await typeCommand(page, 'kubectl get pods');
  await expect(terminalOutput(page)).toContainText(/web-\S+\s+1\/1\s+Running/);
  await expect(terminalOutput(page)).not.toContainText('tmp');
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
