import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Node, V1Pod } from '../../k8s/api-types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { deploymentManifest, isReady, podsOf } from '../testing';

const node = (sim: Simulator, name: string) => sim.get('Node', name) as V1Node;
const ready = (n: V1Node) => n.status!.conditions!.find((c) => c.type === 'Ready')!;

describe('node lifecycle', () => {
  it('waits 50 s of silence by default, the node-monitor-grace-period of Kubernetes ≥ 1.32 (the version the nodes report)', () => {
    // pkg/controller/nodelifecycle/config/v1alpha1/defaults.go: NodeMonitorGracePeriod 50s since kubernetes PR #126287
    const sim = createSimulator({ seed: 41 });
    expect(node(sim, 'worker-1').status!.nodeInfo!.kubeletVersion).toMatch(/^v1\.(3[2-9]|[4-9]\d)\./);
    sim.advance(10_000);
    sim.failNode('worker-1');
    sim.advance(49_000);
    expect(ready(node(sim, 'worker-1')).status).toBe('True');
    sim.advance(1_000);
    expect(ready(node(sim, 'worker-1')).status).toBe('Unknown');
  });

  it('marks a silent node NotReady after the grace period and taints it', () => {
    const sim = createSimulator({ seed: 41 });
    sim.create(deploymentManifest({ replicas: 4 }));
    sim.advance(10_000);
    sim.failNode('worker-1');
    sim.advance(sim.timings().nodeMonitorGrace - 1_000);
    expect(ready(node(sim, 'worker-1')).status).toBe('True');
    sim.advance(1_000);
    const n = node(sim, 'worker-1');
    expect(ready(n)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(n.spec!.taints!.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    const onNode = podsOf(sim).filter((p) => p.spec!.nodeName === 'worker-1');
    expect(onNode.length).toBeGreaterThan(0);
    expect(onNode.some(isReady)).toBe(false);
    const msgs = (sim.list('Event', 'default', { fieldSelector: 'involvedObject.kind=Node' }).items as CoreV1Event[]).map((e) => e.message);
    expect(msgs).toContain('Node worker-1 status is now: NodeNotReady');
  });

  it('evicts pods after the toleration time and reschedules them elsewhere', () => {
    const sim = createSimulator({ seed: 42, timings: { podEvictionTimeout: 60_000 } });
    sim.create(deploymentManifest({ replicas: 4 }));
    sim.advance(10_000);
    const victims = podsOf(sim).filter((p) => p.spec!.nodeName === 'worker-1');
    expect(victims[0].spec!.tolerations).toContainEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 });
    sim.failNode('worker-1');
    sim.advance(sim.timings().nodeMonitorGrace + 59_000);
    expect(podsOf(sim).filter((p) => p.metadata!.deletionTimestamp)).toHaveLength(0);
    sim.advance(2_000);
    const terminating = podsOf(sim).filter((p) => p.metadata!.deletionTimestamp);
    expect(terminating.map((p) => p.metadata!.name).sort()).toEqual(victims.map((p) => p.metadata!.name).sort());
    sim.advance(20_000);
    const serving = podsOf(sim).filter((p) => !p.metadata!.deletionTimestamp);
    expect(serving).toHaveLength(4);
    expect(serving.every((p) => p.spec!.nodeName === 'worker-2' && isReady(p))).toBe(true);
    // the unreachable kubelet cannot confirm termination: the old pods stay Terminating
    expect(podsOf(sim).filter((p) => p.metadata!.deletionTimestamp)).toHaveLength(victims.length);
    const ev = sim.list('Event', 'default', { fieldSelector: 'reason=TaintManagerEviction' }).items as CoreV1Event[];
    expect(ev[0].message).toMatch(/^Marking for deletion Pod default\/web-/);
    // when the node comes back the kubelet finishes the deletions
    sim.recoverNode('worker-1');
    sim.advance(10_000);
    expect(ready(node(sim, 'worker-1')).status).toBe('True');
    expect(node(sim, 'worker-1').spec!.taints).toBeUndefined();
    expect(podsOf(sim)).toHaveLength(4);
  });

  it('recovers within the grace period without any change', () => {
    const sim = createSimulator({ seed: 43 });
    sim.create(deploymentManifest({ replicas: 2 }));
    sim.advance(10_000);
    const before = podsOf(sim).map((p) => p.metadata!.name);
    sim.failNode('worker-2');
    sim.advance(20_000);
    sim.recoverNode('worker-2');
    sim.advance(60_000);
    expect(ready(node(sim, 'worker-2')).status).toBe('True');
    expect(podsOf(sim).map((p) => p.metadata!.name)).toEqual(before);
    expect(() => sim.failNode('nope')).toThrow('nodes "nope" not found');
  });

  it('drain = cordon + delete pods: replacements land on other nodes', () => {
    const sim = createSimulator({ seed: 44 });
    sim.create(deploymentManifest({ replicas: 4 }));
    sim.advance(10_000);
    sim.patch('Node', 'worker-1', undefined, { spec: { unschedulable: true } }, 'strategic');
    for (const p of podsOf(sim).filter((x) => x.spec!.nodeName === 'worker-1')) sim.delete('Pod', p.metadata!.name!);
    sim.advance(20_000);
    const pods = podsOf(sim);
    expect(pods).toHaveLength(4);
    expect(pods.every((p: V1Pod) => p.spec!.nodeName === 'worker-2')).toBe(true);
    sim.patch('Node', 'worker-1', undefined, { spec: { unschedulable: null } }, 'merge');
    sim.advance(1_000);
    expect(node(sim, 'worker-1').spec!.taints).toBeUndefined();
  });

  it('a NoExecute taint added with kubectl taint evicts pods that do not tolerate it', () => {
    const sim = createSimulator({ seed: 45 });
    sim.create(deploymentManifest({ replicas: 4 }));
    sim.advance(10_000);
    sim.patch('Node', 'worker-2', undefined, { spec: { taints: [{ key: 'maintenance', value: 'yes', effect: 'NoExecute' }] } }, 'merge');
    sim.advance(20_000);
    const pods = podsOf(sim);
    expect(pods).toHaveLength(4);
    expect(pods.every((p) => p.spec!.nodeName === 'worker-1' && isReady(p))).toBe(true);
  });
});
