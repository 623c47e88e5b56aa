/**
 * Classroom-ready (issue #19): one simulator clock shared by the toolbar and the scenario panel, live play after a
 * scenario, fast speeds and "다음 사건으로 ▶|", a step switching the graph to the view its narration talks about, and
 * a lesson's scenario played inside the lesson without losing the student's practice cluster.
 */
import { expect, test, type Page } from '@playwright/test';
import { recordFlowLines } from './flow-lines';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';

const panel = (page: Page) => page.locator('[data-scenario-phase]');
const toolbarPlay = (page: Page) => page.getByRole('group', { name: '시뮬레이터 조절' }).getByRole('button', { name: /재생|일시 정지/ });
const prompt = (page: Page) => page.getByRole('textbox', { name: 'kubectl 명령 입력' });
const output = (page: Page) => page.getByRole('log', { name: 'kubectl 출력' });

async function podNames(page: Page, prefix: string): Promise<string[]> {
  const names = await page.locator('[data-pod-tile][data-namespace="default"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-pod') ?? ''));
  return names.filter((n) => n.startsWith(prefix)).sort();
}

async function chooseScenario(page: Page, id: string): Promise<void> {
  await page.getByLabel('시나리오 고르기').selectOption(id);
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'ready', { timeout: 30_000 });
}

async function nextStep(page: Page, expected: number): Promise<void> {
  await page.getByRole('button', { name: '다음 단계 ▶' }).click();
  await expect(panel(page)).toHaveAttribute('data-scenario-step', String(expected));
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', /stepDone|finished/, { timeout: 60_000 });
}

async function type(page: Page, command: string): Promise<void> {
  await page.getByRole('tab', { name: '터미널' }).click();
  await prompt(page).click();
  await prompt(page).fill(command);
  await prompt(page).press('Enter');
}

test('after a scenario the one clock plays on: the instructor’s own commands take effect', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/instructor?seed=3');
  await chooseScenario(page, 'self-healing');
  await page.getByLabel('시뮬레이션 속도').selectOption('10');
  await nextStep(page, 1);
  await nextStep(page, 2);
  // Mid-scenario, at a checkpoint: the toolbar and the scenario panel show the same running clock.
  await expect(toolbarPlay(page)).toHaveText('‖ 일시 정지');
  await expect(panel(page).locator('[data-clock-play]')).toHaveText('‖ 일시 정지');
  // Pausing in the scenario panel pauses the toolbar's clock too: one source of truth.
  await panel(page).locator('[data-clock-play]').click();
  await expect(toolbarPlay(page)).toHaveText('▶ 재생');
  await toolbarPlay(page).click();
  await expect(panel(page).locator('[data-clock-play]')).toHaveText('‖ 일시 정지');
  await nextStep(page, 3);
  await nextStep(page, 4);
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'finished');
  await expect(toolbarPlay(page)).toHaveText('‖ 일시 정지');

  await type(page, 'kubectl scale deployment web --replicas=5');
  await expect(output(page)).toContainText('deployment.apps/web scaled');
  await expect.poll(() => podNames(page, 'web-'), { timeout: 30_000 }).toHaveLength(5);
  await expect(page.locator('[data-pod-tile][data-namespace="default"][data-pod^="web-"][data-status="Running"]')).toHaveCount(5, { timeout: 30_000 });

  await type(page, 'kubectl delete pod -l app=web');
  await expect(output(page)).toContainText(/pod "web-\S+" deleted/);
  // kubectl waits for the pods to go; with the clock running it returns (no "실행 중…" left on the prompt).
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 30_000 });

  // A recording made now has a duration: the clock moves.
  await page.getByRole('tab', { name: '기록·재생' }).click();
  await page.getByRole('button', { name: '● 기록 시작' }).click();
  await page.waitForTimeout(1500);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '■ 기록 멈추고 저장' }).click()]);
  const recording = JSON.parse(await streamText(await download.createReadStream()));
  expect(recording.durationMs).toBeGreaterThan(1000);
  expect(errors).toEqual([]);
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

test('the rolling-update step shows the workload view, where the budget panel is', async ({ page }) => {
  await page.goto('/instructor?seed=3');
  await chooseScenario(page, 'rolling-update');
  await expect(page.getByRole('tab', { name: '클러스터' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('시뮬레이션 속도').selectOption('10');
  await nextStep(page, 1);
  await page.getByRole('button', { name: '다음 단계 ▶' }).click();
  await expect(page.getByRole('tab', { name: '워크로드' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-budget-panel="web"]')).toBeVisible();
  await expect(page.locator('[data-narration]')).toContainText('예산 패널');
});

test('node failure at the top speed, with “다음 사건으로 ▶|” from the keyboard', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/instructor?seed=2');
  await chooseScenario(page, 'node-failure');
  const started = Date.now();
  await page.getByLabel('시뮬레이션 속도').selectOption('60');
  await nextStep(page, 1);
  // Paused, only N moves time: straight to the node going NotReady (50 s later), then on to the eviction.
  await toolbarPlay(page).click();
  await expect(toolbarPlay(page)).toHaveText('▶ 재생');
  await page.getByRole('button', { name: '다음 단계 ▶' }).click();
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'waiting');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('n');
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'stepDone');
  await expect(page.locator('[data-skip-note]').first()).toHaveText('50초 건너뜀');
  await page.getByRole('button', { name: '다음 단계 ▶' }).click();
  await expect(panel(page)).toHaveAttribute('data-scenario-step', '3');
  for (let i = 0; i < 30 && (await panel(page).getAttribute('data-scenario-phase')) === 'waiting'; i++) await page.keyboard.press('n');
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'stepDone');
  await saveScreenshot(page, testInfo, 'node-failure-skipped-1440');
  await toolbarPlay(page).click();
  await nextStep(page, 4);
  await nextStep(page, 5);
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'finished');
  testInfo.annotations.push({ type: 'node-failure wall time (60× + skip)', description: `${((Date.now() - started) / 1000).toFixed(1)} s` });
});

