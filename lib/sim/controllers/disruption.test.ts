/**
 * The disruption controller and the eviction subresource against kubernetes 1.34:
 * pkg/controller/disruption/disruption.go (getExpectedPodCount, countHealthyPods, buildDisruptedPodMap,
 * updatePdbStatus, failSafe), pkg/apis/policy/helper (UpdateDisruptionAllowedCondition: SufficientPods /
 * InsufficientPods) and pkg/registry/core/pod/storage/eviction.go (checkAndDecrement: the 429 and its
 * DisruptionBudget cause; canIgnorePDB; more than one PDB is an internal error).
 */
import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Pod, V1PodDisruptionBudget } from '../../k8s/api-types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { advanceUntil, deploymentManifest, isReady, podsOf } from '../testing';
import { isStatusError } from '../../k8s/types';

function pdb(name: string, spec: Record<string, unknown>): V1PodDisruptionBudget {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } } as V1PodDisruptionBudget;
}
const getPdb = (sim: Simulator, name = 'web') => sim.get('PodDisruptionBudget', name, 'default') as V1PodDisruptionBudget;
const events = (sim: Simulator, reason: string) => (sim.list('Event', 'default', { fieldSelector: `reason=${reason}` }).items as CoreV1Event[]).map((e) => e.message);

function withReadyWeb(replicas = 3): Simulator {
  const sim = createSimulator({ seed: 7 });
  sim.create(deploymentManifest({ replicas }));
  advanceUntil(sim, () => podsOf(sim).filter(isReady).length === replicas);
  return sim;
}

function evictError(sim: Simulator, pod: string): unknown {
  try {
    sim.evict(pod, 'default');
  } catch (e) {
    return isStatusError(e) ? e.status : e;
  }
  return undefined;
}

