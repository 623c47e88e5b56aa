import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';

/**
 * A student opens a throwaway client pod as lesson 07 suggests — `kubectl run tmp --rm -it --image=curlimages/curl -- sh`
 * (k8s.io/kubectl pkg/cmd/run/run.go) — sends a request to a Service from inside it, leaves with `exit`, and the pod
 * is deleted: gone from `kubectl get pods` and from the graph.
 */
const terminalTab = (page: Page) => page.getByRole('tab', { name: '터미널' });
const kubectlInput = (page: Page) => page.getByRole('textbox', { name: 'kubectl 명령 입력' });
const shellInput = (page: Page) => page.getByRole('textbox', { name: '컨테이너 셸 입력' });
const output = (page: Page) => page.getByRole('log', { name: 'kubectl 출력' });
const tmpTile = (page: Page) => page.locator('[data-pod-tile][data-pod="tmp"]');

async function enter(input: ReturnType<typeof kubectlInput>, line: string) {
  await input.click();
  await input.pressSequentially(line, { delay: 5 });
  await input.press('Enter');
}

test('kubectl run tmp --rm -it … -- sh: a shell in a new pod, curl to a Service inside, exit deletes the pod', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/playground');
  await expect(kubectlInput(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  await terminalTab(page).click();

  await enter(kubectlInput(page), 'kubectl create deployment web --image=nginx --replicas=2');
  await expect(output(page)).toContainText('deployment.apps/web created');
  await enter(kubectlInput(page), 'kubectl expose deployment web --port=80');
  await expect(output(page)).toContainText('service/web exposed');
  await kubectlInput(page).press('Control+l');

  await enter(kubectlInput(page), 'kubectl run tmp --rm -it --image=curlimages/curl -- sh');
  // kubectl waits for the pod, then attaches: its notice, then the container's prompt
  await expect(shellInput(page)).toBeVisible({ timeout: 60_000 });
  await expect(output(page)).toContainText("If you don't see a command prompt, try pressing enter.");
  await expect(page.locator('[data-terminal-prompt]')).toHaveText('/ #');
  // the pod exists and runs while the shell is attached
  await expect(tmpTile(page)).toHaveCount(1);
  await enter(shellInput(page), 'curl -s http://web');
  await expect(output(page)).toContainText(/\/ # curl -s http:\/\/web\s*<!DOCTYPE html>/);
  await expect(output(page)).toContainText('Welcome to nginx!');
  await enter(shellInput(page), 'hostname');
  await expect(output(page)).toContainText(/\/ # hostname\s*tmp/);
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height });
      await setTheme(page, theme);
      await saveScreenshot(page, testInfo, `run-attach-${width}x${height}-${theme}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await enter(shellInput(page), 'exit');
  await expect(output(page)).toContainText("Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running");
  await expect(output(page)).toContainText('pod "tmp" deleted');
  await expect(kubectlInput(page)).toBeVisible();
  await expect(page.locator('[data-terminal-prompt]')).toHaveText('$');

  // gone from the graph once it has terminated, and from kubectl get pods
  await expect(tmpTile(page)).toHaveCount(0, { timeout: 60_000 });
  await kubectlInput(page).press('Control+l');
  await enter(kubectlInput(page), 'kubectl get pods');
  await expect(output(page)).toContainText(/web-\S+\s+1\/1\s+Running/);
  await expect(output(page)).not.toContainText('tmp');
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
