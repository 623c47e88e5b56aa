/**
 * `kubectl top` in the browser terminal, over the simulator's metrics.k8s.io. Behaviour as k8s.io/kubectl
 * pkg/cmd/top/top_pod.go (Validate: "--sort-by accepts only cpu or memory", "only one of NAME or selector can be
 * provided"; an empty list → "metrics not available yet" for pods younger than metricsCreationDelay = 2 min,
 * "No resources found in NS namespace." when there are no pods) and top_node.go; the metrics themselves follow
 * metrics-server (lib/sim/metrics): first served at a 15 s scrape ≥ 10 s after the container started.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SimClient } from '../../cluster/sim-client';
import { kubectl } from '../testing/run';

let client: SimClient;
const LEAKY = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: leaky\nspec:\n  containers:\n  - name: app\n    image: kubelab/leaky:1.0\n    resources:\n      limits:\n        memory: 128Mi\n';
const run = (line: string) => kubectl(client, line, { files: new Map([['leaky.yaml', LEAKY]]) });

beforeEach(async () => {
  client = new SimClient({ seed: 31, autoplay: false });
  await client.ready;
});

describe('kubectl top pods', () => {
  it('a fresh pod: "metrics not available yet", then its row once metrics-server scraped it', async () => {
    await run('kubectl run web --image=nginx:1.25');
    client.advance(2_000);
    const early = await run('kubectl top pods');
    expect(early.stderr).toMatch(/^error: metrics not available yet\n힌트: /);
    expect(early.exitCode).toBe(1);
    client.advance(30_000);
    const r = await run('kubectl top pods');
    expect(r.stdout).toMatch(/^NAME   CPU\(cores\)   MEMORY\(bytes\)   \nweb    [0-9]m +3Mi +\n$/);
    expect(r.exitCode).toBe(0);
    expect((await run('kubectl top pod web --containers')).stdout).toMatch(/^POD   NAME   CPU\(cores\)   MEMORY\(bytes\)   \nweb   web    \dm/);
  });

  it('-A lists kube-system too; -n and -l filter; --sort-by=memory puts the biggest first', async () => {
    await run('kubectl run web --image=nginx:1.25 --labels=app=web');
    client.advance(40_000);
    const all = (await run('kubectl top pods -A --no-headers')).stdout.trim().split('\n');
    expect(all.some((l) => /^kube-system\s+kube-apiserver-control-plane\s+\d+m\s+250Mi/.test(l))).toBe(true);
    expect(all.some((l) => /^default\s+web\s/.test(l))).toBe(true);
    const system = (await run('kubectl top pods -n kube-system --sort-by=memory --no-headers')).stdout.trim().split('\n');
    expect(system[0]).toMatch(/^kube-apiserver-control-plane\s/); // 250 MiB: the biggest in kube-system
    expect((await run('kubectl top pods -l app=web --no-headers')).stdout).toMatch(/^web\s/);
  });

  it('a leaky container climbs scrape after scrape until its OOM kill', async () => {
    await run('kubectl apply -f leaky.yaml');
    const seen: number[] = [];
    const restarts = async () => (await run('kubectl get pod leaky -o jsonpath={.status.containerStatuses[0].restartCount}')).stdout;
    for (let i = 0; i < 6; i++) {
      client.advance(15_000);
      const m = /leaky\s+\d+m\s+(\d+)Mi/.exec((await run('kubectl top pod leaky --no-headers')).stdout);
      if (m && (await restarts()) === '0') seen.push(Number(m[1]));
    }
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    expect(Math.max(...seen)).toBeLessThanOrEqual(128);
    expect((await run('kubectl get pod leaky -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason}')).stdout).toBe('OOMKilled');
  });

  it('bad input: Korean hints, nothing printed to stdout', async () => {
    const sort = await run('kubectl top pods --sort-by=name');
    expect(sort.stderr).toMatch(/^error: --sort-by accepts only cpu or memory\n힌트: /);
    expect((await run('kubectl top pod web -l app=web')).stderr).toMatch(/^error: only one of NAME or selector can be provided\n힌트: /);
    expect((await run('kubectl top pod nope')).stderr).toMatch(/^Error from server \(NotFound\): pods "nope" not found\n힌트: /);
    expect((await run('kubectl top deployments')).stderr).toMatch(/^error: unknown command "deployments" for "kubectl top"\n힌트: /);
    expect((await run('kubectl top pods -n empty')).stderr).toBe('No resources found in empty namespace.\n');
    // parsed in kubectl (labels.Parse), not by the server; flags of the other sub-command are unknown to cobra
    expect((await run("kubectl top pods -l '=='")).stderr).toMatch(/^error: found '==', expected: !, identifier, or 'end of string'\n힌트: /);
    expect((await run('kubectl top nodes --containers')).stderr).toMatch(/^error: unknown flag: --containers\n/);
    expect((await run('kubectl top pods --show-capacity')).stderr).toMatch(/^error: unknown flag: --show-capacity\n/);
  });
});

describe('kubectl top nodes', () => {
  it('every node with its share of allocatable; a node whose kubelet is down shows <unknown>', async () => {
    client.advance(15_000);
    const r = await run('kubectl top nodes');
    const rows = r.stdout.trim().split('\n');
    expect(rows[0].trimEnd()).toBe('NAME            CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)');
    expect(rows.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['control-plane', 'worker-1', 'worker-2']);
    for (const row of rows.slice(1)) expect(row.trimEnd()).toMatch(/^\S+\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%$/);
    await client.failures.failNode('worker-2');
    client.advance(15_000);
    expect((await run('kubectl top node --no-headers')).stdout.trim().split('\n').pop()).toMatch(/^worker-2\s+<unknown>\s+<unknown>\s+<unknown>\s+<unknown>\s*$/);
    expect((await run('kubectl top node worker-2')).stderr).toMatch(/^Error from server \(NotFound\): nodemetrics.metrics.k8s.io "worker-2" not found\n/);
  });
});
