import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Affinity } from '../../../k8s/api-types';
import { createSimulator } from '../../index';
import { deploymentManifest, podsOf } from '../../testing';

const events = (sim: ReturnType<typeof createSimulator>, reason: string) =>
  (sim.list('Event', 'default', { fieldSelector: `reason=${reason}` }).items as CoreV1Event[]).map((e) => e.message!);

function withAffinity(replicas: number, affinity: V1Affinity, name = 'web', app = 'web') {
  return deploymentManifest({ name, replicas, extra: { selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: { affinity, containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } });
}
const nodesOf = (sim: ReturnType<typeof createSimulator>, app = 'web') => podsOf(sim, 'default', `app=${app}`).map((p) => p.spec!.nodeName);

describe('scheduler: NodeAffinity', () => {
  // pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (Filter, ErrReasonPod; UnschedulableAndUnresolvable)
  it('keeps a pod Pending when no node satisfies required node affinity', () => {
    const sim = createSimulator({ seed: 31 });
    sim.create(withAffinity(1, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }] } } }));
    sim.advance(5_000);
    expect(nodesOf(sim)).toEqual([undefined]);
    expect(events(sim, 'FailedScheduling')[0]).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  // k8s.io/component-helpers/scheduling/corev1/nodeaffinity: terms ORed, expressions ANDed, Gt/Lt integers, matchFields metadata.name
  it('ORs terms, ANDs expressions, and understands Gt/Lt, DoesNotExist and matchFields', () => {
    const sim = createSimulator({ seed: 32 });
    sim.patch('Node', 'worker-1', undefined, { metadata: { labels: { cores: '8', disk: 'hdd' } } }, 'merge');
    sim.patch('Node', 'worker-2', undefined, { metadata: { labels: { cores: '4' } } }, 'merge');
    const terms = [
      // worker-2 fails (cores 4 is not > 6); worker-1 fails DoesNotExist disk
      { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['6'] }, { key: 'disk', operator: 'DoesNotExist' }] },
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }], matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['5'] }] },
    ];
    sim.create(withAffinity(4, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } }));
    sim.advance(10_000);
    expect(nodesOf(sim)).toEqual(['worker-2', 'worker-2', 'worker-2', 'worker-2']);
  });

  // nodeaffinity Score: sum of matched preferred weights, normalised, × weight 2 — beats LeastAllocated alone
  it('prefers the node matching preferred terms even when it is busier', () => {
    const sim = createSimulator({ seed: 33 });
    sim.patch('Node', 'worker-1', undefined, { metadata: { labels: { zone: 'a' } } }, 'merge');
    sim.create(withAffinity(4, { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } }] } }));
    sim.advance(10_000);
    expect(nodesOf(sim)).toEqual(['worker-1', 'worker-1', 'worker-1', 'worker-1']);
  });
});

