import { expect, type Page } from '@playwright/test';

/** The student's view of the Playground's kubectl terminal: its tab, its prompt and its output log. */
export const terminalTab = (page: Page) => page.getByRole('tab', { name: '터미널' });
export const kubectlPrompt = (page: Page) => page.getByRole('textbox', { name: 'kubectl 명령 입력' });
export const terminalOutput = (page: Page) => page.getByRole('log', { name: 'kubectl 출력' });

/**
 * Type a command into the terminal and press Enter. Key by key by default (as a student types: completion and
 * history listeners see every key); `paste` fills the line at once where only the result matters.
 */
export async function typeCommand(page: Page, command: string, how: 'keys' | 'paste' = 'keys'): Promise<void> {
  await terminalTab(page).click();
  const prompt = kubectlPrompt(page);
  await prompt.click();
  if (how === 'paste') await prompt.fill(command);
  else await prompt.pressSequentially(command, { delay: 5 });
  await prompt.press('Enter');
}

/**
 * Clear the screen and run `command` until its output matches `expected` (the cluster needs simulated time to get
 * there); returns the terminal's text at that moment.
 */
export async function runUntil(page: Page, command: string, expected: RegExp, timeout = 60_000): Promise<string> {
  let text = '';
  await expect(async () => {
    await terminalTab(page).click();
    await kubectlPrompt(page).click();
    await kubectlPrompt(page).press('Control+l');
    await typeCommand(page, command);
    await expect(terminalOutput(page)).toContainText(expected, { timeout: 2_000 });
    text = (await terminalOutput(page).textContent()) ?? '';
  }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
  return text;
}

/** Open the Playground, wait until the terminal takes commands, and (optionally) run the simulator faster. */
export async function openPlayground(page: Page, speed?: '10'): Promise<void> {
  await page.goto('/playground');
  await expect(kubectlPrompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  if (speed) await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption(speed);
}

/** Paste a manifest into the YAML editor tab and apply it (the terminal prints what kubectl apply says). */
export async function applyInEditor(page: Page, manifest: string): Promise<void> {
  await page.getByRole('tab', { name: 'YAML 에디터' }).click();
  await expect(page.locator('.cm-content')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('textbox', { name: 'YAML 편집기' }).fill(manifest);
  await page.getByRole('button', { name: '적용' }).click();
}

/** Three nginx pods behind Service `web`, Ready, with 20 requests a second flowing to them (typed in the terminal). */
export async function sendTrafficToWeb(page: Page): Promise<void> {
  await runUntil(page, 'kubectl create deployment web --image=nginx --replicas=3', /deployment.apps\/web created/);
  await runUntil(page, 'kubectl expose deployment web --port=80', /service\/web exposed/);
  await runUntil(page, 'kubectl get deploy web', /web\s+3\/3\s+3\s+3/);
  await runUntil(page, 'traffic start svc/web --rate 20', /트래픽 시작: svc\/web/);
}
