import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';
import { kubectlPrompt as prompt, runUntil, terminalOutput as output, typeCommand as type } from './kubectl-terminal';

test.describe.configure({ mode: 'serial' });

test('a student drives the cluster from the terminal and the YAML editor', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/playground');
  await expect(prompt(page)).toBeVisible({ timeout: 60_000 });
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');

  // kubectl run → the pod appears in the graph and becomes Running
  await type(page, 'kubectl run webserver --image=nginx:latest');
  await expect(output(page)).toContainText('pod/webserver created');
  await expect(page.locator('[data-pod-tile][data-pod="webserver"]')).toHaveCount(1, { timeout: 30_000 });
  await runUntil(page, 'kubectl get pods', /webserver\s+1\/1\s+Running\s+0\s+\d+s/);
  await expect(output(page)).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);

  // history and Tab completion
  await prompt(page).press('ArrowUp');
  await expect(prompt(page)).toHaveValue('kubectl get pods');
  await prompt(page).fill('k get dep');
  await prompt(page).press('Tab');
  await expect(prompt(page)).toHaveValue('k get deploy');
  await prompt(page).fill('');

  // a Deployment applied from the editor → 3 pods
  await page.getByRole('tab', { name: 'YAML 에디터' }).click();
  const editor = page.getByRole('textbox', { name: 'YAML 편집기' });
  await expect(page.locator('.cm-content')).toBeVisible({ timeout: 30_000 }); // CodeMirror replaced the plain textarea
  await expect(editor).toHaveCount(1);
  await expect(editor).toContainText('kind: Deployment', { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: '문제 없음' })).toBeVisible();
  await page.getByRole('button', { name: '적용' }).click();
  await expect(output(page)).toContainText('deployment.apps/web created');
  await runUntil(page, 'kubectl get deploy web', /web\s+3\/3\s+3\s+3\s+/);

  // scale → 5
  await type(page, 'kubectl scale deploy/web --replicas=5');
  await expect(output(page)).toContainText('deployment.apps/web scaled');
  await runUntil(page, 'kubectl get deploy web', /web\s+5\/5\s+5\s+5\s+/);

  // set image → a rolling update that rollout status follows to the end (time paused so every step shows)
  await prompt(page).press('Control+l');
  await page.getByRole('button', { name: /일시 정지/ }).click();
  await type(page, 'kubectl set image deploy/web web=nginx:1.25');
  await expect(output(page)).toContainText('deployment.apps/web image updated');
  await type(page, 'kubectl rollout status deploy/web');
  await expect(output(page)).toContainText('Waiting for deployment spec update to be observed...');
  await page.getByRole('button', { name: /재생/ }).click();
  await expect(output(page)).toContainText(/Waiting for deployment "web" rollout to finish: \d+ (out of 5 new replicas have been updated|old replicas are pending termination|of 5 updated replicas are available)\.\.\./, { timeout: 30_000 });
  await expect(output(page)).toContainText('deployment "web" successfully rolled out', { timeout: 90_000 });
  await runUntil(page, 'kubectl get deploy web -o wide', /web\s+5\/5\s+5\s+5\s+\S+\s+web\s+nginx:1\.25\s+app=web/);

  // rollout undo → the old image is back
  await type(page, 'kubectl rollout undo deploy/web');
  await expect(output(page)).toContainText('deployment.apps/web rolled back');
  await runUntil(page, 'kubectl get deploy web -o wide', /web\s+5\/5\s+5\s+5\s+\S+\s+web\s+nginx:1\.24\s+app=web/, 90_000);
  await runUntil(page, 'kubectl rollout history deploy/web', /REVISION\s+CHANGE-CAUSE\s+2\s+<none>\s+3\s+<none>/);

  // a typo → kubectl's suggestion and a Korean hint
  await prompt(page).press('Control+l');
  await type(page, 'kubectl gt pods');
  await expect(output(page)).toContainText('error: unknown command "gt" for "kubectl"');
  await expect(output(page)).toContainText(/Did you mean this\?\s+set\s+get\s+cp/);
  await expect(output(page)).toContainText("힌트: 철자를 확인해 보세요. 혹시 'kubectl get' 명령을 쓰려던 건가요?");

  // broken YAML → line:column error in the editor and the terminal; nothing is created
  await page.getByRole('tab', { name: 'YAML 에디터' }).click();
  await page.getByRole('combobox', { name: '템플릿으로 새 파일 만들기' }).selectOption('pod');
  await expect(page.getByRole('button', { name: 'pod.yaml', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await editor.fill('apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n spec:\n  containers: []\n');
  await expect(page.getByRole('status').filter({ hasText: 'YAML 문법 오류' })).toContainText(/5:\d+/);
  await page.getByRole('button', { name: '적용' }).click();
  await expect(output(page)).toContainText('error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 5:');
  await expect(output(page)).toContainText(/힌트: pod\.yaml 5:\d+ — YAML 문법 오류/);
  await runUntil(page, 'kubectl get pod broken', /Error from server \(NotFound\): pods "broken" not found/);

  // an unknown field → strict decoding error with a did-you-mean hint
  await page.getByRole('tab', { name: 'YAML 에디터' }).click();
  await page.getByRole('button', { name: 'deployment.yaml', exact: true }).click();
  await editor.fill('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: typo\nspec:\n  replica: 2\n  selector:\n    matchLabels: {app: typo}\n  template:\n    metadata: {labels: {app: typo}}\n    spec:\n      containers: [{name: typo, image: nginx}]\n');
  await expect(page.getByRole('status').filter({ hasText: '알 수 없는 필드' })).toContainText('6:3 알 수 없는 필드 "spec.replica"예요. replicas를 말씀하신 건가요?');
  await page.getByRole('tab', { name: '터미널' }).click();
  await saveScreenshot(page, testInfo, 'terminal');
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]); // favicon 404 belongs to the app shell
});

