/**
 * `kubectl drain` in the browser evicts through pods/eviction and so honours PodDisruptionBudgets, printing what
 * kubectl 1.33 prints: k8s.io/kubectl pkg/drain/drain.go evictPods (`error when evicting pods/"P" -n "NS" (will
 * retry after 5s): <the API server's 429 message>`, retry every 5 s, `global timeout reached: <--timeout>`) and
 * pkg/cmd/drain/drain.go (deleteOrEvictPodsSimple: the pending pods; RunDrain: the pending nodes).
 * The 429's message is pkg/registry/core/pod/storage/eviction.go's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SimClient } from '../../cluster/sim-client';
import type { V1Pod } from '../../k8s/types';
import { kubectl } from '../testing/run';

let client: SimClient;
const run = (line: string, signal?: AbortSignal) => kubectl(client, line, { signal });

/** Runs a command while the cluster clock moves on in 1 s steps (the drain waits on cluster time). */
async function runWhileTimePasses(line: string): Promise<Awaited<ReturnType<typeof run>>> {
  let done = false;
  const result = run(line, new AbortController().signal).finally(() => (done = true));
  while (!done) {
    client.advance(1_000);
    await new Promise((r) => setTimeout(r, 60));
  }
  return result;
}

beforeEach(async () => {
  client = new SimClient({ seed: 3, autoplay: false });
  await run('kubectl create deployment web --image=nginx --replicas=2');
  client.advance(30_000);
});

describe('kubectl drain with a PodDisruptionBudget', () => {
  it('retries every 5 s while the budget refuses, then gives up at --timeout with the pending pods', async () => {
    // both replicas must stay: the budget allows no disruption at all
    await run('kubectl create pdb web --selector=app=web --min-available=2');
    client.advance(1_000);
    const pods = (await client.list('Pod', 'default')) as V1Pod[];
    const node = pods[0].spec!.nodeName!;
    const onNode = pods.filter((p) => p.spec?.nodeName === node).map((p) => p.metadata!.name!);
    const r = await runWhileTimePasses(`kubectl drain ${node} --ignore-daemonsets --timeout=12s`);
    expect(r.exitCode).toBe(1);
    const first = onNode[0];
    const retry = `error when evicting pods/"${first}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`;
    const retries = r.stderr.split('\n').filter((l) => l === retry);
    // attempts at 0 s, 5 s and 10 s are refused; at 15 s the 12 s timeout has passed
    expect(retries).toHaveLength(3);
    expect(r.stderr).toContain(`There are pending pods in node "${node}" when an error occurred: error when evicting pods/"${first}" -n "default": global timeout reached: 12s\npod/${first}\n`);
    expect(r.stderr).toContain(`There are pending nodes to be drained:\n ${node}\n`);
    expect(r.stdout).not.toContain('drained');
    expect(((await client.get('Pod', first, 'default')) as V1Pod).metadata?.deletionTimestamp).toBeUndefined();
  });

  it('evicts as soon as the budget allows it, and the node is drained', async () => {
    await run('kubectl create pdb web --selector=app=web --max-unavailable=1');
    client.advance(1_000);
    const node = ((await client.list('Pod', 'default')) as V1Pod[])[0].spec!.nodeName!;
    const r = await runWhileTimePasses(`kubectl drain ${node} --ignore-daemonsets`);
    expect(r.stderr).not.toContain('error when evicting');
    expect(r.stdout).toMatch(/^pod\/web-\S+ evicted$/m);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe(`node/${node} drained`);
    expect(r.exitCode).toBe(0);
  });
});
