import { describe, expect, it } from 'vitest';
import type { V1Pod, V1ReplicaSet } from '../../k8s/api-types';
import type { KubeObject } from '../../k8s/types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { advanceUntil, isReady, podsOf } from '../testing';

const rsManifest = (replicas: number, name = 'front'): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { tier: name } }, template: { metadata: { labels: { tier: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
  }) as V1ReplicaSet;
const bare = (name: string, labels: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } }) as V1Pod;
const scale = (sim: Simulator, n: number) => sim.patch('ReplicaSet', 'front', 'default', { spec: { replicas: n } }, 'merge');
const rsStatus = (sim: Simulator) => (sim.get('ReplicaSet', 'front') as V1ReplicaSet).status;

describe('replicaset controller', () => {
  it('counts a ready pod available only after minReadySeconds, and wakes up to say so', () => {
    // pkg/controller/replicaset/replica_set_utils.go calculateStatus: availableReplicas counts
    // podutil.IsPodAvailable(pod, rs.Spec.MinReadySeconds, now) — Ready for at least minReadySeconds
    const sim = createSimulator({ seed: 12 });
    const rs = rsManifest(2) as V1ReplicaSet;
    sim.create({ ...rs, spec: { ...rs.spec!, minReadySeconds: 5 } } as KubeObject);
    let step = 0;
    while (!podsOf(sim).every(isReady) || podsOf(sim).length < 2) {
      sim.advance(100);
      if (++step > 200) throw new Error('pods never became Ready');
    }
    expect(rsStatus(sim)).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect(rsStatus(sim)!.availableReplicas).toBeUndefined();
    sim.advance(4_000);
    expect(rsStatus(sim)!.availableReplicas).toBeUndefined();
    // no pod changes in between: only the controller's own wake-up at Ready + 5 s can count them
    sim.advance(2_000);
    expect(rsStatus(sim)).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });

  it('creates pods to converge and reports status', () => {
    const sim = createSimulator({ seed: 11 });
    sim.create(rsManifest(3));
    sim.advance(10_000);
    const pods = podsOf(sim);
    expect(pods).toHaveLength(3);
    expect(pods.every(isReady)).toBe(true);
    expect(rsStatus(sim)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    const events = sim.list('Event', 'default', { fieldSelector: 'involvedObject.name=front' }).items as { reason: string; message: string }[];
    expect(events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message).sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata!.name}`).sort());
  });

  it('recreates a deleted pod', () => {
    const sim = createSimulator({ seed: 12 });
    sim.create(rsManifest(2));
    sim.advance(10_000);
    const gone = podsOf(sim)[0].metadata!.name!;
    sim.delete('Pod', gone);
    sim.advance(100);
    const active = podsOf(sim).filter((p) => !p.metadata!.deletionTimestamp);
    expect(active).toHaveLength(2);
    expect(active.map((p) => p.metadata!.name)).not.toContain(gone);
  });

  it('adopts matching orphan pods instead of creating new ones', () => {
    const sim = createSimulator({ seed: 13 });
    sim.create(bare('stray', { tier: 'front' }));
    sim.create(rsManifest(2));
    sim.advance(10_000);
    const stray = sim.get('Pod', 'stray') as V1Pod;
    expect(stray.metadata!.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'front', controller: true });
    expect(podsOf(sim)).toHaveLength(2);
  });

  it('releases a pod whose labels stop matching and replaces it', () => {
    const sim = createSimulator({ seed: 14 });
    sim.create(rsManifest(2));
    sim.advance(10_000);
    const name = podsOf(sim)[0].metadata!.name!;
    sim.patch('Pod', name, 'default', { metadata: { labels: { tier: 'debug' } } }, 'merge');
    sim.advance(10_000);
    expect((sim.get('Pod', name) as V1Pod).metadata!.ownerReferences).toBeUndefined();
    expect(podsOf(sim, 'default', 'tier=front')).toHaveLength(2);
  });

  it('deletes unscheduled and not-ready pods before ready ones, newer before older', () => {
    const sim = createSimulator({ seed: 15 });
    sim.create(rsManifest(2));
    sim.advance(10_000);
    const oldest = podsOf(sim).map((p) => p.metadata!.name!);
    scale(sim, 3);
    sim.advance(500); // third pod exists but is not ready yet (bound, its container still being created)
    const newest = podsOf(sim).find((p) => !oldest.includes(p.metadata!.name!))!;
    expect(isReady(newest)).toBe(false);
    scale(sim, 2);
    sim.advance(100);
    // chosen for deletion: terminating, or already gone (no container had started, so nothing waits for a grace period)
    const chosen = podsOf(sim).find((p) => p.metadata!.name === newest.metadata!.name);
    expect(chosen === undefined || chosen.metadata!.deletionTimestamp !== undefined).toBe(true);
    expect(podsOf(sim).filter((p) => !p.metadata!.deletionTimestamp).map((p) => p.metadata!.name).sort()).toEqual([...oldest].sort());
    // all ready: the most recently created goes first
    scale(sim, 4);
    sim.advance(10_000);
    const byAge = podsOf(sim)
      .filter((p) => !p.metadata!.deletionTimestamp)
      .sort((a, b) => String(a.metadata!.creationTimestamp).localeCompare(String(b.metadata!.creationTimestamp)));
    scale(sim, 3);
    sim.advance(100);
    const victim = podsOf(sim).find((p) => p.metadata!.deletionTimestamp && !oldest.includes(p.metadata!.name!) && p.metadata!.name !== newest.metadata!.name);
    expect(victim).toBeDefined();
    expect(oldest.every((n) => !(sim.get('Pod', n) as V1Pod).metadata!.deletionTimestamp)).toBe(true);
    expect(byAge.slice(0, 2).map((p) => p.metadata!.name).sort()).toEqual([...oldest].sort());
  });

  it('scales to zero', () => {
    const sim = createSimulator({ seed: 16 });
    sim.create(rsManifest(3));
    sim.advance(10_000);
    scale(sim, 0);
    sim.advance(10_000);
    expect(podsOf(sim)).toHaveLength(0);
    expect(rsStatus(sim)).toEqual({ replicas: 0, fullyLabeledReplicas: 0, observedGeneration: 2 });
  });

  it('counts readiness a pod loses and regains between syncs', () => {
    // replica_set_utils.go calculateStatus counts podutil.IsPodReady over the set's pods at every sync: a pod whose
    // node stops reporting is marked not Ready by the node lifecycle controller, and counts again once it is back
    const sim = createSimulator({ seed: 17 });
    sim.create(rsManifest(3));
    sim.advance(10_000);
    expect(rsStatus(sim)).toMatchObject({ replicas: 3, readyReplicas: 3 });
    const node = podsOf(sim)[0].spec!.nodeName!;
    const onNode = podsOf(sim).filter((p) => p.spec!.nodeName === node).length;
    sim.failNode(node);
    advanceUntil(sim, () => rsStatus(sim)!.readyReplicas !== 3, { step: 1_000, limit: 120_000 });
    expect(rsStatus(sim)).toMatchObject({ replicas: 3, readyReplicas: 3 - onNode });
    sim.recoverNode(node);
    advanceUntil(sim, () => rsStatus(sim)!.readyReplicas === 3, { step: 1_000, limit: 60_000 });
    expect(rsStatus(sim)).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
  });

  it('counts the restored pods after a restore, not the ones it replaced', () => {
    const sim = createSimulator({ seed: 18 });
    sim.create(rsManifest(3));
    sim.advance(10_000);
    const before = sim.snapshot();
    scale(sim, 5);
    sim.advance(10_000);
    expect(podsOf(sim)).toHaveLength(5);
    sim.restore(before);
    scale(sim, 4);
    sim.advance(10_000);
    expect(podsOf(sim)).toHaveLength(4);
    expect(rsStatus(sim)).toMatchObject({ replicas: 4, readyReplicas: 4, availableReplicas: 4 });
  });
});
