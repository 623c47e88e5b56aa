import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot, screenshotEverySize, seriousViolations, trackConsoleErrors } from './helpers';

/**
 * A student builds a cluster from bare machines in the Playground (`?machines=1`): kubeadm init on master, kubectl
 * set up, both workers joined, Calico applied, nginx deployed, then a worker reset.
 */
const output = (page: Page) => page.getByRole('log', { name: 'kubectl 출력' });
const shellInput = (page: Page) => page.getByRole('textbox', { name: / 셸 입력$/ });

async function on(page: Page, machine: string, command: string) {
  await page.getByRole('tab', { name: new RegExp(`^${machine} `) }).click();
  await expect(shellInput(page)).toHaveAccessibleName(`${machine} 셸 입력`);
  await shellInput(page).fill(command);
  await shellInput(page).press('Enter');
}

/** Clears the screen and runs `command` until its output matches (the cluster needs simulated time). */
async function runUntil(page: Page, machine: string, command: string, expected: RegExp, timeout = 90_000) {
  await expect(async () => {
    await shellInput(page).press('Control+l');
    await on(page, machine, command);
    await expect(output(page)).toContainText(expected, { timeout: 2_000 });
  }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
}

test('a student goes from bare machines to a Ready 3-node cluster, deploys nginx, and resets a worker', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const errors = trackConsoleErrors(page);
  await page.goto('/playground?machines=1');
  await expect(shellInput(page)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('combobox', { name: '시뮬레이션 속도' }).selectOption('10');
  await expect(page.getByText('ubuntu@master:~$', { exact: true })).toBeVisible();

  await on(page, 'master', 'systemctl status kubelet');
  await expect(output(page)).toContainText('Active: activating (auto-restart) (Result: exit-code)');
  await on(page, 'master', 'kubectl get nodes');
  await expect(output(page)).toContainText('The connection to the server localhost:8080 was refused - did you specify the right host or port?');
  await on(page, 'worker-1', 'nslookup master');
  await expect(output(page)).toContainText('Address: 192.168.56.10');
  await expect(page.getByText('ubuntu@worker-1:~$', { exact: true })).toBeVisible();
  for (const m of ['master', 'worker-1', 'worker-2']) await on(page, m, 'sudo swapoff -a');

  await on(page, 'master', 'sudo kubeadm init --pod-network-cidr=10.244.0.0/16');
  await expect(output(page)).toContainText('Your Kubernetes control-plane has initialized successfully!');
  const text = (await output(page).textContent()) ?? '';
  const join = /kubeadm join \S+ --token \S+ \\\s+--discovery-token-ca-cert-hash sha256:[0-9a-f]{64}/.exec(text)![0].replace(/\\\s+/, '');
  await expect(page.locator('[data-node-box="master"]')).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(page, testInfo, 'kubeadm-init');

  await on(page, 'master', 'mkdir -p $HOME/.kube && sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config && sudo chown $(id -u):$(id -g) $HOME/.kube/config');
  await runUntil(page, 'master', 'kubectl get nodes', /master\s+NotReady\s+control-plane/);

  for (const w of ['worker-1', 'worker-2']) {
    await on(page, w, `sudo ${join}`);
    await expect(output(page)).toContainText('This node has joined the cluster:');
  }
  await expect(page.locator('[data-node-box="worker-2"]')).toBeVisible({ timeout: 30_000 });
  await runUntil(page, 'master', 'kubectl get pods -n kube-system -l k8s-app=kube-dns', /coredns-\S+\s+0\/1\s+Pending/);

  await on(page, 'master', 'kubectl apply -f calico.yaml');
  await expect(output(page)).toContainText('daemonset.apps/calico-node created');
  await runUntil(page, 'master', 'kubectl get nodes', /master\s+Ready[\s\S]*worker-1\s+Ready[\s\S]*worker-2\s+Ready/, 120_000);

  // kubectl completion and the k alias with Tab
  await on(page, 'master', 'source <(kubectl completion bash)');
  await on(page, 'master', 'alias k=kubectl');
  await on(page, 'master', 'complete -o default -F __start_kubectl k');
  await shellInput(page).fill('k get dep');
  await shellInput(page).press('Tab');
  await expect(shellInput(page)).toHaveValue('k get deploy');
  await shellInput(page).fill('');

  await on(page, 'master', 'k create deployment nginx --image=nginx:1.25 --replicas=2');
  await expect(output(page)).toContainText('deployment.apps/nginx created');
  await runUntil(page, 'master', 'k get deploy nginx', /nginx\s+2\/2\s+2\s+2/);
  await saveScreenshot(page, testInfo, 'kubeadm-ready');

  await on(page, 'worker-2', 'sudo kubeadm reset -f');
  await expect(output(page)).toContainText('The reset process does not clean CNI configuration. To do so, you must remove /etc/cni/net.d');
  await runUntil(page, 'master', 'kubectl get nodes', /worker-2\s+NotReady/, 120_000);
  expect(errors).toEqual([]);
});

test('the machine terminal at four screen sizes, light and dark, without serious axe violations', async ({ page }, testInfo) => {
  await page.goto('/playground?machines=1');
  await expect(shellInput(page)).toBeVisible({ timeout: 60_000 });
  await on(page, 'master', 'systemctl status kubelet');
  const axe = await new AxeBuilder({ page }).include('[data-bottom-panel]').analyze();
  expect(seriousViolations(axe)).toEqual([]);
  await screenshotEverySize(page, testInfo, 'machines');
});