test('the flow panel names each actor once and summarises bursts', async ({ page }) => {
  await page.goto('/instructor?seed=4');
  await page.getByRole('tab', { name: '컨트롤 플레인 흐름' }).click();
  const lines = await recordFlowLines(page);
  await type(page, 'kubectl create deployment demo --image=nginx:1.25 --replicas=3');
  await expect.poll(lines, { timeout: 30_000 }).toContainEqual(expect.stringContaining('레플리카셋 컨트롤러: 파드 3개 생성'));
  await expect.poll(lines, { timeout: 30_000 }).toContainEqual(expect.stringMatching(/kubelet\(worker-\d\): 파드 \S+이\(가\) 준비됨/));
  const all = (await lines()).join('\n');
  expect(all).not.toMatch(/kubelet\(worker-\d\): kubelet\(worker-\d\)/);
  expect(all).not.toMatch(/kube-apiserver: kube-apiserver가/);
  // At 1× the panel keeps up: once the rollout is done nothing is left waiting and nothing was skipped.
  await expect(page.locator('[data-flow-backlog]')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('[data-control-plane-flow]')).not.toContainText('건너뛴');
});

test('a lesson plays its scenario in its own Playground and gives the practice cluster back', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/learn/replicasets');
  await expect(prompt(page)).toBeVisible({ timeout: 60_000 });
  await type(page, 'kubectl create deployment mine --image=nginx:1.25 --replicas=2');
  await expect(output(page)).toContainText('deployment.apps/mine created');
  await expect.poll(() => podNames(page, 'mine-'), { timeout: 30_000 }).toHaveLength(2);
  const mine = await podNames(page, 'mine-');
  // A note the failure controls wrote about the practice cluster must not stay up over the scenario's cluster.
  const failures = page.getByRole('group', { name: '장애 실험' });
  await failures.getByRole('button', { name: '⊘ 코든' }).click();
  await expect(failures.getByRole('status')).toContainText('코든했어요');

  await page.getByRole('button', { name: '노드 장애 시나리오로 보기' }).click();
  const player = page.locator('[data-lesson-scenario="node-failure"]');
  await expect(player).toBeVisible();
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'ready', { timeout: 30_000 });
  // (an empty note is display:none, so it is found by CSS, not by role)
  await expect(page.locator('[role="group"][aria-label="장애 실험"] [role="status"]')).toHaveText('');
  expect(new URL(page.url()).pathname).toBe('/learn/replicasets');
  await expect.poll(() => podNames(page, 'web-')).toHaveLength(4);
  expect(await podNames(page, 'mine-')).toEqual([]);
  await player.getByRole('button', { name: '다음 단계 ▶' }).click();
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'stepDone', { timeout: 30_000 });

  await player.getByRole('button', { name: '✕ 닫고 내 실습 클러스터로 돌아가기' }).click();
  await expect(player).toHaveCount(0);
  await expect.poll(() => podNames(page, 'mine-')).toEqual(mine);
  expect(await podNames(page, 'web-')).toEqual([]);
  // The practice cluster was paused where the student left it; its clock runs again and its pods finish starting.
  await expect(toolbarPlay(page)).toHaveText('‖ 일시 정지');
  await expect(page.locator('[data-pod-tile][data-pod^="mine-"][data-status="Running"]')).toHaveCount(2, { timeout: 30_000 });
  await type(page, 'kubectl get deployments');
  await expect(output(page)).toContainText(/mine\s+\d\/2/);
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    test(`screenshots: scenario panel, flow panel and speed controls ${width}×${height} ${theme}`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await page.goto('/instructor?seed=7&scenario=node-failure&step=2');
      await setTheme(page, theme);
      await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'stepDone', { timeout: 60_000 });
      await saveScreenshot(page, testInfo, `scenario-${width}-${theme}`);
      await page.locator('[data-instructor-tools-panel]').screenshot({ path: testInfo.outputPath(`scenario-panel-${width}-${theme}.png`) });
      await page.getByRole('group', { name: '시뮬레이터 조절' }).screenshot({ path: testInfo.outputPath(`speed-controls-${width}-${theme}.png`) });
      await page.getByRole('tab', { name: '컨트롤 플레인 흐름' }).click();
      await type(page, 'kubectl scale deployment web --replicas=6');
      await expect(page.locator('[data-flow-current]')).toContainText('파드', { timeout: 30_000 });
      await page.locator('[data-instructor-tools-panel]').screenshot({ path: testInfo.outputPath(`flow-panel-${width}-${theme}.png`) });
      await page.goto('/learn/replicasets');
      await setTheme(page, theme);
      await page.getByRole('button', { name: '노드 장애 시나리오로 보기' }).scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: '노드 장애 시나리오로 보기' }).click();
      await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'ready', { timeout: 30_000 });
      await page.locator('[data-lesson-scenario]').screenshot({ path: testInfo.outputPath(`lesson-player-${width}-${theme}.png`) });
      await saveScreenshot(page, testInfo, `lesson-player-page-${width}-${theme}`);
    });
  }
}
