import { describe, expect, it } from 'vitest';
import type { V1Node, V1Pod } from '../k8s/api-types';
import { PODS_PER_NODE, seedPlan, seededSimulator } from './seed';

describe('seedPlan', () => {
  it('gives 20,000 pods enough 110-pod nodes with room to spare, in Deployments of 200', () => {
    const plan = seedPlan(20_000);
    expect(plan.workers).toBe(203); // ceil(20000 / 99): nodes 90 % full
    expect(plan.workers * PODS_PER_NODE).toBeGreaterThan(20_000);
    expect(plan.deployments).toHaveLength(100);
    expect(plan.deployments.every((d) => d.replicas === 200)).toBe(true);
    expect(plan.maxPods).toBe(25_000);
  });

  it('keeps the asked-for worker count when it is larger, and splits a remainder', () => {
    const plan = seedPlan(450, 8);
    expect(plan.workers).toBe(8);
    expect(plan.deployments.map((d) => d.replicas)).toEqual([200, 200, 50]);
    expect(plan.maxPods).toBe(10_000); // never below the simulator's default quota
  });
});

describe('seededSimulator', () => {
  it('returns a cluster whose pods all run, spread over the planned nodes', () => {
    const sim = seededSimulator({ pods: 450, seed: 1, workers: 2 });
    const pods = sim.list('Pod', 'default').items as V1Pod[];
    expect(pods).toHaveLength(450);
    expect(pods.every((p) => p.status?.phase === 'Running')).toBe(true);
    const workers = (sim.list('Node').items as V1Node[]).filter((n) => n.metadata?.name?.startsWith('worker-'));
    expect(workers).toHaveLength(5); // ceil(450 / 99)
    expect(new Set(pods.map((p) => p.spec?.nodeName)).size).toBe(5);
  });
});