describe('disruption controller', () => {
  it('counts healthy pods against minAvailable and allows the rest (DisruptionAllowed True / SufficientPods)', () => {
    const sim = withReadyWeb(3);
    sim.create(pdb('web', { minAvailable: 2 }));
    sim.advance(100);
    const p = getPdb(sim);
    expect(p.metadata?.generation).toBe(1);
    expect(p.status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1, observedGeneration: 1 });
    expect(p.status!.conditions).toEqual([expect.objectContaining({ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', observedGeneration: 1 })]);
  });

  it('takes maxUnavailable (rounded up) from the controller scale', () => {
    const sim = withReadyWeb(4);
    sim.create(pdb('web', { maxUnavailable: '30%' }));
    sim.advance(100);
    // 30% of 4 = 1.2 → 2 may be unavailable (GetScaledValueFromIntOrPercent roundUp=true) → desired 2
    expect(getPdb(sim).status).toMatchObject({ currentHealthy: 4, desiredHealthy: 2, expectedPods: 4, disruptionsAllowed: 2 });
  });

  it('reports InsufficientPods and an event NoPods when nothing matches', () => {
    const sim = createSimulator({ seed: 7 });
    sim.create(pdb('web', { minAvailable: 1 }));
    sim.advance(100);
    expect(getPdb(sim).status).toMatchObject({ currentHealthy: 0, desiredHealthy: 1, expectedPods: 0, disruptionsAllowed: 0 });
    expect(getPdb(sim).status!.conditions![0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
    expect(events(sim, 'NoPods')).toEqual(['No matching pods found']);
  });

  it('fails safe (SyncFailed, 0 allowed) when a percentage needs the scale of a controller without one', () => {
    const sim = createSimulator({ seed: 7 });
    sim.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } as V1Pod);
    sim.create({
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' },
      spec: { template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] } } },
    } as never);
    sim.advance(5_000);
    sim.create(pdb('web', { maxUnavailable: 1 }));
    sim.advance(100);
    const p = getPdb(sim);
    expect(p.status!.disruptionsAllowed).toBe(0);
    expect(p.status!.conditions![0]).toMatchObject({ status: 'False', reason: 'SyncFailed' });
    expect(p.status!.conditions![0].message).toMatch(/^found no controllers for pod "j-/);
    expect(events(sim, 'CalculateExpectedPodCountFailed')[0]).toMatch(/^Failed to calculate the number of expected pods: found no controllers for pod/);
  });

  it('bumps generation on a spec change and recomputes (observedGeneration follows)', () => {
    const sim = withReadyWeb(3);
    sim.create(pdb('web', { minAvailable: 2 }));
    sim.advance(100);
    sim.patch('PodDisruptionBudget', 'web', 'default', { spec: { minAvailable: 3 } }, 'merge');
    expect(getPdb(sim).metadata?.generation).toBe(2);
    sim.advance(100);
    expect(getPdb(sim).status).toMatchObject({ desiredHealthy: 3, disruptionsAllowed: 0, observedGeneration: 2 });
  });
});

describe('eviction subresource', () => {
  it('spends the budget, then refuses with 429 and the DisruptionBudget cause', () => {
    const sim = withReadyWeb(3);
    sim.create(pdb('web', { minAvailable: 2 }));
    sim.advance(100);
    const [a, b] = podsOf(sim).map((p) => p.metadata!.name!);
    sim.evict(a, 'default');
    // the eviction itself wrote the budget: 0 left, the pod recorded as disrupted, the condition flipped
    const p = getPdb(sim);
    expect(p.status!.disruptionsAllowed).toBe(0);
    expect(Object.keys(p.status!.disruptedPods ?? {})).toEqual([a]);
    expect(p.status!.conditions![0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
    expect(sim.get('Pod', a, 'default').metadata?.deletionTimestamp).toBeDefined();
    sim.advance(100); // the controller sees the terminating pod: 2 healthy now
    expect(evictError(sim, b)).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 429, reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web needs 2 healthy pods and has 2 currently' }] },
    });
    expect(sim.get('Pod', b, 'default').metadata?.deletionTimestamp).toBeUndefined();
  });

  it('lets the next eviction through once the replacement pod is Ready', () => {
    const sim = withReadyWeb(3);
    sim.create(pdb('web', { minAvailable: 2 }));
    sim.advance(100);
    const names = podsOf(sim).map((p) => p.metadata!.name!);
    sim.evict(names[0], 'default');
    advanceUntil(sim, () => (getPdb(sim).status?.disruptionsAllowed ?? 0) === 1, { limit: 120_000 });
    expect(getPdb(sim).status).toMatchObject({ currentHealthy: 3, desiredHealthy: 2 });
    expect(getPdb(sim).status!.disruptedPods).toBeUndefined();
    expect(() => sim.evict(names[1], 'default')).not.toThrow();
  });

  it('answers 429 with retryAfterSeconds 10 while the controller has not seen the latest spec', () => {
    const sim = withReadyWeb(3);
    sim.create(pdb('web', { minAvailable: 1 }));
    sim.advance(100);
    sim.patch('PodDisruptionBudget', 'web', 'default', { spec: { minAvailable: 2 } }, 'merge');
    // createTooManyRequestsError: observedGeneration < generation
    expect(evictError(sim, podsOf(sim)[0].metadata!.name!)).toMatchObject({
      code: 429,
      details: { retryAfterSeconds: 10, causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web is still being processed by the server.' }] },
    });
  });

  it('deletes pods no budget covers, and refuses a pod two budgets cover (500)', () => {
    const sim = withReadyWeb(3);
    const [a, b] = podsOf(sim).map((p) => p.metadata!.name!);
    sim.evict(a, 'default');
    expect(sim.get('Pod', a, 'default').metadata?.deletionTimestamp).toBeDefined();
    sim.create(pdb('one', { minAvailable: 0 }));
    sim.create(pdb('two', { minAvailable: 0 }));
    sim.advance(100);
    expect(evictError(sim, b)).toMatchObject({ code: 500, message: 'Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' });
  });

  it('rejects minAvailable together with maxUnavailable (policy validation)', () => {
    const sim = createSimulator({ seed: 7 });
    let error: unknown;
    try {
      sim.create(pdb('web', { minAvailable: 1, maxUnavailable: 1 }));
    } catch (e) {
      error = e;
    }
    expect(isStatusError(error) && error.status.code).toBe(422);
    expect(isStatusError(error) && error.status.message).toContain('minAvailable and maxUnavailable cannot be both set');
  });
});
