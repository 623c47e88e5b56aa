/**
 * Issue #12 item 3: the simulator's quotas. Scaling to a billion replicas used to be accepted and
 * then pinned the process at 100% CPU creating pods. Messages follow the ResourceQuota admission
 * plugin (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go:
 * `exceeded quota: %s, requested: %s, used: %s, limited: %s`, wrapped by admission.NewForbidden as
 * `<resource> "<name>" is forbidden: …`, HTTP 403); the ReplicaSet controller reports a refused
 * create as a FailedCreate Warning `Error creating: <error>` (pkg/controller/controller_utils.go).
 */
import { describe, expect, it } from 'vitest';
import type { V1Deployment } from '../k8s/api-types';
import { isStatusError, type KubeObject } from '../k8s/types';
import { createSimulator } from './simulator';
import { advanceUntil, deploymentManifest, rolloutComplete } from './testing';
import type { Simulator } from './types';

function refusal(call: () => unknown): { code: number; reason?: string; message?: string } {
  try {
    call();
  } catch (e) {
    if (isStatusError(e)) return { code: e.status.code, reason: e.status.reason, message: e.status.message };
    throw e;
  }
  throw new Error('the call was accepted');
}

const replicasOf = (sim: Simulator, name: string) => (sim.get('Deployment', name) as V1Deployment).spec!.replicas;
const podCount = (sim: Simulator) => sim.list('Pod').items.length;

describe('per-workload replica quota (default 5,000)', () => {
  it('refuses scaling a Deployment to 1,000,000,000 replicas, and the cluster keeps running', () => {
    const sim = createSimulator({ seed: 1 });
    sim.create(deploymentManifest({ name: 'web', replicas: 3 }));
    sim.advance(5_000);
    expect(refusal(() => sim.patch('Deployment', 'web', 'default', { spec: { replicas: 1_000_000_000 } }, 'merge'))).toEqual({
      code: 403,
      reason: 'Forbidden',
      message: 'deployments.apps "web" is forbidden: exceeded quota: kubesim-replicas-per-workload, requested: replicas=999999997, used: replicas=3, limited: replicas=5000',
    });
    expect(replicasOf(sim, 'web')).toBe(3);
    sim.advance(10_000);
    expect(sim.list('Pod', 'default').items).toHaveLength(3);
  });

  it('refuses creating a ReplicaSet over the limit, also as a dry run', () => {
    const sim = createSimulator({ seed: 2 });
    const rs = {
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'big' },
      spec: { replicas: 5_001, selector: { matchLabels: { app: 'big' } }, template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    } as KubeObject;
    const expected = { code: 403, reason: 'Forbidden', message: 'replicasets.apps "big" is forbidden: exceeded quota: kubesim-replicas-per-workload, requested: replicas=5001, used: replicas=0, limited: replicas=5000' };
    expect(refusal(() => sim.create(rs, { dryRun: true }))).toEqual(expected);
    expect(refusal(() => sim.create(rs))).toEqual(expected);
  });

  it('checks only increases: a workload already over the limit can still be edited and scaled down', () => {
    const big = createSimulator({ seed: 3 });
    big.create(deploymentManifest({ name: 'web', replicas: 10 }));
    const sim = createSimulator({ seed: 3, limits: { maxReplicasPerWorkload: 5 } });
    sim.restore(big.snapshot());
    sim.patch('Deployment', 'web', 'default', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } }, 'strategic');
    sim.patch('Deployment', 'web', 'default', { spec: { replicas: 8 } }, 'merge');
    expect(replicasOf(sim, 'web')).toBe(8);
    expect(refusal(() => sim.patch('Deployment', 'web', 'default', { spec: { replicas: 9 } }, 'merge')).message).toBe(
      'deployments.apps "web" is forbidden: exceeded quota: kubesim-replicas-per-workload, requested: replicas=1, used: replicas=8, limited: replicas=5',
    );
  });
});

describe('cluster pod quota', () => {
  it('counts what workloads ask for plus pods no ReplicaSet owns, and refuses what goes over', () => {
    const sim = createSimulator({ seed: 4, limits: { maxPods: 40 } });
    sim.advance(5_000);
    const system = podCount(sim); // kube-system pods, all running: asked for = existing
    sim.create(deploymentManifest({ name: 'a', replicas: 40 - system }));
    expect(refusal(() => sim.create(deploymentManifest({ name: 'b', replicas: 1 })))).toEqual({
      code: 403, reason: 'Forbidden',
      message: 'deployments.apps "b" is forbidden: exceeded quota: kubesim-pods, requested: pods=1, used: pods=40, limited: pods=40',
    });
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject;
    expect(refusal(() => sim.create(pod)).message).toBe('pods "bare" is forbidden: exceeded quota: kubesim-pods, requested: pods=1, used: pods=40, limited: pods=40');
    sim.patch('Deployment', 'a', 'default', { spec: { replicas: 40 - system - 1 } }, 'merge');
    sim.create(pod);
    expect(refusal(() => sim.patch('Deployment', 'a', 'default', { spec: { replicas: 40 - system } }, 'merge')).message).toBe(
      'deployments.apps "a" is forbidden: exceeded quota: kubesim-pods, requested: pods=1, used: pods=40, limited: pods=40',
    );
  });

  it('stops the ReplicaSet controller at the limit (a surge pod waits, FailedCreate says why), and the rollout still finishes', () => {
    const probe = createSimulator({ seed: 5 });
    probe.advance(5_000);
    const cap = podCount(probe) + 3;
    const sim = createSimulator({ seed: 5, limits: { maxPods: cap } });
    sim.create(deploymentManifest({ name: 'web', replicas: 3, maxSurge: 1, maxUnavailable: 1 }));
    advanceUntil(sim, () => rolloutComplete(sim, 'web'));
    sim.patch('Deployment', 'web', 'default', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } }, 'strategic');
    let most = 0;
    advanceUntil(sim, () => rolloutComplete(sim, 'web') && podCount(sim) === cap, { step: 250, each: () => (most = Math.max(most, podCount(sim))) });
    expect(most).toBe(cap);
    const failed = sim.list('Event', 'default').items.filter((e) => (e as { reason?: string }).reason === 'FailedCreate') as { type?: string; message?: string }[];
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].type).toBe('Warning');
    expect(failed[0].message).toMatch(new RegExp(`^Error creating: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: kubesim-pods, requested: pods=1, used: pods=${cap}, limited: pods=${cap}$`));
  });
});

describe('node port range', () => {
  it('refuses a NodePort Service once all 2,768 node ports are taken, instead of searching forever', () => {
    const sim = createSimulator({ seed: 6 });
    const ports = Array.from({ length: 2768 }, (_, i) => ({ name: `p${i}`, port: i + 1, nodePort: 30000 + i }));
    sim.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'all' }, spec: { type: 'NodePort', ports } } as KubeObject);
    const one = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'one' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } } as KubeObject;
    expect(refusal(() => sim.create(one))).toEqual({ code: 403, reason: 'Forbidden', message: 'services "one" is forbidden: failed to allocate a nodePort: range is full' });
  });
});
