/**
 * The real kubectl against the sim cluster server. The full journey runs on the oldest and the
 * newest installed kubectl (every one with KUBESIM_FULL_JOURNEY=all), a smoke subset on the others; without any kubectl the suite
 * is skipped with a message. Assertions are on what kubectl prints.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';
import { findKubectls, Kubectl, type KubectlBinary } from './kubectl-harness';

const binaries = await findKubectls();
if (binaries.length === 0) {
  console.warn('kubectl integration tests skipped: no kubectl found in /usr/lib/google-cloud-sdk/bin/kubectl.1.* or on PATH');
}
// KUBESIM_FULL_JOURNEY=all runs the full journey on every version (slower).
const full = process.env.KUBESIM_FULL_JOURNEY === 'all' ? binaries : binaries.length ? [...new Set([binaries[0], binaries[binaries.length - 1]])] : [];
const smoke = binaries.filter((b) => !full.includes(b));

/** Short lifecycle timings so rollouts finish in about a second of wall time. */
const FAST_TIMINGS = { schedule: 50, imagePull: 300, containerStart: 100, readinessDelay: 100, terminationGrace: 300 };

async function serverFor(binary: KubectlBinary): Promise<{ server: SimServer; kubectl: Kubectl; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), `kubesim-${binary.version}-`));
  const kubeconfig = join(dir, 'kubeconfig');
  const server = await startSimServer({ port: 0, seed: 7, workers: 2, kubeconfigPath: kubeconfig, timings: FAST_TIMINGS, tickMs: 50 });
  return { server, kubectl: new Kubectl(binary, kubeconfig), dir };
}

const lines = (out: string) => out.trim().split('\n');
const podNames = (out: string) => lines(out).filter(Boolean).map((l) => l.split(/\s+/)[0]);

