import { describe, expect, it } from 'vitest';
import type { CoreV1Event, V1Node, V1Pod } from '../../k8s/api-types';
import { createSimulator } from '../index';
import { deploymentManifest, podsOf } from '../testing';

const events = (sim: ReturnType<typeof createSimulator>, reason: string) =>
  (sim.list('Event', 'default', { fieldSelector: `reason=${reason}` }).items as CoreV1Event[]).map((e) => e.message!);

describe('scheduler', () => {
  it('never places ordinary pods on the tainted control plane and spreads them', () => {
    const sim = createSimulator({ seed: 21 });
    sim.create(deploymentManifest({ replicas: 6 }));
    sim.advance(10_000);
    const nodes = podsOf(sim).map((p) => p.spec!.nodeName);
    expect(nodes).not.toContain('control-plane');
    expect(nodes.filter((n) => n === 'worker-1')).toHaveLength(3);
    expect(nodes.filter((n) => n === 'worker-2')).toHaveLength(3);
    expect(events(sim, 'Scheduled')[0]).toMatch(/^Successfully assigned default\/web-\w+-\w{5} to worker-[12]$/);
  });

  it('keeps an unschedulable pod Pending with FailedScheduling in the real format', () => {
    const sim = createSimulator({ seed: 22 });
    const causes: string[] = [];
    sim.subscribe((b) => b.forEach((e) => e.cause?.actor === 'scheduler' && causes.push(e.cause.message)));
    sim.create(deploymentManifest({ replicas: 1, resources: { requests: { cpu: '3' } } }));
    sim.advance(10_000);
    // the real message hides the taint since the 2025 security fix; the Korean cause names it
    expect(causes[0]).toMatch(/Pending 유지 \(파드가 허용하지 않는 테인트\(node-role\.kubernetes\.io\/control-plane:NoSchedule\)가 있는 노드 1개, CPU 부족 2개\)$/);
    const [pod] = podsOf(sim);
    expect(pod.status!.phase).toBe('Pending');
    // 3 CPUs exceed a 2-CPU worker's whole allocatable: Unresolvable (noderesources/fit.go), so preemption can't help anywhere
    const msg =
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    expect(events(sim, 'FailedScheduling')).toEqual([msg]);
    expect(pod.status!.conditions!.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
  });

  it('honours nodeSelector and cordon, and retries when the cluster changes', () => {
    const sim = createSimulator({ seed: 23 });
    sim.patch('Node', 'worker-1', undefined, { spec: { unschedulable: true } }, 'merge');
    sim.create(deploymentManifest({ replicas: 1, extra: { template: { metadata: { labels: { app: 'web' } }, spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } }));
    sim.advance(5_000);
    expect(events(sim, 'FailedScheduling')[0]).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    const w1 = sim.get('Node', 'worker-1') as V1Node;
    expect(w1.spec!.taints).toContainEqual(expect.objectContaining({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }));
    sim.patch('Node', 'worker-2', undefined, { metadata: { labels: { disk: 'ssd' } } }, 'merge');
    sim.advance(10_000);
    expect(podsOf(sim)[0].spec!.nodeName).toBe('worker-2');
    expect(podsOf(sim)[0].status!.phase).toBe('Running');
  });

  it('counts requests against allocatable and reports Too many pods', () => {
    const sim = createSimulator({ seed: 24, cluster: { workers: 1, workerCapacity: { pods: 3 } } });
    // worker-1 already runs kube-proxy, calico-node and one coredns (default topology spreading puts the other
    // on the control plane, whose taint coredns tolerates)
    sim.create(deploymentManifest({ replicas: 1 }));
    sim.advance(10_000);
    const pod = podsOf(sim)[0] as V1Pod;
    expect(pod.spec!.nodeName).toBeUndefined();
    expect(events(sim, 'FailedScheduling')[0]).toContain('1 Too many pods');
  });

  it('tolerations let pods onto the control plane', () => {
    const sim = createSimulator({ seed: 25 });
    sim.create(
      deploymentManifest({
        replicas: 1,
        extra: {
          template: {
            metadata: { labels: { app: 'web' } },
            spec: {
              nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
              tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
              containers: [{ name: 'nginx', image: 'nginx:1.25' }],
            },
          },
        },
      }),
    );
    sim.advance(10_000);
    expect(podsOf(sim)[0].spec!.nodeName).toBe('control-plane');
  });
});
