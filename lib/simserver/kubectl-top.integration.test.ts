/**
 * Real kubectl against the sim cluster server: `kubectl top` over metrics.k8s.io/v1beta1 (k8s.io/kubectl
 * pkg/cmd/top/top_pod.go, top_node.go, pkg/metricsutil/metrics_printer.go; sigs.k8s.io/metrics-server pkg/api),
 * and `logs -f` ending by itself when the container exits (pkg/cmd/logs: the stream closes with the container).
 * The other commands of issue 14's list are covered elsewhere: create configmap / secret generic and apply of a
 * DaemonSet in config-kinds.integration.test.ts, create job in jobs.integration.test.ts, logs / --previous / -f /
 * exec in kubectl-logs-exec.integration.test.ts, explain in openapi.integration.test.ts, drain in
 * kubectl.integration.test.ts. Skipped (with a message) without a kubectl binary.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from './index';
import { findKubectls, Kubectl, skipWithoutKubectl } from './kubectl-harness';

const binaries = await findKubectls();
const kubectl = binaries.find((b) => b.minor === 33) ?? binaries[binaries.length - 1];
const FAST_TIMINGS = { schedule: 50, imagePull: 300, containerStart: 100, readinessDelay: 100, terminationGrace: 300 };
/** Simulated time runs 3× wall time, so metrics-server's 15 s scrapes come every 5 s. */
const SPEED = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skipWithoutKubectl('kubectl top integration tests', kubectl))(`real kubectl ${kubectl?.version}: top and logs -f`, () => {
  let server: SimServer;
  let k: Kubectl;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-top-'));
    server = await startSimServer({ port: 0, seed: 21, workers: 2, kubeconfigPath: join(dir, 'kubeconfig'), timings: FAST_TIMINGS, tickMs: 50, speed: SPEED });
    k = new Kubectl(kubectl!, join(dir, 'kubeconfig'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('top pods: "metrics not available yet" for a fresh pod, then its usage; --containers and -A', async () => {
    await k.ok('run', 'web', '--image=nginx:1.25');
    const early = await k.run('top', 'pods');
    expect(early.code).not.toBe(0);
    expect(early.stderr).toContain('error: metrics not available yet');
    const out = await k.until((o) => /^web\s/m.test(o), ['top', 'pods'], 60_000);
    expect(out).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*\nweb\s+\d+m\s+3Mi\s*\n$/);
    const containers = await k.ok('top', 'pod', 'web', '--containers');
    expect(containers).toMatch(/^POD\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*\nweb\s+web\s+\d+m\s+3Mi\s*\n$/);
    const all = await k.ok('top', 'pods', '-A');
    expect(all).toMatch(/^NAMESPACE\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
    expect(all).toMatch(/^kube-system\s+kube-apiserver-control-plane\s+\d+m\s+250Mi/m);
    expect(all).toMatch(/^default\s+web\s/m);
  });

  it('top pod NAME before its first scrape: metrics-server says NotFound', async () => {
    await k.ok('run', 'fresh', '--image=nginx:1.25');
    const r = await k.run('top', 'pod', 'fresh');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Error from server (NotFound): podmetrics.metrics.k8s.io "default/fresh" not found');
  });

  it('stress --cpu 2 under a 500m CPU limit shows 500m', async () => {
    await k.ok('run', 'burn', '--image=polinux/stress', '--overrides', JSON.stringify({ apiVersion: 'v1', spec: { containers: [{ name: 'burn', image: 'polinux/stress', command: ['stress'], args: ['--cpu', '2'], resources: { limits: { cpu: '500m' } } }] } }));
    const out = await k.until((o) => /^burn\s/m.test(o), ['top', 'pod', '-l', 'run=burn', '--no-headers'], 60_000);
    expect(out).toMatch(/^burn\s+500m\s+\d+Mi\s*$/m);
  });

  it('top nodes: every node with CPU(%) and MEMORY(%) of its allocatable', async () => {
    const out = await k.ok('top', 'nodes');
    const rows = out.trim().split('\n');
    expect(rows[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s*$/);
    expect(rows.slice(1).map((r) => r.split(/\s+/)[0])).toEqual(['control-plane', 'worker-1', 'worker-2']);
    for (const row of rows.slice(1)) expect(row).toMatch(/^\S+\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\s*$/);
    const sorted = await k.ok('top', 'nodes', '--sort-by=memory', '--no-headers');
    expect(sorted.split('\n')[0]).toMatch(/^control-plane\s/); // it runs the control plane's pods
  });

  it('logs -f streams a container that writes and exits, and ends by itself', async () => {
    await k.ok('run', 'counter', '--restart=Never', '--image=busybox', '--', 'sh', '-c', 'for i in 1 2 3; do echo line-$i; sleep 1; done');
    await k.until((o) => /Running|Completed/.test(o), ['get', 'pod', 'counter']);
    const follow = k.spawn('logs', '-f', 'counter');
    const code = await Promise.race([new Promise<number | null>((resolve) => follow.child.on('close', resolve)), sleep(20_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') follow.child.kill();
    expect(code).toBe(0);
    expect(follow.output()).toBe('line-1\nline-2\nline-3\n');
  });
});
