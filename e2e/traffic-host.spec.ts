import { expect, test } from '@playwright/test';
import { openPlayground, terminalOutput, typeCommand } from './kubectl-terminal';
import { saveScreenshot, setTheme, trackConsoleErrors, unfoldTrafficPanel } from './helpers';

/**
 * The traffic panel's Host header field: a value no Host header can hold is refused in Korean and nothing starts;
 * a host name starts the run, whose label says which Host each request carries.
 */

test('traffic panel: a Host header field, validated, carried into the run', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlayground(page, '10');
  await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=2');
  await typeCommand(page, 'kubectl expose deployment web --port=80 --type=NodePort');
  await expect(terminalOutput(page)).toContainText('service/web exposed');

  await page.locator('[data-traffic-toggle]').click();
  const panel = page.locator('[data-traffic-panel]');
  await panel.getByRole('combobox', { name: '서비스' }).selectOption('default/web');
  await panel.getByRole('combobox', { name: '보내는 곳' }).selectOption({ label: '클러스터 밖(NodePort)' });
  const host = panel.getByRole('textbox', { name: 'Host 헤더' });
  await host.fill('http://web.example.com/');
  await panel.getByRole('button', { name: '▶ 보내기' }).click();
  await expect(panel.getByRole('alert')).toContainText('Host 헤더 값 "http://web.example.com/"은(는) 쓸 수 없어요');
  await expect(host).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-traffic-toggle]')).not.toContainText('보내는 중');
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await saveScreenshot(page, testInfo, `traffic-host-error-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  await host.fill('web.example.com');
  await panel.getByRole('button', { name: '▶ 보내기' }).click();
  // the terminal is open: once the first second's figures arrive the running panel folds to one line, so unfold it
  // before reading the run's label (reading it first raced the fold)
  await unfoldTrafficPanel(page);
  await expect(panel).toContainText(/보내는 중: 192\.168\.56\.\d+:3\d{4} \(svc\/web의 NodePort\) ← 클러스터 밖\(내 컴퓨터\)에서 \(Host: web\.example\.com\), 초당 20개/);
  await expect(panel.locator('[data-traffic-summary]')).toContainText('최근 10초 성공률 100%', { timeout: 30_000 });
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await saveScreenshot(page, testInfo, `traffic-host-running-1440x900-${theme}`);
  }
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
