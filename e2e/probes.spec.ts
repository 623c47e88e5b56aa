import { expect, test } from '@playwright/test';
import { saveScreenshot, setTheme, trackConsoleErrors } from './helpers';
import { applyInEditor, openPlayground, runUntil, terminalOutput as output } from './kubectl-terminal';

/** A Deployment whose readiness probe asks a port nginx does not listen on, and a database over its memory limit. */
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        readinessProbe:
          httpGet: {port: 8080, path: /}
          periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: db
    image: mysql:8.0
    env: [{name: MYSQL_ROOT_PASSWORD, value: pw}]
    resources:
      limits: {memory: 20Mi}
`;

test('a failing readiness probe keeps a pod 0/1, a memory limit OOMKills, and the graph says why', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const errors = trackConsoleErrors(page);
  await openPlayground(page, '10');

  await applyInEditor(page, MANIFEST);
  await expect(output(page)).toContainText('deployment.apps/web created');
  await expect(output(page)).toContainText('pod/db created');

  // kubectl: 0/1 Running (not Ready), and the database in OOMKilled / CrashLoopBackOff with restarts
  await runUntil(page, 'kubectl get pods', /web-\S+\s+0\/1\s+Running\s+0/);
  await runUntil(page, 'kubectl get pods db', /db\s+0\/1\s+(OOMKilled|CrashLoopBackOff)\s+[1-9]/, 90_000);
  // the unready pod's IP is in notReadyAddresses, not addresses
  await runUntil(page, "kubectl get endpoints web -o jsonpath='{.subsets[0].notReadyAddresses[0].ip}'", /10\.244\.\d+\.\d+/);
  await runUntil(page, 'kubectl describe pod db', /Last State:\s+Terminated\s+Reason:\s+OOMKilled\s+Exit Code:\s+137/);

  // the graph: the db tile names the last reason, the web tile carries the probe marker
  const db = page.locator('[data-pod-tile][data-pod="db"]');
  await expect(db).toHaveAttribute('aria-label', /재시작 \d+회 \(OOMKilled\)/, { timeout: 30_000 });
  const web = page.locator('[data-pod-tile][data-pod^="web-"]');
  await expect(web).toHaveAttribute('aria-label', /준비성 프로브 미통과 \(web\)/);
  await web.click();
  await expect(page.getByText('준비성 프로브 미통과 (web) — 서비스 트래픽을 받지 않아요')).toBeVisible();
  await saveScreenshot(page, testInfo, 'probe-web-1440-light');
  await db.click();
  await expect(page.getByText(/마지막 종료: OOMKilled/)).toBeVisible();
  await saveScreenshot(page, testInfo, 'oom-db-1440-light');
  await setTheme(page, 'dark');
  await saveScreenshot(page, testInfo, 'oom-db-1440-dark');
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, testInfo, 'oom-db-390-dark');
  await setTheme(page, 'light');
  await saveScreenshot(page, testInfo, 'oom-db-390-light');
  expect(errors.filter((e) => !e.includes('favicon.ico'))).toEqual([]);
});
