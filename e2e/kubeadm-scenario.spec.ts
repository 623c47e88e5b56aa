import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';
import { terminalOutput } from './kubectl-terminal';

/**
 * An instructor plays "클러스터를 직접 세워 봅시다" from bare machines to a reset worker: picking it on the ordinary
 * instructor page reopens it on bare machines, and the control-plane flow view explains kubeadm init's phases
 * (upstream cmd/kubeadm/app/cmd/phases/init/certs.go: the CA and certificates in /etc/kubernetes/pki) while the
 * control-plane components appear as their static pods start.
 */
const panel = (page: Page) => page.locator('[data-scenario-phase]');

async function nextStep(page: Page, expected: number) {
  await page.getByRole('button', { name: '다음 단계 ▶' }).click();
  await expect(panel(page)).toHaveAttribute('data-scenario-step', String(expected));
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', /stepDone|finished/, { timeout: 120_000 });
}

async function fastSpeed(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('9');
}

test('the instructor plays the kubeadm scenario to the end; the flow view explains init phase by phase', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const errors = trackConsoleErrors(page);
  await page.goto('/instructor');
  await page.getByLabel('시나리오 고르기').selectOption('kubeadm-cluster-setup');
  await expect(page).toHaveURL(/machines=1/, { timeout: 30_000 });
  await expect(page).toHaveURL(/scenario=kubeadm-cluster-setup/);
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'ready', { timeout: 60_000 });
  await expect(page.getByLabel('시나리오 고르기')).toHaveValue('kubeadm-cluster-setup');
  await fastSpeed(page);

  await nextStep(page, 1);
  // the machine's line and what it printed go to the machine terminal; the scenario panel keeps the narration
  await expect(terminalOutput(page)).toContainText('ubuntu@master:~$ journalctl -u kubelet');
  await expect(page.locator('[data-step-machine="master"]')).toContainText('master에서 입력했어요');
  await expect(panel(page)).not.toContainText('ubuntu@master:~$');
  await expect(page.locator('[data-step-output]')).toHaveCount(0);

  // before init: nothing runs yet, and the flow view says so
  await page.getByRole('tab', { name: '컨트롤 플레인 흐름' }).click();
  await expect(page.locator('[data-flow-component="etcd"]')).toHaveAttribute('data-present', 'false');
  await expect(page.locator('[data-kubeadm-phases]')).toContainText('아직 kubeadm을 실행하지 않았어요');
  await page.getByRole('tab', { name: '시나리오' }).click();
  await page.getByRole('button', { name: '다음 단계 ▶' }).click();
  await page.getByRole('tab', { name: '컨트롤 플레인 흐름' }).click();
  const phases = page.locator('[data-kubeadm-phases]');
  await expect(phases).toHaveAttribute('data-kubeadm-op', 'init', { timeout: 30_000 });
  await expect(phases).toHaveAttribute('data-kubeadm-phase', 'certs', { timeout: 10_000 });
  await expect(page.locator('[data-kubeadm-phase-current]')).toContainText('/etc/kubernetes/pki에 클러스터 CA와 API 서버 인증서를 만듭니다');
  // the static pods are told as appearing only once the kubelet runs them (after kubelet-start)
  await expect(page.locator('[data-flow-component="etcd"]')).toHaveAttribute('data-present', 'false');
  await saveScreenshot(page, testInfo, 'kubeadm-flow-certs-1920-light');
  await expect(phases).toHaveAttribute('data-kubeadm-phase', 'control-plane', { timeout: 15_000 });
  await expect(page.locator('[data-flow-component="kube-apiserver"]')).toHaveAttribute('data-active', 'true');
  await expect(phases).toHaveAttribute('data-kubeadm-phase', 'wait-control-plane', { timeout: 15_000 });
  await expect(page.locator('[data-flow-component="kube-apiserver"]')).toHaveAttribute('data-present', 'true');
  await setTheme(page, 'dark');
  await saveScreenshot(page, testInfo, 'kubeadm-flow-control-plane-1920-dark');
  await setTheme(page, 'light');
  await expect(phases).toContainText('방금 끝남', { timeout: 30_000 });
  await expect(page.locator('[data-kubeadm-phases] li[data-phase-state="done"]')).toHaveCount(13);

  await page.getByRole('tab', { name: '시나리오' }).click();
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'stepDone', { timeout: 60_000 });
  for (let step = 3; step <= 5; step++) await nextStep(page, step);
  // Calico landed on master: the flow view tells the CNI step (kubelet NetworkReady → the node is Ready)
  await page.getByRole('tab', { name: '컨트롤 플레인 흐름' }).click();
  await expect(phases).toHaveAttribute('data-kubeadm-op', 'cni', { timeout: 15_000 });
  await expect(page.locator('[data-kubeadm-phase-current]')).toContainText('/etc/cni/net.d/10-calico.conflist');
  await page.getByRole('tab', { name: '시나리오' }).click();
  for (let step = 6; step <= 11; step++) await nextStep(page, step);
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'finished');
  await expect(page.locator('[data-scenario-progress]')).toContainText('11 / 11 단계 · 시나리오 끝!');
  await expect(terminalOutput(page)).toContainText('The reset process does not clean CNI configuration');
  await expect(page.locator('[data-node-box="worker-2"]')).toHaveCount(0);
  await expect(terminalOutput(page)).toContainText('ubuntu@worker-2:~$ sudo kubeadm reset -f');
  await expect(page.getByRole('tab', { name: /^worker-2 / })).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page)).not.toContainText('ubuntu@worker-2:~$');
  await expect(page.locator('[data-node-box="worker-1"]')).toBeVisible();
  await saveScreenshot(page, testInfo, 'kubeadm-scenario-finished-1920-light');

  // the flow view tells the reset too (a worker's: no etcd member to remove)
  await page.getByRole('tab', { name: '컨트롤 플레인 흐름' }).click();
  await expect(phases).toHaveAttribute('data-kubeadm-op', 'reset', { timeout: 15_000 });
  await expect(phases).toContainText('worker-2');
  await expect(phases).not.toContainText('remove-etcd-member');
  expect(errors).toEqual([]);
});

