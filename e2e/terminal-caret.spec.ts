import { expect, test, type Page } from '@playwright/test';
import { kubectlPrompt as prompt, openPlayground, typeCommand } from './kubectl-terminal';

/**
 * Animation frames come late on a busy laptop or a projector machine. The terminal must put the caret where a
 * recalled or completed line needs it in the same update that writes the line: a caret placed by a late frame once
 * collapsed a student's select-all, and "k get dep" typed over a recalled "kubectl get pods" read
 * "kubectl get podsk get dep". The page's frames are held here while the student keeps typing, then let go.
 */
async function holdFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __heldFrames: FrameRequestCallback[]; __realRaf: typeof requestAnimationFrame };
    w.__heldFrames = [];
    w.__realRaf = window.requestAnimationFrame;
    window.requestAnimationFrame = (cb) => (w.__heldFrames.push(cb), 0);
  });
}

async function releaseFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __heldFrames: FrameRequestCallback[]; __realRaf: typeof requestAnimationFrame };
    window.requestAnimationFrame = w.__realRaf;
    for (const cb of w.__heldFrames.splice(0)) cb(performance.now());
  });
}

test('a late frame never moves the caret the student already moved', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await typeCommand(page, 'kubectl get pods');
  await expect(prompt(page)).toHaveValue('');

  // history: ↑ recalls the line, the student selects it all and types over it before the next frame
  await holdFrames(page);
  await prompt(page).press('ArrowUp');
  await expect(prompt(page)).toHaveValue('kubectl get pods');
  await prompt(page).press('ControlOrMeta+a');
  await releaseFrames(page);
  await prompt(page).pressSequentially('k get dep');
  await expect(prompt(page)).toHaveValue('k get dep');

  // Tab completes a word in the middle of the line: the caret stays right after the completed word
  await prompt(page).fill('k get dep -o wide');
  for (let i = 0; i < ' -o wide'.length; i++) await prompt(page).press('ArrowLeft');
  await holdFrames(page);
  await prompt(page).press('Tab');
  await expect(prompt(page)).toHaveValue('k get deploy -o wide');
  await prompt(page).pressSequentially(' web');
  await releaseFrames(page);
  await expect(prompt(page)).toHaveValue('k get deploy web -o wide');
});