describe('scheduler: InterPodAffinity', () => {
  const antiHostname: V1Affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } };

  // pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (ErrReasonAntiAffinityRulesNotMatch: Unschedulable, so preemption is tried)
  it('places 3 replicas with hostname anti-affinity on 2 workers and leaves the third Pending', () => {
    const sim = createSimulator({ seed: 34 });
    sim.create(withAffinity(3, antiHostname));
    sim.advance(10_000);
    const nodes = nodesOf(sim);
    expect(nodes.filter(Boolean).sort()).toEqual(['worker-1', 'worker-2']);
    expect(events(sim, 'FailedScheduling')[0]).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  // filtering.go satisfyExistingPodsAntiAffinity: a placed pod's anti-affinity keeps others away (symmetry)
  it("keeps other pods off a node whose pod's anti-affinity selects them", () => {
    const sim = createSimulator({ seed: 35 });
    sim.patch('Node', 'worker-2', undefined, { spec: { unschedulable: true } }, 'merge');
    sim.create(withAffinity(1, { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'api' } } }] } }, 'db', 'db'));
    sim.advance(5_000);
    sim.create(withAffinity(1, {}, 'api', 'api'));
    sim.advance(5_000);
    expect(nodesOf(sim, 'api')).toEqual([undefined]);
    expect(events(sim, 'FailedScheduling')[0]).toContain("1 node(s) didn't satisfy existing pods anti-affinity rules");
  });

  // filtering.go satisfyPodAffinity: required podAffinity follows the selected pods' topology domain (any node label);
  // the first pod of a group that selects itself may go anywhere
  it('co-locates by a zone label with required pod affinity', () => {
    const sim = createSimulator({ seed: 36, cluster: { workers: 3 } });
    sim.patch('Node', 'worker-1', undefined, { metadata: { labels: { 'topology.kubernetes.io/zone': 'a' } } }, 'merge');
    sim.patch('Node', 'worker-2', undefined, { metadata: { labels: { 'topology.kubernetes.io/zone': 'b' } } }, 'merge');
    sim.patch('Node', 'worker-3', undefined, { metadata: { labels: { 'topology.kubernetes.io/zone': 'b' } } }, 'merge');
    const zoneAffinity = (app: string): V1Affinity => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { app } } }] } });
    sim.create(withAffinity(1, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-3'] }] }] } } }, 'db', 'db'));
    sim.advance(5_000);
    sim.create(withAffinity(6, zoneAffinity('db'), 'api', 'api'));
    sim.advance(10_000);
    expect(new Set(nodesOf(sim, 'api'))).toEqual(new Set(['worker-2', 'worker-3']));
    sim.create(withAffinity(2, zoneAffinity('cache'), 'cache', 'cache'));
    sim.advance(10_000);
    expect(nodesOf(sim, 'cache').every(Boolean)).toBe(true);
    sim.create(withAffinity(1, zoneAffinity('nothing'), 'lonely', 'lonely'));
    sim.advance(5_000);
    expect(events(sim, 'FailedScheduling').some((m) => m.includes("3 node(s) didn't match pod affinity rules") && m.includes('4 Preemption is not helpful'))).toBe(true);
  });

  const barePod = (name: string, namespace: string, labels: Record<string, string>, spec: Record<string, unknown>) => ({
    apiVersion: 'v1' as const,
    kind: 'Pod' as const,
    metadata: { name, namespace, labels },
    spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], ...spec },
  });
  /** worker-2 half busy, so LeastAllocated alone would pick worker-1 */
  const busyWorker2 = (sim: ReturnType<typeof createSimulator>) =>
    sim.create(barePod('batch', 'default', { app: 'batch' }, { nodeName: 'worker-2', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], resources: { requests: { cpu: '1', memory: '1Gi' } } }] }));

  // interpodaffinity/scoring.go: preferred anti-affinity subtracts its weight in the matching domain; min–max
  // normalised ×2 it outweighs LeastAllocated. Bare pods have no owner, so no default spreading takes part.
  it('preferred anti-affinity steers a pod away from the pod it avoids', () => {
    const sim = createSimulator({ seed: 37 });
    busyWorker2(sim);
    sim.create(barePod('cache', 'default', { app: 'cache' }, { nodeName: 'worker-1' }));
    const avoid = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'cache' } } } }] } };
    sim.create(barePod('plain', 'default', { app: 'plain' }, {}));
    sim.create(barePod('shy', 'default', { app: 'shy' }, { affinity: avoid }));
    sim.advance(5_000);
    expect(podsOf(sim, 'default', 'app=plain')[0].spec!.nodeName).toBe('worker-1');
    expect(podsOf(sim, 'default', 'app=shy')[0].spec!.nodeName).toBe('worker-2');
  });

  // pod affinity term namespaces: none given = the pod's own namespace; namespaceSelector picks namespaces by label
  // (https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#namespace-selector)
  it('counts pods of other namespaces only through namespaces/namespaceSelector', () => {
    const sim = createSimulator({ seed: 38 });
    busyWorker2(sim);
    sim.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { team: 'a' } } });
    sim.create(barePod('db', 'team-a', { app: 'db' }, { nodeName: 'worker-1' }));
    const term = (extra: Record<string, unknown>) => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } }, ...extra }] } });
    sim.create(barePod('same-ns', 'default', { app: 'x' }, { affinity: term({}) }));
    sim.create(barePod('by-selector', 'default', { app: 'y' }, { affinity: term({ namespaceSelector: { matchLabels: { team: 'a' } } }) }));
    sim.create(barePod('by-name', 'default', { app: 'z' }, { affinity: term({ namespaces: ['team-a'] }) }));
    sim.advance(5_000);
    const nodeOf = (app: string) => podsOf(sim, 'default', `app=${app}`)[0].spec!.nodeName;
    expect([nodeOf('x'), nodeOf('y'), nodeOf('z')]).toEqual(['worker-1', 'worker-2', 'worker-2']);
  });
});
