import { expect, test, type Page } from '@playwright/test';
import { recordFlowLines } from './flow-lines';
import { saveScreenshot, trackConsoleErrors } from './helpers';

/** Names of the default-namespace pods the graph shows right now. */
async function podNames(page: Page): Promise<string[]> {
  const names = await page.locator('[data-pod-tile][data-namespace="default"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod') ?? ''));
  return names.sort();
}

async function chooseScenario(page: Page, id: string): Promise<void> {
  await page.getByLabel('시나리오 고르기').selectOption(id);
  await expect(page.locator('[data-scenario-phase]')).toHaveAttribute('data-scenario-phase', 'ready', { timeout: 30_000 });
}

/** Speed 9× through the presenter shortcut (focus must not be in a field). */
async function fastSpeed(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('9');
}

async function nextStep(page: Page, expected: number): Promise<void> {
  await page.getByRole('button', { name: '다음 단계 ▶' }).click();
  const panel = page.locator('[data-scenario-phase]');
  await expect(panel).toHaveAttribute('data-scenario-step', String(expected));
  await expect(panel).toHaveAttribute('data-scenario-phase', /stepDone|finished/, { timeout: 60_000 });
}

test('presenter view at 1920×1080 is large, high-contrast and chrome-free', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const errors = trackConsoleErrors(page);
  const missing: string[] = [];
  page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
  await page.goto('/instructor?seed=7&scenario=rolling-update&step=2&present=1');
  await expect(page.locator('[data-scenario-phase]')).toHaveAttribute('data-scenario-phase', 'stepDone', { timeout: 60_000 });
  await expect(page.locator('html')).toHaveAttribute('data-present', '1');
  await expect(page.locator('body > header')).toBeHidden();
  const bodyPx = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(bodyPx).toBeGreaterThanOrEqual(24);
  const narrationPx = await page.locator('[data-narration] p').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(narrationPx).toBeGreaterThanOrEqual(24);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(0, 0, 0)');
  await expect(page.locator('[data-pod-tile][data-namespace="default"]').first()).toBeVisible();
  await page.waitForTimeout(1000); // the graph zooms to fit its larger area
  await saveScreenshot(page, testInfo, 'presenter-1920x1080');
  // P leaves presenter mode again (keys are ignored while typing in a field).
  await page.getByLabel('공유 링크').focus();
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveAttribute('data-present', '1');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('p');
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '1');
  await expect(page.locator('body > header')).toBeVisible();
  // Chromium logs the missing /favicon.ico as a console error without a page response event; every response the
  // page itself requested is checked in `missing`.
  expect({ errors: errors.filter((e) => !(missing.length === 0 && e.includes('status of 404'))), missing }).toEqual({ errors: [], missing: [] });
});

test('the rolling-update scenario runs to the end with the budget panel showing', async ({ page }) => {
  await page.goto('/instructor?seed=3');
  await chooseScenario(page, 'rolling-update');
  await page.getByRole('tab', { name: '워크로드' }).click();
  await fastSpeed(page);
  await nextStep(page, 1);
  await expect(page.locator('[data-step-output]')).toContainText('RollingUpdateStrategy');
  await page.getByRole('button', { name: '다음 단계 ▶' }).click();
  await expect(page.locator('[data-budget-panel="web"]')).toBeVisible();
  await expect(page.locator('[data-scenario-phase]')).toHaveAttribute('data-scenario-phase', 'stepDone', { timeout: 60_000 });
  await nextStep(page, 3);
  await nextStep(page, 4);
  await expect(page.locator('[data-scenario-phase]')).toHaveAttribute('data-scenario-phase', 'finished');
  await expect(page.locator('[data-scenario-progress]')).toContainText('4 / 4 단계');
  await expect(page.locator('[data-budget-panel="web"]')).toBeVisible();
  await expect(page.locator('[data-step-output]')).toContainText('REVISION');
});

test('a share link opened in a second browser shows the same pod names', async ({ page, browser }) => {
  await page.goto('/instructor?seed=11');
  await chooseScenario(page, 'self-healing');
  await fastSpeed(page);
  await nextStep(page, 1);
  await nextStep(page, 2);
  await expect.poll(() => podNames(page)).toHaveLength(3);
  const instructorPods = await podNames(page);
  const link = await page.getByLabel('공유 링크').inputValue();
  expect(new URL(link).search).toBe('?seed=11&scenario=self-healing&step=2');

  const student = await browser.newContext({ locale: 'ko-KR' });
  const studentPage = await student.newPage();
  await studentPage.goto(link);
  await expect(studentPage.locator('[data-scenario-phase]')).toHaveAttribute('data-scenario-phase', 'stepDone', { timeout: 60_000 });
  await expect(studentPage.locator('[data-scenario-phase]')).toHaveAttribute('data-scenario-step', '2');
  await expect.poll(() => podNames(studentPage)).toEqual(instructorPods);
  await student.close();
});

test('a recorded session replays offline in the same graph', async ({ page }, testInfo) => {
  await page.goto('/instructor?seed=5');
  await page.getByRole('tab', { name: '기록·재생' }).click();
  await page.getByRole('button', { name: '● 기록 시작' }).click();
  await page.getByRole('tab', { name: '시나리오' }).click();
  await chooseScenario(page, 'self-healing');
  await fastSpeed(page);
  await nextStep(page, 1);
  await nextStep(page, 2);
  await expect.poll(() => podNames(page)).toHaveLength(3);
  const recordedPods = await podNames(page);

  await page.getByRole('tab', { name: '기록·재생' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '■ 기록 멈추고 저장' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^k8s-recording-.*\.json$/);
  const file = testInfo.outputPath('recording.json');
  await download.saveAs(file);

  await page.getByLabel('기록 파일 열기').setInputFiles(file);
  await expect(page.getByText('기록 재생 중 (읽기 전용)')).toBeVisible();
  // Position 0: the cluster as it was when recording began (no web pods yet).
  await expect.poll(() => podNames(page)).toEqual([]);
  await page.getByLabel('재생 속도').selectOption('10');
  await page.getByRole('button', { name: '▶ 기록 재생' }).click();
  await expect.poll(() => podNames(page), { timeout: 60_000 }).toEqual(recordedPods);
  await page.getByRole('button', { name: '실습 클러스터로 돌아가기' }).click();
  await expect(page.getByRole('button', { name: '● 기록 시작' })).toBeVisible();
});

test('the control-plane flow animates each change hop by hop, driven by the → key', async ({ page }, testInfo) => {
  await page.goto('/instructor?seed=4');
  await chooseScenario(page, 'self-healing');
  await page.getByRole('tab', { name: '컨트롤 플레인 흐름' }).click();
  const lines = await recordFlowLines(page);
  await fastSpeed(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-scenario-phase]')).toHaveAttribute('data-scenario-step', '1');
  await expect(page.locator('[data-scenario-phase]')).toHaveAttribute('data-scenario-phase', 'stepDone');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-scenario-phase]')).toHaveAttribute('data-scenario-step', '2');
  // The deleted pod's replacement: replicaset-controller → kube-apiserver → etcd → kube-scheduler, then a kubelet.
  await expect.poll(lines, { timeout: 20_000 }).toContainEqual(expect.stringMatching(/^→ 레플리카셋 컨트롤러: .*1개 생성/));
  await expect.poll(lines).toContainEqual(expect.stringMatching(/^→ kube-scheduler: 노드가 아직 없는 파드/));
  await expect.poll(lines, { timeout: 30_000 }).toContainEqual(expect.stringMatching(/^→ kubelet\(worker-\d\): /));
  await saveScreenshot(page, testInfo, 'control-plane-flow');
});
