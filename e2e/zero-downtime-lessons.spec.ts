/**
 * The zero-downtime experiment as a student meets it in lesson 05 (deployments): traffic, a rolling update without a
 * readiness probe that the chart shows in red, the same update with the probe, and the exercise turning checked;
 * and the instructor playing the "준비성 프로브가 롤아웃을 지킨다" scenario to its end.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { saveScreenshot, setTheme, trackConsoleErrors, unfoldTrafficPanel } from './helpers';

const runButton = (page: Page, cmd: string) => page.getByRole('button', { name: `실행: ${cmd}`, exact: true });
const trafficPanel = (page: Page) => page.locator('[data-traffic-panel]');
const terminalText = async (page: Page) => (await page.getByRole('log', { name: 'kubectl 출력' }).textContent()) ?? '';
const count = (text: string, part: string) => text.split(part).length - 1;

/**
 * Clicks the lesson's `nth` "실행" button for `cmd` (the experiment runs some lines twice: without, then with the
 * probe) and waits until the terminal has printed `done` one more time.
 */
async function run(page: Page, cmd: string, done: string, nth = 0) {
  const before = count(await terminalText(page), done);
  await runButton(page, cmd).nth(nth).click();
  await expect.poll(async () => count(await terminalText(page), done), { timeout: 60_000 }).toBeGreaterThan(before);
}

/** "에디터에 열기" shows the YAML editor tab; the terminal tab comes back for the 실행 lines. */
async function openInEditor(page: Page, name: string) {
  await page.getByRole('button', { name: `에디터에 열기: ${name}` }).click();
  await expect(page.getByRole('tab', { name: 'YAML 에디터' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: '터미널' }).click();
}

/** Press 확인하기 until the rollout has finished under traffic (the check says why it doesn't pass yet). */
async function checkUntilPassed(card: Locator) {
  await expect(async () => {
    await card.getByRole('button', { name: '확인하기' }).click();
    await expect(card.getByText('통과했습니다')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000] });
}

test('a student runs lesson 05’s rollout under traffic: red without a readiness probe, green with it, and the exercise checks', async ({ page }, testInfo) => {
  test.setTimeout(480_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/learn/deployments');
  await expect(page.getByRole('heading', { level: 1, name: '디플로이먼트' })).toBeVisible();
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');

  await openInEditor(page, 'hello.yaml');
  await run(page, 'kubectl apply -f hello.yaml', 'deployment.apps/hello created');
  await run(page, 'kubectl rollout status deployment/hello', 'successfully rolled out');
  await run(page, 'traffic start svc/hello --rate 20', '트래픽 시작');
  const panel = trafficPanel(page);
  await expect(panel).toBeVisible(); // the panel opens by itself when traffic starts
  // beside the lesson, on a 900-px-tall screen, the chart stays in view with the terminal open (no fold to undo)
  await expect(panel.locator('[data-traffic-chart]')).toBeInViewport({ timeout: 30_000 });
  await expect(page.locator('[data-traffic-expand]')).toHaveCount(0);
  await expect(panel.locator('[data-traffic-summary]')).toContainText('최근 10초 성공률 100%', { timeout: 30_000 });

  // the exercise is not done by traffic alone: the image is still 1.0
  const card = page.locator('[data-exercise="rollout-keeps-serving"]');
  await card.getByRole('button', { name: '확인하기' }).click();
  await expect(card).toContainText('✗ 아직 아니에요');
  await expect(card).toContainText('(지금: kubelab/hello:1.0)');

  await run(page, 'kubectl set image deployment/hello hello=kubelab/hello:2.0-slow', 'image updated');
  await expect(panel.locator('[data-traffic-failure]')).toContainText('연결 거부', { timeout: 60_000 });
  await expect(panel.locator('[data-traffic-summary]')).toContainText(/실패 [1-9]\d*개/);
  await panel.scrollIntoViewIfNeeded();
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await saveScreenshot(page, testInfo, `lesson05-red-1440-${theme}`);
  }
  await setTheme(page, 'light');

  // the rollout without the probe finishes with dropped requests: the check says how many
  await expect(async () => {
    await card.getByRole('button', { name: '확인하기' }).click();
    await expect(card).toContainText(/readinessProbe|롤아웃 동안 요청 \d+개 중 [1-9]\d*개가 실패했습니다/, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  await openInEditor(page, 'hello-ready.yaml');
  await run(page, 'kubectl apply -f hello-ready.yaml', 'deployment.apps/hello configured');
  await run(page, 'kubectl rollout status deployment/hello', 'successfully rolled out', 1);
  await expect(panel.locator('[data-traffic-summary]')).toContainText('최근 10초 성공률 100%', { timeout: 60_000 });
  await run(page, 'kubectl set image deployment/hello hello=kubelab/hello:2.0-slow', 'image updated', 1);
  await checkUntilPassed(card);
  await expect(panel.locator('[data-traffic-summary]')).toContainText('최근 10초 성공률 100%');

  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await saveScreenshot(page, testInfo, `lesson05-green-1440-${theme}`);
  }
  // on a phone the lesson and the lab are two tabs: the chart is on 실습, the checked exercise on 학습
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('tab', { name: '실습' }).click();
  await expect(panel).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await saveScreenshot(page, testInfo, `lesson05-chart-390-${theme}`);
  }
  await page.getByRole('tab', { name: '학습' }).click();
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByText('통과했습니다')).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await saveScreenshot(page, testInfo, `lesson05-exercise-390-${theme}`);
  }
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});

test('the instructor plays “준비성 프로브가 롤아웃을 지킨다” to the end', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/instructor?seed=3');
  await page.getByLabel('시나리오 고르기').selectOption('readiness-guards-rollout');
  const phase = page.locator('[data-scenario-phase]');
  await expect(phase).toHaveAttribute('data-scenario-phase', 'ready', { timeout: 30_000 });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('5'); // 5× speed: the red stays on the minute's chart while the test looks
  const steps = 10;
  const output = page.locator('[data-step-output]');
  for (let i = 1; i <= steps; i++) {
    await page.getByRole('button', { name: '다음 단계 ▶' }).click();
    await expect(phase).toHaveAttribute('data-scenario-step', String(i));
    await expect(phase).toHaveAttribute('data-scenario-phase', /stepDone|finished/, { timeout: 120_000 });
    if (i === 3) {
      // the rollout without a probe is done: the chart shows red with the reason
      await unfoldTrafficPanel(page);
      const failure = page.locator('[data-traffic-panel] [data-traffic-failure]');
      await expect(failure).toContainText(/연결 거부: 요청을 받은 파드 hello-\S+의 앱이 아직/);
      await saveScreenshot(page, testInfo, 'scenario-readiness-red-1440');
    }
    if (i === 5 || i === 9) await expect(output).toContainText(/최근 10초 성공률 100%.*실패 0개/);
  }
  await expect(phase).toHaveAttribute('data-scenario-phase', 'finished');
  await expect(page.locator('[data-scenario-progress]')).toContainText(`${steps} / ${steps} 단계`);
  await expect(page.locator('[data-step-output]')).toContainText('트래픽을 멈췄어요.');
  await saveScreenshot(page, testInfo, 'scenario-readiness-end-1440');
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
