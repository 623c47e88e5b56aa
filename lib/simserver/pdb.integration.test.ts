/**
 * Real kubectl against the sim cluster server with a PodDisruptionBudget (policy/v1):
 * - `kubectl create pdb` (k8s.io/kubectl pkg/cmd/create/create_pdb.go) and `kubectl get pdb` with the server's Table
 *   (pkg/printers/internalversion/printers.go printPodDisruptionBudget: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED
 *   DISRUPTIONS AGE);
 * - `kubectl drain` evicts through pods/eviction once discovery lists the policy group (k8s.io/kubectl pkg/drain
 *   CheckEvictionSupport), and a budget that allows no disruption makes it retry every 5 s
 *   (pkg/drain/drain.go evictPods) with the API server's 429 message (pkg/registry/core/pod/storage/eviction.go),
 *   until --timeout. kubectl 1.20 (Debian's kubernetes-client) is tried too when installed: it must evict, not delete.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { startSimServer, type SimServer } from './index';
import { findKubectls, Kubectl, skipWithoutKubectl, type KubectlBinary } from './kubectl-harness';

const binaries = await findKubectls();
const newest = binaries[binaries.length - 1];
const v120 = binaries.find((b) => b.minor === 20);
skipWithoutKubectl('Real kubectl PodDisruptionBudget tests', newest);
if (newest && !v120) console.warn('kubectl 1.20 drain test skipped: no kubectl 1.20 found (Debian kubernetes-client)');
const FAST_TIMINGS = { schedule: 50, imagePull: 300, containerStart: 100, readinessDelay: 100, terminationGrace: 300 };
const REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

async function startWith(binary: KubectlBinary, seed: number): Promise<{ server: SimServer; k: Kubectl }> {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-pdb-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const server = await startSimServer({ port: 0, seed, workers: 2, kubeconfigPath: kubeconfig, timings: FAST_TIMINGS, tickMs: 50 });
  const k = new Kubectl(binary, kubeconfig);
  await k.ok('create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
  await k.until((o) => /^web\s+2\/2\s/m.test(o), ['get', 'deploy']);
  return { server, k };
}

/** Drains the node of one of the web pods with a budget that allows no disruption; returns that pod and the result. */
async function drainBlocked(k: Kubectl, creator: Kubectl = k) {
  await creator.ok('create', 'pdb', 'web', '--selector=app=web', '--min-available=2');
  await k.until((o) => /^web\s+2\s+N\/A\s+0\s+\S+$/m.test(o), ['get', 'pdb']);
  const pod = (JSON.parse(await k.ok('get', 'pods', '-l', 'app=web', '-o', 'json')) as { items: V1Pod[] }).items[0];
  const result = await k.run('drain', pod.spec!.nodeName!, '--ignore-daemonsets', '--timeout=7s');
  return { pod: pod.metadata!.name!, result };
}

describe.skipIf(!newest)('real kubectl: PodDisruptionBudget', () => {
  let server: SimServer;
  let k: Kubectl;
  beforeAll(async () => ({ server, k } = await startWith(newest, 21)));
  afterAll(async () => {
    await server?.close();
  });

  it('lists pdb in api-resources under policy/v1', async () => {
    expect(await k.ok('api-resources', '--api-group=policy')).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\npoddisruptionbudgets\s+pdb\s+policy\/v1\s+true\s+PodDisruptionBudget\n$/);
  });

  it('drain retries while the budget refuses, then gives up at --timeout', async () => {
    const { pod, result } = await drainBlocked(k);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`error when evicting pods/"${pod}" -n "default" (will retry after 5s): ${REFUSED}`);
    expect(result.stderr).toContain(`error when evicting pods/"${pod}" -n "default": global timeout reached: 7s`);
    // the pod is still there, not deleted behind the budget's back
    expect(await k.ok('get', 'pod', pod, '-o', 'jsonpath={.metadata.deletionTimestamp}')).toBe('');
  });

  it('get pdb prints the server Table, and drain goes through once the budget allows it', async () => {
    await k.ok('patch', 'pdb', 'web', '--type=merge', '-p', '{"spec":{"minAvailable":1}}');
    const table = await k.until((o) => /^web\s+1\s+N\/A\s+1\s/m.test(o), ['get', 'pdb']);
    expect(table).toMatch(/^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\nweb\s+1\s+N\/A\s+1\s+\d+s\n$/);
    const node = (JSON.parse(await k.ok('get', 'pods', '-l', 'app=web', '-o', 'json')) as { items: V1Pod[] }).items[0].spec!.nodeName!;
    const drained = await k.run('drain', node, '--ignore-daemonsets', '--timeout=30s');
    expect(drained.stdout).toMatch(/^pod\/web-\S+ evicted$/m);
    expect(drained.stdout).toContain(`node/${node} drained`);
  });
});

describe.skipIf(!v120)('real kubectl 1.20: drain evicts', () => {
  let server: SimServer;
  let k: Kubectl;
  beforeAll(async () => ({ server, k } = await startWith(v120!, 22)));
  afterAll(async () => {
    await server?.close();
  });

  it('cannot create a policy/v1 budget itself (it sends policy/v1beta1, removed in 1.25)', async () => {
    // https://kubernetes.io/docs/reference/using-api/deprecation-guide/#poddisruptionbudget-v125
    const r = await k.run('create', 'pdb', 'old', '--selector=app=web', '--min-available=1');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no matches for kind "PodDisruptionBudget" in version "policy/v1beta1"');
  });

  it('is refused by the budget (so it evicted instead of deleting)', async () => {
    // the budget comes from a current kubectl; 1.20 only drains
    const { pod, result } = await drainBlocked(k, new Kubectl(newest, k.kubeconfig));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`(will retry after 5s): ${REFUSED}`);
    expect(await k.ok('get', 'pod', pod, '-o', 'jsonpath={.metadata.deletionTimestamp}')).toBe('');
  });
});
