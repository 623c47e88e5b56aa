/**
 * Lesson 09 on bare machines: a student follows the lesson by clicking its "실행" buttons — each runs in its
 * machine's shell, switching the terminal to that machine — from three bare machines to a Ready 3-node cluster, an
 * nginx pod, and a worker taken apart, pressing 확인하기 on every exercise where the text puts it.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lessonOutline } from '../lib/lessons/outline';
import { saveScreenshot, screenshotEverySize, seriousViolations, trackConsoleErrors } from './helpers';

const body = fs.readFileSync(path.join(process.cwd(), 'content/lessons/09-cluster-setup.mdx'), 'utf8');
const outline = lessonOutline(body);
/** "실행" steps and exercise ids in the order the lesson has them. */
const order = [...body.matchAll(/<Run\s+cmd="([^"]+)"(?:\s+machine="([^"]+)")?|^```exercise\n(?:[\s\S]*?)^id:\s*(\S+)/gm)].map((m) =>
  m[3] ? { exercise: m[3] } : { cmd: m[1], machine: m[2] },
);

const output = (page: Page) => page.getByRole('log', { name: 'kubectl 출력' });
const shellInput = (page: Page) => page.getByRole('textbox', { name: / 셸 입력$/ });

async function checkUntilPassed(card: Locator) {
  await expect(async () => {
    await card.getByRole('button', { name: '확인하기' }).click();
    await expect(card.getByText('통과했습니다')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000, 3_000] });
}

async function openLesson(page: Page) {
  await page.goto('/learn/cluster-setup');
  await expect(page.getByRole('tab', { name: /^master / })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('ubuntu@master:~$', { exact: true })).toBeVisible();
}

test('a student follows lesson 09 from bare machines to a Ready cluster and a reset worker by its 실행 buttons', async ({ page }, testInfo) => {
  test.setTimeout(420_000);
  const errors = trackConsoleErrors(page);
  await openLesson(page);
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');

  // before anything is done, the first exercise says what is missing
  const first = page.locator('[data-exercise="init-master"]');
  await first.getByRole('button', { name: '확인하기' }).click();
  await expect(first.getByText('머신 master가 컨트롤 플레인(kubeadm init 완료)가 아닙니다', { exact: false })).toBeVisible();

  let joinClicked = false;
  // the same step can appear more than once (kubectl get nodes before and after); the nth time is the nth button
  const seen = new Map<string, number>();
  for (const item of order) {
    if ('exercise' in item) {
      await checkUntilPassed(page.locator(`[data-exercise="${item.exercise}"]`));
      continue;
    }
    const name = item.machine ? `${item.machine}에서 실행: ${item.cmd}` : `실행: ${item.cmd}`;
    const nth = seen.get(name) ?? 0;
    seen.set(name, nth + 1);
    await page.getByRole('button', { name, exact: true }).nth(nth).click();
    // the terminal switched to the step's machine (its prompt) and ran the line there
    if (item.machine) await expect(shellInput(page)).toHaveAccessibleName(`${item.machine} 셸 입력`);
    if (item.cmd.startsWith('sudo kubeadm init')) await expect(output(page)).toContainText('Your Kubernetes control-plane has initialized successfully!', { timeout: 30_000 });
    if (item.cmd.startsWith('sudo kubeadm join') && !joinClicked) {
      joinClicked = true;
      await expect(output(page)).toContainText('This node has joined the cluster:', { timeout: 30_000 });
    }
  }
  expect(outline.exercises.map((e) => e.id)).toEqual(order.flatMap((o) => ('exercise' in o ? [o.exercise] : [])));
  for (const e of outline.exercises) await expect(page.locator(`[data-exercise="${e.id}"]`).getByText('통과했습니다')).toBeVisible();
  await saveScreenshot(page, testInfo, 'lesson-09-done');
  expect(errors).toEqual([]);
});

test('lesson 09 with machines at four screen sizes, light and dark, without serious axe violations', async ({ page }, testInfo) => {
  await openLesson(page);
  await page.getByRole('button', { name: 'master에서 실행: sudo swapoff -a', exact: true }).click();
  await page.getByRole('button', { name: `master에서 실행: ${outline.runSteps.find((s) => s.cmd.startsWith('sudo kubeadm init'))!.cmd}`, exact: true }).click();
  await expect(output(page)).toContainText('Your Kubernetes control-plane has initialized successfully!', { timeout: 30_000 });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(seriousViolations(axe)).toEqual([]);
  await screenshotEverySize(page, testInfo, 'lesson-09', () => page.locator('[data-step="master: sudo kubeadm init --pod-network-cidr=10.244.0.0/16"]').scrollIntoViewIfNeeded());
});

test('the machines lab comes back after a reload, and a corrupt save starts fresh with a Korean notice', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await openLesson(page);
  await page.getByRole('button', { name: 'master에서 실행: sudo swapoff -a', exact: true }).click();
  await page.getByRole('button', { name: 'master에서 실행: sudo kubeadm init --pod-network-cidr=10.244.0.0/16', exact: true }).click();
  await expect(output(page)).toContainText('Your Kubernetes control-plane has initialized successfully!', { timeout: 30_000 });

  await page.reload();
  await expect(page.getByText('이전 머신 실습을 복원했어요 (명령 2개)')).toBeVisible({ timeout: 60_000 });
  const card = page.locator('[data-exercise="init-master"]');
  await checkUntilPassed(card);
  await shellInput(page).fill('systemctl status kubelet');
  await shellInput(page).press('Enter');
  await expect(output(page)).toContainText('Active: active (running)');

  await page.evaluate(() => localStorage.setItem('k8s-ko-machines:lesson:cluster-setup', '{"v":1,"seed":9,"entries":[{"at":"soon"}]}'));
  await page.reload();
  await expect(page.getByText('저장된 머신 실습 기록이 손상되어 빈 머신 세 대로 새로 시작했어요.')).toBeVisible({ timeout: 60_000 });
  await shellInput(page).fill('systemctl status kubelet');
  await shellInput(page).press('Enter');
  await expect(output(page)).toContainText('Active: activating (auto-restart)');
  // the corrupt save is gone: what is saved now is this fresh lab's one line
  const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('k8s-ko-machines:lesson:cluster-setup'))) ?? 'null');
  expect(saved.entries.map((e: { machine: string; line: string }) => `${e.machine}: ${e.line}`)).toEqual(['master: systemctl status kubelet']);
  expect(errors).toEqual([]);
});