describe.skipIf(binaries.length === 0)('real kubectl', () => {
  describe.each(full)('full journey with kubectl $version', (binary) => {
    let server: SimServer;
    let k: Kubectl;
    let dir: string;
    beforeAll(async () => {
      ({ server, kubectl: k, dir } = await serverFor(binary));
    });
    afterAll(async () => {
      await server?.close();
    });

    it('gets nodes, plain and wide', async () => {
      const out = await k.ok('get', 'nodes');
      expect(lines(out)[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
      expect(out).toMatch(/worker-1\s+Ready\s+<none>/);
      const wide = await k.ok('get', 'nodes', '-o', 'wide');
      expect(lines(wide)[0]).toMatch(/INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME/);
      expect(wide).toMatch(/worker-2\s+Ready\s+\S+\s+\S+\s+v1\.\d+\.\d+\s+\d+\.\d+\.\d+\.\d+/);
    });

    it('runs a pod and creates a deployment that becomes ready', async () => {
      expect(await k.ok('run', 'webserver', '--image=nginx:latest')).toContain('pod/webserver created');
      expect(await k.ok('create', 'deployment', 'web', '--image=nginx:1.14.2', '--replicas=3')).toContain('deployment.apps/web created');
      await k.until((o) => /web\s+3\/3\s+3\s+3/.test(o), ['get', 'deploy', 'web']);
      const all = await k.ok('get', 'deploy,rs,pods');
      expect(all).toMatch(/deployment\.apps\/web\s+3\/3/);
      expect(all).toMatch(/replicaset\.apps\/web-[a-z0-9]+\s+3\s+3\s+3/);
      expect(all.match(/pod\/web-[a-z0-9]+-[a-z0-9]+\s+1\/1\s+Running/g)).toHaveLength(3);
      expect(all).toMatch(/pod\/webserver\s+1\/1\s+Running/);
    });

    it('applies a manifest, then applies a change of replicas and image', async () => {
      const manifest = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: { app: api }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
      - name: api
        image: ${image}
        ports: [{ containerPort: 80 }]
`;
      const file = join(dir, 'api.yaml');
      writeFileSync(file, manifest(2, 'nginx:1.25'));
      expect(await k.ok('apply', '-f', file)).toContain('deployment.apps/api created');
      writeFileSync(file, manifest(4, 'nginx:1.26'));
      expect(await k.ok('apply', '-f', file)).toContain('deployment.apps/api configured');
      const spec = await k.ok('get', 'deploy', 'api', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}');
      expect(spec).toBe('4 nginx:1.26');
      await k.until((o) => /api\s+4\/4\s+4\s+4/.test(o), ['get', 'deploy', 'api']);
    });

    it('scales, sets an image, waits for the rollout, shows history and undoes it', async () => {
      expect(await k.ok('scale', 'deploy', 'web', '--replicas=5')).toContain('deployment.apps/web scaled');
      expect(await k.ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}')).toBe('5');
      expect(await k.ok('set', 'image', 'deploy/web', 'nginx=nginx:1.16.1')).toContain('deployment.apps/web image updated');
      expect(await k.ok('rollout', 'status', 'deploy/web', '--timeout=60s')).toContain('deployment "web" successfully rolled out');
      // rollout status ends when old pods are terminating, as on a real cluster; they go soon after
      const images = await k.until((o) => o.split(' ').length === 5, ['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].spec.containers[0].image}']);
      expect(images.split(' ')).toEqual(Array(5).fill('nginx:1.16.1'));
      const history = await k.ok('rollout', 'history', 'deploy/web');
      expect(history).toMatch(/REVISION\s+CHANGE-CAUSE/);
      expect(history).toMatch(/^1\s+<none>$/m);
      expect(history).toMatch(/^2\s+<none>$/m);
      expect(await k.ok('rollout', 'undo', 'deploy/web')).toContain('deployment.apps/web rolled back');
      expect(await k.ok('rollout', 'status', 'deploy/web', '--timeout=60s')).toContain('successfully rolled out');
      expect(await k.ok('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).toBe('nginx:1.14.2');
      await k.until((o) => o === Array(5).fill('nginx:1.14.2').join(' '), ['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].spec.containers[0].image}']);
    });

    it('replaces a deleted pod', async () => {
      const before = podNames(await k.ok('get', 'pods', '-l', 'app=web', '--no-headers'));
      expect(before).toHaveLength(5);
      expect(await k.ok('delete', 'pod', before[0])).toContain(`pod "${before[0]}" deleted`);
      const after = await k.until((o) => {
        const names = podNames(o);
        return names.length === 5 && !names.includes(before[0]) && !/Terminating|ContainerCreating|Pending/.test(o);
      }, ['get', 'pods', '-l', 'app=web', '--no-headers']);
      expect(podNames(after).filter((n) => !before.includes(n))).toHaveLength(1);
    });

    it('describes a deployment, a node and a pod', async () => {
      const deploy = await k.ok('describe', 'deploy', 'web');
      expect(deploy).toMatch(/^Name:\s+web$/m);
      expect(deploy).toMatch(/Replicas:\s+5 desired \| 5 updated \| 5 total \| 5 available \| 0 unavailable/);
      expect(deploy).toMatch(/Image:\s+nginx:1\.14\.2/);
      expect(deploy).toMatch(/NewReplicaSet:\s+web-[a-z0-9]+ \(5\/5 replicas created\)/);
      const node = await k.ok('describe', 'node', 'worker-1');
      expect(node).toMatch(/^Name:\s+worker-1$/m);
      expect(node).toMatch(/Capacity:/);
      expect(node).toMatch(/Non-terminated Pods:\s+\(\d+ in total\)/);
      const pod = await k.ok('describe', 'pod', 'webserver');
      expect(pod).toMatch(/^Status:\s+Running$/m);
      expect(pod).toMatch(/Image:\s+nginx:latest/);
      expect(pod).toMatch(/Node:\s+worker-\d\/\d+\.\d+\.\d+\.\d+/);
    });

    it('prints the start-up log of a running nginx pod', async () => {
      expect(await k.ok('logs', 'webserver')).toMatch(/Configuration complete; ready for start up\n\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: using the "epoll" event method/);
    });

    it('watches pods and sees a change', async () => {
      const watch = k.spawn('get', 'pods', '-l', 'app=web', '-w');
      try {
        const deadline = Date.now() + 20_000;
        while (!/web-/.test(watch.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        const initial = watch.output();
        expect(initial).toMatch(/NAME\s+READY\s+STATUS/);
        await k.ok('scale', 'deploy', 'web', '--replicas=3');
        while (!/Terminating/.test(watch.output().slice(initial.length)) && Date.now() < deadline + 20_000) {
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(watch.output().slice(initial.length)).toMatch(/web-[a-z0-9]+-[a-z0-9]+\s+\d\/1\s+Terminating/);
      } finally {
        watch.child.kill();
      }
    });

    it('exposes the deployment and lists the service and its endpoints', async () => {
      expect(await k.ok('expose', 'deployment', 'web', '--port=80')).toContain('service/web exposed');
      const out = await k.until((o) => /endpoints\/web\s+(\d+\.\d+\.\d+\.\d+:80,?){3}/.test(o), ['get', 'svc,endpoints', 'web']);
      expect(out).toMatch(/service\/web\s+ClusterIP\s+\d+\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP/);
    });

    it('labels a pod and selects it by the label', async () => {
      expect(await k.ok('label', 'pod', 'webserver', 'tier=frontend')).toContain('pod/webserver labeled');
      const out = await k.ok('get', 'pods', '-l', 'tier=frontend', '--show-labels');
      expect(out).toMatch(/webserver\s+1\/1\s+Running.*run=webserver,tier=frontend|webserver\s+1\/1\s+Running.*tier=frontend/);
    });

    it('cordons, drains and uncordons a node', async () => {
      const node = (await k.ok('get', 'pod', 'webserver', '-o', 'jsonpath={.spec.nodeName}')).trim();
      expect(await k.ok('cordon', node)).toContain(`node/${node} cordoned`);
      expect(await k.ok('get', 'node', node)).toMatch(new RegExp(`${node}\\s+Ready,SchedulingDisabled`));
      const drain = await k.run('drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--force', '--timeout=60s');
      expect(drain.code).toBe(0);
      // kubectl before 1.23 reports the node with the verb of its last pod ("evicted"): the drain's printer kept the
      // operation the pod lines had set (kubernetes/kubernetes PR #105736, "kubectl drain node output should say node
      // was drained not evicted").
      expect(drain.stdout).toContain(`node/${node} ${binary.minor < 23 ? 'evicted' : 'drained'}`);
      expect(drain.stderr).toMatch(/ignoring DaemonSet-managed Pods: .*kube-system\/kube-proxy-/);
      const left = await k.ok('get', 'pods', '-A', '--field-selector', `spec.nodeName=${node}`, '-o', 'name');
      expect(left).not.toMatch(/pod\/(web|api|webserver)/);
      expect(left).toMatch(/pod\/kube-proxy-/);
      expect(await k.ok('uncordon', node)).toContain(`node/${node} uncordoned`);
      expect(await k.ok('get', 'node', node)).not.toContain('SchedulingDisabled');
    });

    it('deletes a deployment with its replica sets and pods', async () => {
      expect(await k.ok('delete', 'deployment', 'web')).toContain('deployment.apps "web" deleted');
      await k.until((o) => !/web-/.test(o), ['get', 'rs,pods', '-l', 'app=web', '-o', 'name']);
      const r = await k.run('get', 'deploy', 'web');
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('Error from server (NotFound): deployments.apps "web" not found');
    });
  }, 300_000);

  describe.each(smoke)('smoke with kubectl $version', (binary) => {
    let server: SimServer;
    let k: Kubectl;
    beforeAll(async () => {
      ({ server, kubectl: k } = await serverFor(binary));
    });
    afterAll(async () => {
      await server?.close();
    });

    it('gets nodes, creates, scales, exposes and deletes a deployment', async () => {
      expect(await k.ok('get', 'nodes')).toMatch(/worker-1\s+Ready/);
      expect(await k.ok('create', 'deployment', 'web', '--image=nginx:1.14.2', '--replicas=2')).toContain('deployment.apps/web created');
      await k.until((o) => /deployment\.apps\/web\s+2\/2/.test(o), ['get', 'deploy,rs,pods']);
      expect(await k.ok('scale', 'deploy', 'web', '--replicas=3')).toContain('deployment.apps/web scaled');
      expect(await k.ok('expose', 'deployment', 'web', '--port=80')).toContain('service/web exposed');
      expect(await k.ok('create', 'namespace', 'team-a')).toContain('namespace/team-a created');
      expect(await k.ok('delete', 'deployment', 'web')).toContain('deployment.apps "web" deleted');
      const r = await k.run('get', 'deploy', 'nope');
      expect(r.stderr).toContain('Error from server (NotFound): deployments.apps "nope" not found');
    });
  }, 120_000);
});