test('on a phone the flow view explains the phases readably (light and dark)', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/instructor?machines=1&scenario=kubeadm-cluster-setup&step=1');
  await expect(panel(page)).toHaveAttribute('data-scenario-step', '1', { timeout: 60_000 });
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'stepDone', { timeout: 60_000 });
  await page.getByRole('button', { name: '다음 단계 ▶' }).click();
  await page.getByRole('tab', { name: '컨트롤 플레인 흐름' }).click();
  const phases = page.locator('[data-kubeadm-phases]');
  await expect(phases).toHaveAttribute('data-kubeadm-phase', 'kubeconfig', { timeout: 15_000 });
  await phases.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'kubeadm-flow-390-light');
  await setTheme(page, 'dark');
  await saveScreenshot(page, testInfo, 'kubeadm-flow-390-dark');
  // the explanation is inside the viewport width (no sideways scrolling on a phone)
  const box = await page.locator('[data-kubeadm-phase-current]').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});

test('a share link without machines=1 says in Korean where the scenario runs, and its button opens it there', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/instructor?scenario=kubeadm-cluster-setup&step=0');
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'error', { timeout: 60_000 });
  await expect(page.getByText('이 시나리오는 빈 머신 세 대에서 시작해요. 머신 실습(?machines=1)으로 열어 주세요.')).toBeVisible();
  await page.getByRole('link', { name: '빈 머신 실습으로 열기' }).click();
  await expect(page).toHaveURL(/machines=1/);
  await expect(panel(page)).toHaveAttribute('data-scenario-phase', 'ready', { timeout: 60_000 });
  expect(errors).toEqual([]);
});
