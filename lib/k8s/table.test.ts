import { describe, expect, it } from 'vitest';
import { formatLabels, podStatusReason, selectorString, tableColumns, toTable } from './table';
import type { CoreV1Event, KubeObject, V1Deployment, V1Endpoints, V1Node, V1Pod, V1Service } from './types';

const now = Date.parse('2026-01-01T01:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

function pod(over: Partial<V1Pod> = {}): V1Pod {
  return {
    metadata: { name: 'web-1', namespace: 'default', creationTimestamp: ago(185_000) },
    spec: { containers: [{ name: 'web', image: 'nginx' }], nodeName: 'worker-1' },
    status: {
      phase: 'Running',
      podIP: '10.244.1.5',
      containerStatuses: [
        { name: 'web', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
      ],
    },
    ...over,
  };
}

describe('toTable', () => {
  it('has the API server columns and priorities for pods', () => {
    const cols = tableColumns('Pod');
    expect(cols.map((c) => c.name)).toEqual([
      'Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates',
    ]);
    expect(cols.filter((c) => c.priority === 1).map((c) => c.name)).toEqual(['IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    expect(cols[0].format).toBe('name');
  });

  it('prints a running pod with wide cells', () => {
    const t = toTable('Pod', [pod()], { now });
    expect(t.rows[0].cells).toEqual(['web-1', '1/1', 'Running', '0', '3m5s', '10.244.1.5', 'worker-1', '<none>', '<none>']);
  });

  it('derives pod STATUS from container states and deletion', () => {
    const waiting = pod({
      status: {
        phase: 'Pending',
        containerStatuses: [
          { name: 'web', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } },
        ],
      },
    });
    expect(podStatusReason(waiting)).toBe('ImagePullBackOff');
    const deleting = pod();
    deleting.metadata!.deletionTimestamp = ago(1000);
    expect(podStatusReason(deleting)).toBe('Terminating');
    expect(podStatusReason(pod({ status: { phase: 'Pending' } }))).toBe('Pending');
  });

  it('derives STATUS from init containers while the pod initializes (printers.go printPod)', () => {
    const cs = (name: string, state: object, restartCount = 0) => ({ name, image: 'busybox', imageID: '', ready: false, restartCount, state });
    const initPod = (statuses: object[], initialized = 'False') =>
      pod({
        spec: { initContainers: [{ name: 'a' }, { name: 'b' }], containers: [{ name: 'web' }] },
        status: { phase: 'Pending', conditions: [{ type: 'Initialized', status: initialized }], initContainerStatuses: statuses, containerStatuses: [cs('web', { waiting: { reason: 'PodInitializing' } })] },
      } as never);
    const done = { terminated: { exitCode: 0, reason: 'Completed' } };
    expect(podStatusReason(initPod([cs('a', { running: {} }), cs('b', { waiting: { reason: 'PodInitializing' } })]))).toBe('Init:0/2');
    expect(podStatusReason(initPod([cs('a', done), cs('b', { running: {} })]))).toBe('Init:1/2');
    expect(podStatusReason(initPod([cs('a', { terminated: { exitCode: 3 } }), cs('b', {})]))).toBe('Init:ExitCode:3');
    const looping = initPod([cs('a', { waiting: { reason: 'CrashLoopBackOff' } }, 4), cs('b', {})]);
    expect(podStatusReason(looping)).toBe('Init:CrashLoopBackOff');
    expect(toTable('Pod', [looping], { now }).rows[0].cells.slice(1, 4)).toEqual(['0/1', 'Init:CrashLoopBackOff', '4']);
    expect(podStatusReason(initPod([cs('a', done), cs('b', done)], 'True'))).toBe('PodInitializing');
  });

  it('shows restarts with the time of the last restart', () => {
    const p = pod();
    p.status!.containerStatuses![0].restartCount = 3;
    p.status!.containerStatuses![0].lastState = { terminated: { exitCode: 1, finishedAt: ago(62_000) } };
    expect(toTable('Pod', [p], { now }).rows[0].cells[3]).toBe('3 (62s ago)');
  });

  it('prints deployments with READY desired/ready and a sorted selector', () => {
    const d: V1Deployment = {
      metadata: { name: 'web', creationTimestamp: ago(2 * 86_400_000) },
      spec: {
        replicas: 3,
        selector: { matchLabels: { tier: 'fe', app: 'web' } },
        template: { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }, { name: 'log', image: 'busybox' }] } },
      },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    expect(toTable('Deployment', [d], { now }).rows[0].cells).toEqual([
      'web', '2/3', 3, 2, '2d', 'web,log', 'nginx:1.25,busybox', 'app=web,tier=fe',
    ]);
  });

  it('prints node status, roles and addresses', () => {
    const n: V1Node = {
      metadata: { name: 'cp', labels: { 'node-role.kubernetes.io/control-plane': '' }, creationTimestamp: ago(3_600_000) },
      spec: { unschedulable: true },
      status: {
        conditions: [{ type: 'Ready', status: 'True' }],
        addresses: [{ type: 'InternalIP', address: '192.168.0.10' }],
        nodeInfo: { kubeletVersion: 'v1.31.0', osImage: 'Ubuntu', kernelVersion: '6.8', containerRuntimeVersion: 'containerd://1.7', architecture: '', bootID: '', kubeProxyVersion: '', machineID: '', operatingSystem: '', systemUUID: '' },
      },
    };
    expect(toTable('Node', [n], { now }).rows[0].cells).toEqual([
      'cp', 'Ready,SchedulingDisabled', 'control-plane', '60m', 'v1.31.0', '192.168.0.10', '<none>', 'Ubuntu', '6.8', 'containerd://1.7',
    ]);
  });

  it('prints services with node ports and pending load balancers', () => {
    const svc: V1Service = {
      metadata: { name: 'web', creationTimestamp: ago(5000) },
      spec: { type: 'LoadBalancer', clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], selector: { app: 'web' } },
    };
    expect(toTable('Service', [svc], { now }).rows[0].cells).toEqual([
      'web', 'LoadBalancer', '10.96.0.20', '<pending>', '80:30080/TCP', '5s', 'app=web',
    ]);
  });

  it('caps endpoints at three addresses', () => {
    const ep: V1Endpoints = {
      metadata: { name: 'web', creationTimestamp: ago(5000) },
      subsets: [{ addresses: ['1', '2', '3', '4', '5'].map((i) => ({ ip: `10.0.0.${i}` })), ports: [{ port: 80 }] }],
    };
    expect(toTable('Endpoints', [ep], { now }).rows[0].cells[1]).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...');
  });

  it('prints events with the involved object as kind/name', () => {
    const ev: CoreV1Event = {
      metadata: { name: 'web-1.abc' },
      involvedObject: { kind: 'Pod', name: 'web-1' },
      reason: 'Scheduled',
      type: 'Normal',
      message: 'Successfully assigned default/web-1 to worker-1 ',
      firstTimestamp: ago(30_000),
      lastTimestamp: ago(10_000),
      count: 2,
      source: { component: 'default-scheduler' },
    };
    expect(toTable('Event', [ev as KubeObject], { now }).rows[0].cells).toEqual([
      '10s', 'Normal', 'Scheduled', 'pod/web-1', '', 'default-scheduler', 'Successfully assigned default/web-1 to worker-1', '30s', 2, 'web-1.abc',
    ]);
  });
});

describe('label formatting', () => {
  it('sorts labels and selector requirements by key', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
    expect(
      selectorString({ matchLabels: { z: '1' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] }),
    ).toBe('env in (dev,prod),z=1');
  });
});
