import { describe, expect, it } from 'vitest';
import { projectEvent, projectNode, projectPod, projectService } from './projection';
import { podStatusView } from './pod-status';
import { makeNode, makePod, makeService } from './test-fixtures';

describe('projectPod', () => {
  it('keeps what a tile and the details panel need', () => {
    const v = projectPod('Pod/default/web-5d9c7-x2k4p', makePod({ name: 'web-5d9c7-x2k4p', owner: 'web-5d9c7', node: 'worker-1', restarts: 2, cpu: '250m', memory: '128Mi', labels: { app: 'web' } }));
    expect(v).toMatchObject({
      name: 'web-5d9c7-x2k4p',
      shortName: 'x2k4p',
      namespace: 'default',
      nodeName: 'worker-1',
      owner: { kind: 'ReplicaSet', name: 'web-5d9c7' },
      cpuRequestMilli: 250,
      memoryRequestBytes: 128 * 2 ** 20,
      labels: { app: 'web' },
    });
    expect(v.status).toMatchObject({ status: 'Running', tone: 'running', restarts: 2, ready: true });
    expect(v.createdAt).toBe(Date.parse('2024-01-01T00:00:00Z'));
  });

  it('shortens long unowned names and leaves unscheduled pods without a node', () => {
    const v = projectPod('Pod/default/a-very-long-pod-name', makePod({ name: 'a-very-long-pod-name', node: null, phase: 'Pending' }));
    expect(v.shortName.length).toBeLessThanOrEqual(12);
    expect(v.nodeName).toBeNull();
  });
});

describe('podStatusView', () => {
  it('gives every state words and an icon, not only a colour', () => {
    const cases = [
      [makePod({ name: 'a' }), 'Running', 'running'],
      [makePod({ name: 'b', deleting: true }), 'Terminating', 'terminating'],
      [makePod({ name: 'c', waiting: 'CrashLoopBackOff', ready: false }), 'CrashLoopBackOff', 'failing'],
      [makePod({ name: 'd', waiting: 'ContainerCreating', ready: false, phase: 'Pending', node: 'w1' }), 'ContainerCreating', 'creating'],
      [{ ...makePod({ name: 'e', phase: 'Pending', node: null }), status: { phase: 'Pending' } }, 'Pending', 'pending'],
    ] as const;
    const icons = new Set<string>();
    for (const [pod, status, tone] of cases) {
      const v = podStatusView(pod);
      expect(v.status).toBe(status);
      expect(v.tone).toBe(tone);
      expect(v.label.length).toBeGreaterThan(0);
      icons.add(v.icon);
    }
    expect(icons.size).toBe(cases.length);
  });

  it('says when a running pod is not ready yet', () => {
    expect(podStatusView(makePod({ name: 'a', ready: false })).label).toContain('준비 전');
  });
});

describe('projectNode', () => {
  it('recognises the control plane and prints kubectl-style status', () => {
    expect(projectNode(makeNode('control-plane', { controlPlane: true }))).toMatchObject({ role: 'control-plane', status: 'Ready', cpuAllocatableMilli: 2000 });
    expect(projectNode(makeNode('worker-1', { ready: false })).status).toBe('NotReady');
    expect(projectNode(makeNode('worker-2', { unschedulable: true }))).toMatchObject({ role: 'worker', status: 'Ready,SchedulingDisabled', unschedulable: true });
  });
});

describe('projectService and projectEvent', () => {
  it('treats an empty selector as none and prints ports', () => {
    expect(projectService('Service/default/a', makeService('a', {})).selector).toBeNull();
    expect(projectService('Service/default/b', makeService('b', { app: 'web' }))).toMatchObject({ selector: { app: 'web' }, ports: '80/TCP' });
  });

  it('carries the Korean cause of the write as the event\'s "why"', () => {
    const ev = projectEvent(
      'Event/default/web.1',
      {
        metadata: { name: 'web.1', namespace: 'default' },
        involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default' },
        reason: 'Scheduled',
        message: 'Successfully assigned default/web-1 to worker-1',
        lastTimestamp: '2024-01-01T00:00:05Z',
      },
      { actor: 'scheduler', message: '가장 여유 있는 노드 worker-1에 배치' },
    );
    expect(ev).toMatchObject({ involved: 'Pod/web-1', involvedKey: 'Pod/default/web-1', why: '가장 여유 있는 노드 worker-1에 배치', actor: 'scheduler' });
    expect(ev.time).toBe(Date.parse('2024-01-01T00:00:05Z'));
    expect(ev.container).toBeNull();
  });

  // The kubelet's prober records events against the container: involvedObject.fieldPath `spec.containers{name}`
  // (pkg/kubelet/prober/prober.go recordContainerEvent, via kubecontainer.GenerateContainerRef).
  it('names the container a kubelet event is about', () => {
    const ev = projectEvent(
      'Event/default/web.2',
      {
        metadata: { name: 'web.2', namespace: 'default' },
        involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', fieldPath: 'spec.containers{app}' },
        reason: 'Unhealthy',
        message: 'Liveness probe failed: connection refused',
      },
      undefined,
    );
    expect(ev.container).toBe('app');
  });
});