test('help, Ctrl+C on a watch, and clear', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/playground');
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await type(page, 'help');
  await expect(output(page)).toContainText('쓸 수 있는 명령:');
  await type(page, 'k get pods -w');
  await expect(prompt(page)).toHaveAttribute('placeholder', /실행 중/);
  await prompt(page).press('Control+c');
  await expect(output(page)).toContainText('^C');
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods');
  await type(page, 'clear');
  await expect(output(page)).not.toContainText('쓸 수 있는 명령:');
});

/** Tab completes inside the prompt, so it must not hold the keyboard: Shift+Tab, or Esc then Tab, leave (WCAG 2.1.2). */
test('Tab completes in the prompt, and Shift+Tab or Esc then Tab move the focus out of the terminal', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/playground');
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  const focusedIsPrompt = () => prompt(page).evaluate((el) => el === document.activeElement);
  await prompt(page).click();
  await prompt(page).pressSequentially('kubectl descr');
  await page.keyboard.press('Tab');
  await expect(prompt(page)).toHaveValue('kubectl describe ');
  expect(await focusedIsPrompt()).toBe(true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focusedIsPrompt()).toBe(false);
  await prompt(page).click();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedIsPrompt()).toBe(false);
  // after leaving and coming back, Tab completes again
  await prompt(page).click();
  await prompt(page).fill('kubectl rollo');
  await page.keyboard.press('Tab');
  await expect(prompt(page)).toHaveValue('kubectl rollout ');
});

test('lines typed while a command runs wait in a visible queue, run in order, and Ctrl+C stops only the running one', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/playground');
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  const queue = page.getByRole('list', { name: '대기 중인 명령' });

  // A watch runs until Ctrl+C; an empty Enter and two commands typed meanwhile wait their turn.
  await type(page, 'kubectl get pods -w');
  await expect(prompt(page)).toHaveAttribute('placeholder', /실행 중/);
  await prompt(page).press('Enter');
  await type(page, 'kubectl get nodes');
  await type(page, 'kubectl get ns');
  await expect(queue.getByRole('listitem')).toHaveText([/^대기 \$\s*$/, /^대기 \$ kubectl get nodes$/, /^대기 \$ kubectl get ns$/]);
  await expect(output(page)).toContainText('대기 중 3개');
  await saveScreenshot(page, testInfo, 'terminal-queue');
  await prompt(page).press('Control+c');
  await expect(output(page)).toContainText(/\^C[\s\S]*\$ kubectl get nodes[\s\S]*control-plane\s+Ready[\s\S]*\$ kubectl get ns[\s\S]*kube-system\s+Active/);
  await expect(queue).toBeHidden();
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods');

  // A rollout status that ends by itself: the queued command runs right after it, not before.
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  await prompt(page).press('Control+l');
  await page.getByRole('button', { name: /일시 정지/ }).click();
  await type(page, 'kubectl create deployment web --image=nginx:1.24 --replicas=2');
  await type(page, 'kubectl rollout status deploy/web');
  await expect(output(page)).toContainText('Waiting for deployment');
  await type(page, 'kubectl get deploy web');
  await expect(queue).toContainText('kubectl get deploy web');
  await page.getByRole('button', { name: /재생/ }).click();
  await expect(output(page)).toContainText(/successfully rolled out\s*\$ kubectl get deploy web\s*NAME\s+READY[\s\S]*web\s+2\/2/, { timeout: 60_000 });

  // The queue can be cancelled; the running command keeps running.
  await type(page, 'kubectl get pods -w');
  await type(page, 'kubectl delete deploy web');
  await page.getByRole('button', { name: '대기 취소' }).click();
  await expect(output(page)).toContainText('대기 중이던 명령 1개를 취소했어요');
  await expect(prompt(page)).toHaveAttribute('placeholder', /실행 중/);
  await prompt(page).press('Control+c');
  await type(page, 'kubectl get deploy web');
  await expect(output(page)).toContainText(/\$ kubectl get deploy web\s*NAME\s+READY[\s\S]*\$ kubectl get deploy web\s*NAME/);
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});

