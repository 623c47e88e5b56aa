import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1TopologySpreadConstraint } from '../../../k8s/api-types';
import { createSimulator } from '../../index';
import { deploymentManifest, podsOf } from '../../testing';

const events = (sim: ReturnType<typeof createSimulator>, reason: string) =>
  (sim.list('Event', 'default', { fieldSelector: `reason=${reason}` }).items as CoreV1Event[]).map((e) => e.message!);
const spreadDeployment = (replicas: number, topologySpreadConstraints: V1TopologySpreadConstraint[]) =>
  deploymentManifest({ replicas, extra: { template: { metadata: { labels: { app: 'web' } }, spec: { topologySpreadConstraints, containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } });
/** Half of worker-2's CPU taken by a pod the spreading doesn't select, so LeastAllocated prefers worker-1. */
function makeWorker2Busy(sim: ReturnType<typeof createSimulator>) {
  sim.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'batch', namespace: 'default', labels: { app: 'batch' } },
    spec: { nodeName: 'worker-2', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], resources: { requests: { cpu: '1', memory: '1Gi' } } }] },
  });
  sim.advance(5_000);
}
const count = (nodes: (string | undefined)[], name: string | undefined) => nodes.filter((n) => n === name).length;

describe('scheduler: PodTopologySpread', () => {
  const byHostname = (extra: Partial<V1TopologySpreadConstraint> = {}): V1TopologySpreadConstraint => ({
    maxSkew: 1,
    topologyKey: 'kubernetes.io/hostname',
    whenUnsatisfiable: 'DoNotSchedule',
    labelSelector: { matchLabels: { app: 'web' } },
    ...extra,
  });

  // pkg/scheduler/framework/plugins/podtopologyspread/filtering.go: skew = matching pods in the domain + self − global
  // minimum. nodeTaintsPolicy defaults to Ignore, so the tainted control plane is a domain with 0 pods
  // (https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/#spread-constraint-definition).
  it('DoNotSchedule: the tainted control plane holds the minimum at 0, so a third replica stays Pending', () => {
    const sim = createSimulator({ seed: 41 });
    sim.create(spreadDeployment(3, [byHostname()]));
    sim.advance(10_000);
    const nodes = podsOf(sim).map((p) => p.spec!.nodeName);
    expect([count(nodes, 'worker-1'), count(nodes, 'worker-2'), count(nodes, undefined)]).toEqual([1, 1, 1]);
    expect(events(sim, 'FailedScheduling')[0]).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod topology spread constraints. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  // filtering.go with nodeTaintsPolicy: Honor — nodes whose taints the pod doesn't tolerate are no domain
  it('DoNotSchedule with nodeTaintsPolicy Honor spreads 4 replicas 2/2 over the workers, busy or not', () => {
    const sim = createSimulator({ seed: 42 });
    makeWorker2Busy(sim);
    sim.create(spreadDeployment(4, [byHostname({ nodeTaintsPolicy: 'Honor' })]));
    sim.advance(10_000);
    const nodes = podsOf(sim, 'default', 'app=web').map((p) => p.spec!.nodeName);
    expect([count(nodes, 'worker-1'), count(nodes, 'worker-2')]).toEqual([2, 2]);
  });

  // filtering.go: a node without the topologyKey label fails with ErrReasonNodeLabelNotMatch (UnschedulableAndUnresolvable)
  it('reports nodes missing the topology key label', () => {
    const sim = createSimulator({ seed: 43 });
    sim.create(spreadDeployment(1, [byHostname({ topologyKey: 'topology.kubernetes.io/zone' })]));
    sim.advance(5_000);
    expect(events(sim, 'FailedScheduling')[0]).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod topology spread constraints (missing required label). no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  // filtering.go: with fewer domains than minDomains the global minimum counts as 0
  it('minDomains 3 over 2 zones allows one pod per zone', () => {
    const sim = createSimulator({ seed: 44 });
    sim.patch('Node', 'worker-1', undefined, { metadata: { labels: { 'topology.kubernetes.io/zone': 'a' } } }, 'merge');
    sim.patch('Node', 'worker-2', undefined, { metadata: { labels: { 'topology.kubernetes.io/zone': 'b' } } }, 'merge');
    sim.create(spreadDeployment(3, [byHostname({ topologyKey: 'topology.kubernetes.io/zone', minDomains: 3 })]));
    sim.advance(10_000);
    const nodes = podsOf(sim).map((p) => p.spec!.nodeName);
    expect([count(nodes, 'worker-1'), count(nodes, 'worker-2'), count(nodes, undefined)]).toEqual([1, 1, 1]);
  });

  // podtopologyspread/scoring.go + apis/config/v1/defaults.go system defaults (hostname maxSkew 3, zone maxSkew 5,
  // ScheduleAnyway) for pods of a ReplicaSet: with worker-2 half busy, LeastAllocated alone piles 5–6 replicas onto
  // worker-1; the spread score (weight 2) outweighs it: counts 1/0 → raw round(1·ln 4 + 2)=3 vs 2 → 66 vs 100.
  it('default spreading places 6 replicas 3/3 even when one worker is emptier', () => {
    const sim = createSimulator({ seed: 45 });
    makeWorker2Busy(sim);
    sim.create(deploymentManifest({ replicas: 6 }));
    sim.advance(10_000);
    const nodes = podsOf(sim, 'default', 'app=web').map((p) => p.spec!.nodeName);
    expect([count(nodes, 'worker-1'), count(nodes, 'worker-2')]).toEqual([3, 3]);
  });

  // scoring.go: a ScheduleAnyway constraint on a zone-like key scores each node by the matching pods of its domain.
  // The zone labels come after the first pod was placed, so the scheduler must see them in its new node table.
  it('ScheduleAnyway by zone balances the zones against LeastAllocated, with zone labels added after the first pod', () => {
    const sim = createSimulator({ seed: 45 });
    makeWorker2Busy(sim);
    sim.create(spreadDeployment(1, [byHostname({ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' })]));
    sim.advance(10_000);
    sim.patch('Node', 'worker-1', undefined, { metadata: { labels: { 'topology.kubernetes.io/zone': 'a' } } }, 'merge');
    sim.patch('Node', 'worker-2', undefined, { metadata: { labels: { 'topology.kubernetes.io/zone': 'b' } } }, 'merge');
    sim.patch('Deployment', 'web', 'default', { spec: { replicas: 6 } }, 'merge');
    sim.advance(10_000);
    const nodes = podsOf(sim, 'default', 'app=web').map((p) => p.spec!.nodeName);
    expect([count(nodes, 'worker-1'), count(nodes, 'worker-2')]).toEqual([3, 3]);
  });
});
