import { describe, expect, it } from 'vitest';
import type { V1Node, V1NodeCondition } from '../../k8s/api-types';
import { createSimulator } from '../index';
import type { Simulator } from '../types';
import { deploymentManifest } from '../testing';
import { toIso } from '../timings';

const cond = (sim: Simulator, node: string, type: string): V1NodeCondition => (sim.get('Node', node) as V1Node).status!.conditions!.find((c) => c.type === type)!;
const MIN = 60_000;

// kubernetes.io/docs/concepts/architecture/nodes/#node-heartbeats: the kubelet updates its Node's .status when the
// status changes or when there has been no update for 5 minutes (nodeStatusReportFrequency); each post stamps
// LastHeartbeatTime (pkg/kubelet/kubelet_node_status.go, pkg/kubelet/nodestatus/setters.go).
describe('the kubelet node status report (heartbeat)', () => {
  it('moves LastHeartbeatTime every 5 minutes while nothing changes, and leaves LastTransitionTime alone', () => {
    const sim = createSimulator({ seed: 3 });
    const first = cond(sim, 'worker-1', 'Ready');
    const transition = first.lastTransitionTime;
    const beats: string[] = [];
    for (let i = 0; i < 12; i++) {
      sim.advance(MIN);
      beats.push(String(cond(sim, 'worker-1', 'Ready').lastHeartbeatTime));
    }
    const distinct = [...new Set(beats)];
    expect(distinct.length).toBeGreaterThanOrEqual(2);
    // consecutive reports 5 minutes apart, never later than 5 minutes before now
    const times = distinct.map((t) => Date.parse(t));
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBe(5 * MIN);
    expect(sim.now() - times[times.length - 1]).toBeLessThan(5 * MIN);
    expect(cond(sim, 'worker-1', 'Ready').lastTransitionTime).toBe(transition);
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) expect(cond(sim, 'worker-1', type).lastHeartbeatTime).toBe(cond(sim, 'worker-1', 'Ready').lastHeartbeatTime);
  });

  it('posts the heartbeat with a newly pulled image, when the status changes', () => {
    const sim = createSimulator({ seed: 3 });
    sim.advance(MIN);
    sim.create(deploymentManifest({ replicas: 4, image: 'nginx:1.27' }));
    sim.advance(10_000);
    const node = sim.get('Node', 'worker-1') as V1Node;
    expect(node.status!.images!.some((i) => i.names!.some((n) => n.includes('nginx:1.27')))).toBe(true);
    // the pull finished within these 10 s, long before the next 5-minute report
    expect(sim.now() - Date.parse(String(cond(sim, 'worker-1', 'Ready').lastHeartbeatTime))).toBeLessThan(10_000);
  });

  it('a snapshot saved before the reports had wake-ups of their own reports again once restored', () => {
    const sim = createSimulator({ seed: 3 });
    sim.advance(2 * MIN);
    const old = JSON.parse(sim.snapshot()) as Record<string, unknown>;
    expect(old.routineTimers).toBeDefined();
    delete old.routineTimers;
    const restored = createSimulator({ seed: 3 });
    restored.restore(JSON.stringify(old));
    const beat = () => Date.parse(String(cond(restored, 'worker-1', 'Ready').lastHeartbeatTime));
    const before = beat();
    restored.advance(6 * MIN);
    expect(beat() - before).toBe(5 * MIN);
    expect(restored.now() - beat()).toBeLessThan(5 * MIN);
  });

  it('a silent kubelet posts nothing: Unknown keeps its last heartbeat and takes the moment it was noticed as the transition', () => {
    // pkg/controller/nodelifecycle/node_lifecycle_controller.go tryUpdateNodeHealth: NodeStatusUnknown keeps
    // LastHeartbeatTime ("the last time we heard from kubelet") and sets LastTransitionTime to now
    const sim = createSimulator({ seed: 3 });
    sim.advance(7 * MIN);
    const lastBeat = String(cond(sim, 'worker-1', 'Ready').lastHeartbeatTime);
    sim.failNode('worker-1');
    const failedAt = sim.now();
    sim.advance(20 * MIN);
    const ready = cond(sim, 'worker-1', 'Ready');
    expect(ready.status).toBe('Unknown');
    expect(ready.lastHeartbeatTime).toBe(lastBeat);
    expect(ready.lastTransitionTime).toBe(toIso(failedAt + sim.timings().nodeMonitorGrace));
    expect(cond(sim, 'worker-1', 'MemoryPressure')).toMatchObject({ status: 'Unknown', lastHeartbeatTime: lastBeat });
    // the other kubelets go on reporting
    expect(sim.now() - Date.parse(String(cond(sim, 'worker-2', 'Ready').lastHeartbeatTime))).toBeLessThan(5 * MIN);

    sim.recoverNode('worker-1');
    sim.advance(1_000);
    const back = cond(sim, 'worker-1', 'Ready');
    expect(back.status).toBe('True');
    expect(Date.parse(String(back.lastHeartbeatTime))).toBeGreaterThan(failedAt + 20 * MIN - 1);
    sim.advance(6 * MIN);
    expect(sim.now() - Date.parse(String(cond(sim, 'worker-1', 'Ready').lastHeartbeatTime))).toBeLessThan(5 * MIN);
  });
});