test('the terminal and the editor have no axe violations, in light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/playground');
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await type(page, 'kubectl get pods -A');
  await type(page, 'kubectl get nope');
  await page.getByRole('tab', { name: 'YAML 에디터' }).click();
  await expect(page.locator('.cm-content')).toBeVisible({ timeout: 30_000 });
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const panel of ['#pg-panel-editor', '#pg-panel-terminal']) {
      await page.getByRole('tab', { name: panel.includes('editor') ? 'YAML 에디터' : '터미널' }).click();
      const results = await new AxeBuilder({ page }).include(panel).analyze();
      expect(results.violations.map((v) => `${theme} ${panel}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  }
});

test('lesson buttons open YAML in the editor and run commands in the terminal', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/learn/pods');
  await page.getByRole('button', { name: '에디터에 열기: two-containers.yaml' }).click();
  await expect(page.getByRole('button', { name: 'two-containers.yaml', exact: true })).toHaveAttribute('aria-pressed', 'true', { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: '문제 없음' })).toBeVisible();
  await page.getByRole('button', { name: '실행: kubectl apply -f two-containers.yaml', exact: true }).click();
  await expect(output(page)).toContainText('$ kubectl apply -f two-containers.yaml', { timeout: 60_000 });
  await expect(output(page)).toContainText('pod/web-with-helper created');
  await expect(async () => {
    await page.getByRole('button', { name: '실행: kubectl get pod web-with-helper', exact: true }).click();
    await expect(output(page)).toContainText(/web-with-helper\s+2\/2\s+Running/, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
});

test('deleting the selected pod: the details follow its replacement, or close, with a Korean note', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/playground');
  await expect(prompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  await type(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await type(page, 'kubectl run solo --image=nginx');
  const running = page.locator('[data-pod-tile][data-status="Running"]');
  await expect(running.and(page.locator('[data-pod^="web-"]'))).toHaveCount(2, { timeout: 60_000 });
  await expect(running.and(page.locator('[data-pod="solo"]'))).toHaveCount(1, { timeout: 30_000 });

  const victim = running.and(page.locator('[data-pod^="web-"]')).first();
  const victimName = (await victim.getAttribute('data-pod'))!;
  await victim.click();
  const details = page.getByRole('complementary', { name: '파드 자세히 보기' });
  await expect(details.getByText(victimName, { exact: true }).first()).toBeVisible();
  await type(page, `kubectl delete pod ${victimName}`);

  const followed = details.getByRole('status').filter({ hasText: '선택한 파드가 삭제되어, 같은 레플리카셋이 대신 만든 파드를 보여 줘요' });
  await expect(followed).toContainText(`${victimName} → web-`, { timeout: 30_000 });
  const replacement = /→\s*(web-\S+)/.exec(await followed.innerText())![1];
  expect(replacement).not.toBe(victimName);
  await expect(details.locator('dl')).toContainText(replacement);
  await expect(details.locator('pre')).toContainText(`Name:`, { timeout: 10_000 });
  await saveScreenshot(page, testInfo, 'details-followed');

  await page.locator('[data-pod-tile][data-pod="solo"]').click();
  await expect(details.locator('dl')).toContainText('solo');
  await expect(details.getByRole('status')).toHaveCount(0); // choosing another pod clears the note
  await type(page, 'kubectl delete pod solo');
  await expect(details).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: '선택한 파드가 삭제되어 자세히 보기를 닫았어요: solo' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'details-closed');
  await expect(page.locator('#playground-graph')).not.toContainText('NotFound');
  await expect(page.locator('#playground-graph')).not.toContainText('이 파드는 삭제되었어요');
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
