/**
 * The scheduler's node table and its static filter verdicts (node-rows.ts) are caches: pods of one ReplicaSet share a
 * spec, so the verdicts of NodeUnschedulable, TaintToleration and NodeAffinity are kept per spec and node table. These
 * tests change nodes between pods of the same set and check that each later pod sees the node as it is then, as the
 * real scheduler does with its per-cycle node snapshot (pkg/scheduler/schedule_one.go: a new snapshot per cycle).
 */
import { describe, expect, it } from 'vitest';
import type { V1Pod } from '../../../k8s/api-types';
import { createSimulator } from '../../index';
import { deploymentManifest, podsOf } from '../../testing';
import { staticFilter } from './node-rows';

const nodesOf = (sim: ReturnType<typeof createSimulator>) => podsOf(sim).filter((p) => !p.metadata!.deletionTimestamp).map((p) => p.spec!.nodeName ?? '(pending)');
const count = (xs: string[], x: string) => xs.filter((n) => n === x).length;

describe('scheduler node table', () => {
  it('follows a cordon and an uncordon between pods of the same ReplicaSet', () => {
    const sim = createSimulator({ seed: 31 });
    sim.create(deploymentManifest({ replicas: 2 }));
    sim.advance(5_000);
    const first = new Set(podsOf(sim).map((p) => p.metadata!.name));
    sim.patch('Node', 'worker-1', undefined, { spec: { unschedulable: true } }, 'merge');
    sim.patch('Deployment', 'web', 'default', { spec: { replicas: 6 } }, 'merge');
    sim.advance(5_000);
    const added = podsOf(sim).filter((p) => !first.has(p.metadata!.name));
    expect(added.map((p) => p.spec!.nodeName)).toEqual(['worker-2', 'worker-2', 'worker-2', 'worker-2']);
    sim.patch('Node', 'worker-1', undefined, { spec: { unschedulable: false } }, 'merge');
    sim.patch('Deployment', 'web', 'default', { spec: { replicas: 10 } }, 'merge');
    sim.advance(5_000);
    const later = podsOf(sim).filter((p) => !first.has(p.metadata!.name) && !added.some((a) => a.metadata!.name === p.metadata!.name));
    // uncordoned and emptier, worker-1 takes the next pods (least allocated, and the default spreading)
    expect(count(later.map((p) => p.spec!.nodeName!), 'worker-1')).toBeGreaterThanOrEqual(3);
  });

  it('follows a node relabel for a nodeSelector: pods Pending until a node gets the label, then placed on it', () => {
    const sim = createSimulator({ seed: 32 });
    sim.create(deploymentManifest({ replicas: 2 }));
    sim.patch('Deployment', 'web', 'default', { spec: { template: { spec: { nodeSelector: { disk: 'ssd' } } } } }, 'strategic');
    sim.advance(5_000);
    expect(podsOf(sim).filter((p) => !p.spec!.nodeName && !p.metadata!.deletionTimestamp).length).toBeGreaterThan(0);
    sim.patch('Node', 'worker-2', undefined, { metadata: { labels: { disk: 'ssd' } } }, 'merge');
    sim.advance(10_000);
    const selected = podsOf(sim).filter((p) => p.spec!.nodeSelector?.disk === 'ssd');
    expect(selected.length).toBe(2);
    expect(selected.map((p) => p.spec!.nodeName)).toEqual(['worker-2', 'worker-2']);
  });

  it('counts pods bound after the table was built (usage records are shared, not copied)', () => {
    const sim = createSimulator({ seed: 33, cluster: { workers: 2, workerCapacity: { cpu: '2', memory: '4Gi', pods: 4 } } });
    sim.create(deploymentManifest({ replicas: 8 }));
    sim.advance(10_000);
    const all = sim.list('Pod').items as V1Pod[];
    for (const n of ['worker-1', 'worker-2']) expect(all.filter((p) => p.spec!.nodeName === n).length, n).toBe(4);
    const web = nodesOf(sim);
    // what the system pods leave of the 4-pod capacity goes to web; the rest stays Pending
    expect(web).toHaveLength(8);
    expect(count(web, '(pending)')).toBeGreaterThan(0);
  });

  it('staticFilter rejects in the framework order: cordon, then taints, then node affinity', () => {
    const pod = { spec: { containers: [], nodeSelector: { disk: 'ssd' } } };
    const node = (spec: object, labels: Record<string, string> = {}) => ({ metadata: { name: 'n', labels }, spec });
    expect(staticFilter(pod, node({ unschedulable: true, taints: [{ key: 'k', effect: 'NoSchedule' }] }))?.reasons).toEqual(['node(s) were unschedulable']);
    expect(staticFilter(pod, node({ taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] }))).toEqual({ reasons: ['node(s) had untolerated taint(s)'], taint: 'k=v:NoSchedule', unresolvable: true });
    expect(staticFilter(pod, node({}))?.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
    expect(staticFilter(pod, node({}, { disk: 'ssd' }))).toBeUndefined();
  });
});
