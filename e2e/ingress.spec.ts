/**
 * Lesson 07's Ingress section, as a student runs it: open the shipped manifests in the editor, apply the trimmed
 * ingress-nginx controller and the Ingress with the lesson's "실행" buttons, see the Ingress get an ADDRESS, curl the
 * controller's NodePort from the laptop with a Host header and see a php-test-1 pod name answer, get the default
 * backend's 404 for another host, and pass the auto-checked exercise. Then, in the same terminal, a throwaway pod
 * whose main command is curl (`kubectl run … --rm -i … -- curl -s …`) prints the answer and is deleted.
 */
import { expect, test } from '@playwright/test';
import { checkExerciseUntil, lessonRunButton, saveScreenshot, setTheme, trackConsoleErrors } from './helpers';
import { kubectlPrompt, runUntil, terminalOutput, typeCommand } from './kubectl-terminal';

const CURL = "curl -H 'Host: php.example.com' http://192.168.56.11:30082/";

test('lesson 07: an Ingress served by ingress-nginx routes php.example.com to a php-test-1 pod', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/learn/services');
  await expect(kubectlPrompt(page)).toHaveAttribute('placeholder', 'kubectl get pods', { timeout: 60_000 });

  const card = page.locator('[data-exercise="ingress-php"]');
  await card.scrollIntoViewIfNeeded();
  await checkExerciseUntil(card, /php.*없습니다/);

  for (const file of ['php-test-1.yaml', 'ingress-nginx.yaml', 'php-ingress.yaml']) await page.getByRole('button', { name: `에디터에 열기: ${file}` }).click();
  await lessonRunButton(page, 'kubectl apply -f php-test-1.yaml').click();
  await expect(terminalOutput(page)).toContainText('service/php-test-1 created');
  await lessonRunButton(page, 'kubectl apply -f ingress-nginx.yaml').click();
  await expect(terminalOutput(page)).toContainText('ingressclass.networking.k8s.io/nginx created');
  await expect(terminalOutput(page)).toContainText('service/ingress-nginx-controller created');
  await lessonRunButton(page, 'kubectl apply -f php-ingress.yaml').click();
  await expect(terminalOutput(page)).toContainText('ingress.networking.k8s.io/php created');

  // the controller writes the node it serves on into the Ingress's status: kubectl get ingress shows it
  await runUntil(page, 'kubectl get ingress', /php\s+nginx\s+php\.example\.com\s+192\.168\.56\.\d+\s+80\s+/);
  await runUntil(page, CURL, /Hello from php-test-1-[a-z0-9]+-[a-z0-9]+ \(10\.244\.\d+\.\d+\)/);
  await runUntil(page, "curl -i -H 'Host: shop.example.com' http://192.168.56.11:30082/", /HTTP\/1\.1 404 Not Found[\s\S]*<center><h1>404 Not Found<\/h1><\/center>\s*<hr><center>nginx<\/center>/);
  await checkExerciseUntil(card, '통과했습니다');

  for (const [w, h] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await page.getByRole('heading', { name: '인그레스: 입구의 규칙을 쿠버네티스 리소스로' }).scrollIntoViewIfNeeded();
      await saveScreenshot(page, testInfo, `ingress-section-${w}-${theme}`);
      await card.scrollIntoViewIfNeeded();
      await saveScreenshot(page, testInfo, `ingress-exercise-${w}-${theme}`);
    }
  }
  await setTheme(page, 'light');
  await page.setViewportSize({ width: 1440, height: 900 });

  // curl as a throwaway pod's main command reaches the cluster network, as in a real cluster
  await kubectlPrompt(page).press('Control+l');
  await typeCommand(page, 'kubectl run tmp --rm -i --image=curlimages/curl --restart=Never -- curl -s http://php-test-1:8000');
  await expect(terminalOutput(page)).toContainText(/Hello from php-test-1-\S+ \(10\.244\.\d+\.\d+\)\s*pod "tmp" deleted from default namespace/, { timeout: 90_000 });
  expect(errors).toEqual([]);
});
