/**
 * An oracle for Table cells that does not come from our own printer. Each expected string below was written by
 * hand from the rules of kubernetes/kubernetes release-1.34 pkg/printers/internalversion/printers.go (printPod,
 * printNode, printDeployment, printReplicaSet, printService, layoutContainerCells) and
 * k8s.io/apimachinery pkg/util/duration HumanDuration (translateTimestampSince) — never computed by lib/k8s.
 * The differential test against real kubectl (lib/kubectl/real-kubectl.integration.test.ts) only checks layout:
 * kubectl prints the cells our server sends, so it could not catch a wrong cell; this test can.
 */
import { describe, expect, it } from 'vitest';
import { toTable } from './table';
import type { KubeObject } from './types';

const NOW = Date.parse('2026-01-01T00:10:00Z');
const at = (minutesBeforeNow: number) => new Date(NOW - minutesBeforeNow * 60_000).toISOString();
const CREATED = at(10); // AGE "10m" (HumanDuration: 10 ≤ minutes < 180 → "%dm")

type Json = Record<string, unknown>;
const running = (name = 'app', extra: Json = {}) => ({ name, ready: true, restartCount: 0, started: true, state: { running: { startedAt: at(9) } }, ...extra });
const waiting = (reason: string, extra: Json = {}) => ({ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason } }, ...extra });
const terminated = (t: Json, extra: Json = {}) => ({ name: 'app', ready: false, restartCount: 0, state: { terminated: { finishedAt: at(1), ...t } }, ...extra });
const lastTerminatedAt = (minutes: number) => ({ lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(minutes) } } });

interface PodCase {
  name: string;
  spec?: Json;
  status: Json;
  meta?: Json;
  /** READY, STATUS, RESTARTS, AGE */
  want: [string, string, string, string];
}

const ONE_CONTAINER = { containers: [{ name: 'app', image: 'nginx' }] };
const WITH_INIT = (n: number) => ({ ...ONE_CONTAINER, initContainers: Array.from({ length: n }, (_, i) => ({ name: `init-${i}`, image: 'busybox' })) });
const initStatus = (i: number, state: Json, extra: Json = {}) => ({ name: `init-${i}`, ready: false, restartCount: 0, state, ...extra });

const POD_CASES: PodCase[] = [
  // reason = phase when nothing else applies
  { name: 'Pending', status: { phase: 'Pending' }, want: ['0/1', 'Pending', '0', '10m'] },
  // a container's waiting reason replaces the phase
  { name: 'ContainerCreating', status: { phase: 'Pending', containerStatuses: [waiting('ContainerCreating')] }, want: ['0/1', 'ContainerCreating', '0', '10m'] },
  // ready counts containers that are Ready and Running
  { name: 'Running', status: { phase: 'Running', containerStatuses: [running()] }, want: ['1/1', 'Running', '0', '10m'] },
  // a deletion timestamp on a non-terminal pod shows Terminating (readiness is still counted)
  { name: 'Terminating', meta: { deletionTimestamp: at(0) }, status: { phase: 'Running', containerStatuses: [running()] }, want: ['1/1', 'Terminating', '0', '10m'] },
  // a deleted pod the node controller marked NodeLost shows Unknown
  { name: 'Unknown', meta: { deletionTimestamp: at(0) }, status: { phase: 'Running', reason: 'NodeLost', containerStatuses: [running()] }, want: ['1/1', 'Unknown', '0', '10m'] },
  // restarts show "(age ago)" of the latest lastState.terminated.finishedAt
  { name: 'CrashLoopBackOff', status: { phase: 'Running', containerStatuses: [waiting('CrashLoopBackOff', { restartCount: 4, ...lastTerminatedAt(2) })] }, want: ['0/1', 'CrashLoopBackOff', '4 (2m ago)', '10m'] },
  { name: 'ErrImagePull', status: { phase: 'Pending', containerStatuses: [waiting('ErrImagePull')] }, want: ['0/1', 'ErrImagePull', '0', '10m'] },
  { name: 'ImagePullBackOff', status: { phase: 'Pending', containerStatuses: [waiting('ImagePullBackOff')] }, want: ['0/1', 'ImagePullBackOff', '0', '10m'] },
  // a terminated container's reason; a deleted pod in a terminal phase keeps it (IsPodPhaseTerminal)
  { name: 'Completed', status: { phase: 'Succeeded', containerStatuses: [terminated({ exitCode: 0, reason: 'Completed' })] }, want: ['0/1', 'Completed', '0', '10m'] },
  { name: 'Completed while deleted', meta: { deletionTimestamp: at(0) }, status: { phase: 'Succeeded', containerStatuses: [terminated({ exitCode: 0, reason: 'Completed' })] }, want: ['0/1', 'Completed', '0', '10m'] },
  { name: 'Error', status: { phase: 'Failed', containerStatuses: [terminated({ exitCode: 1, reason: 'Error' })] }, want: ['0/1', 'Error', '0', '10m'] },
  { name: 'OOMKilled', status: { phase: 'Running', containerStatuses: [terminated({ exitCode: 137, reason: 'OOMKilled' }, { restartCount: 1, ...lastTerminatedAt(3) })] }, want: ['0/1', 'OOMKilled', '1 (3m ago)', '10m'] },
  // terminated without a reason: ExitCode:N, or Signal:N when a signal is recorded
  { name: 'ExitCode', status: { phase: 'Failed', containerStatuses: [terminated({ exitCode: 2 })] }, want: ['0/1', 'ExitCode:2', '0', '10m'] },
  { name: 'Signal', status: { phase: 'Failed', containerStatuses: [terminated({ exitCode: 137, signal: 9 })] }, want: ['0/1', 'Signal:9', '0', '10m'] },
  // a Completed container beside a running, ready one: Running with the Ready condition, NotReady without
  {
    name: 'Running beside Completed',
    spec: { containers: [{ name: 'app', image: 'nginx' }, { name: 'job', image: 'busybox' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [running(), terminated({ exitCode: 0, reason: 'Completed' }, { name: 'job' })] },
    want: ['1/2', 'Running', '0', '10m'],
  },
  {
    name: 'NotReady beside Completed',
    spec: { containers: [{ name: 'app', image: 'nginx' }, { name: 'job', image: 'busybox' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [running(), terminated({ exitCode: 0, reason: 'Completed' }, { name: 'job' })] },
    want: ['1/2', 'NotReady', '0', '10m'],
  },
  // the first init container not done decides: running → Init:i/n
  {
    name: 'Init:0/1',
    spec: WITH_INIT(1),
    status: { phase: 'Pending', initContainerStatuses: [initStatus(0, { running: { startedAt: at(1) } })], containerStatuses: [waiting('PodInitializing')] },
    want: ['0/1', 'Init:0/1', '0', '10m'],
  },
  {
    name: 'Init:1/2',
    spec: WITH_INIT(2),
    status: {
      phase: 'Pending',
      initContainerStatuses: [initStatus(0, { terminated: { exitCode: 0, reason: 'Completed' } }), initStatus(1, { running: {} })],
      containerStatuses: [waiting('PodInitializing')],
    },
    want: ['0/1', 'Init:1/2', '0', '10m'],
  },
  // a failed init container: Init:<reason>; its restarts count while the pod initializes
  { name: 'Init:Error', spec: WITH_INIT(1), status: { phase: 'Pending', initContainerStatuses: [initStatus(0, { terminated: { exitCode: 1, reason: 'Error' } })] }, want: ['0/1', 'Init:Error', '0', '10m'] },
  {
    name: 'Init:CrashLoopBackOff',
    spec: WITH_INIT(1),
    status: { phase: 'Pending', initContainerStatuses: [initStatus(0, { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 3, ...lastTerminatedAt(1) })], containerStatuses: [waiting('PodInitializing')] },
    want: ['0/1', 'Init:CrashLoopBackOff', '3 (60s ago)', '10m'],
  },
  // init waiting with reason PodInitializing falls to the Init:i/n default
  { name: 'Init waiting PodInitializing', spec: WITH_INIT(1), status: { phase: 'Pending', initContainerStatuses: [initStatus(0, { waiting: { reason: 'PodInitializing' } })] }, want: ['0/1', 'Init:0/1', '0', '10m'] },
  // init done: the app container's waiting reason shows; init restarts are no longer counted
  {
    name: 'PodInitializing',
    spec: WITH_INIT(1),
    status: { phase: 'Pending', initContainerStatuses: [initStatus(0, { terminated: { exitCode: 0, reason: 'Completed' } }, { restartCount: 2 })], containerStatuses: [waiting('PodInitializing')] },
    want: ['0/1', 'PodInitializing', '0', '10m'],
  },
  // a sidecar (restartable init container) counts in READY's total and, once started, in its ready count
  {
    name: 'sidecar',
    spec: { ...ONE_CONTAINER, initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] },
    status: { phase: 'Running', initContainerStatuses: [{ ...running('proxy'), restartCount: 1 }], containerStatuses: [running()] },
    want: ['2/2', 'Running', '1', '10m'],
  },
  // a PodScheduled condition with reason SchedulingGated names the reason
  { name: 'SchedulingGated', status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }, want: ['0/1', 'SchedulingGated', '0', '10m'] },
];

function podRow(c: PodCase): string[] {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', creationTimestamp: CREATED, ...c.meta },
    spec: c.spec ?? ONE_CONTAINER,
    status: c.status,
  };
  return toTable('Pod', [pod as KubeObject], { now: NOW }).rows[0].cells.slice(1, 5).map(String);
}

describe('pod cells, by printPod rules', () => {
  it.each(POD_CASES)('$name', (c) => {
    expect(podRow(c)).toEqual(c.want);
  });
});

describe('AGE, by HumanDuration', () => {
  const ages: [number, string][] = [
    [0.5, '30s'], [1.5, '90s'], [2.5, '2m30s'], [5, '5m'], [179, '179m'], [180, '3h'], [320, '5h20m'], [30 * 60, '30h'], [50 * 60, '2d2h'], [10 * 24 * 60, '10d'],
  ];
  it.each(ages)('%s minutes → %s', (minutes, want) => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', creationTimestamp: at(minutes) }, status: { phase: 'Active' } };
    expect(String(toTable('Namespace', [ns as KubeObject], { now: NOW }).rows[0].cells[2])).toBe(want);
  });
});

describe('node cells, by printNode rules', () => {
  const node = (spec: Json, conditions: Json[], labels: Record<string, string> = {}) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'worker-1', labels, creationTimestamp: CREATED },
    spec,
    status: { conditions, nodeInfo: { kubeletVersion: 'v1.34.0' } },
  });
  const cells = (n: Json) => toTable('Node', [n as KubeObject], { now: NOW }).rows[0].cells.slice(1, 5).map(String);
  it('Ready, NotReady (False or Unknown), Unknown without a Ready condition, SchedulingDisabled appended', () => {
    expect(cells(node({}, [{ type: 'Ready', status: 'True' }]))).toEqual(['Ready', '<none>', '10m', 'v1.34.0']);
    expect(cells(node({}, [{ type: 'Ready', status: 'False' }]))).toEqual(['NotReady', '<none>', '10m', 'v1.34.0']);
    expect(cells(node({}, [{ type: 'Ready', status: 'Unknown' }]))[0]).toBe('NotReady');
    expect(cells(node({}, [{ type: 'MemoryPressure', status: 'False' }]))[0]).toBe('Unknown');
    expect(cells(node({ unschedulable: true }, [{ type: 'Ready', status: 'True' }]))[0]).toBe('Ready,SchedulingDisabled');
    expect(cells(node({ unschedulable: true }, [{ type: 'Ready', status: 'False' }]))[0]).toBe('NotReady,SchedulingDisabled');
  });
  it('ROLES from node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted', () => {
    expect(cells(node({}, [], { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'edge' }))[1]).toBe('control-plane,edge');
  });
});

describe('workload and service cells, by printDeployment / printReplicaSet / printService', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'log', image: 'busybox' }] } };
  const row = (kind: 'Deployment' | 'ReplicaSet' | 'Service', obj: Json) =>
    toTable(kind, [{ apiVersion: 'v1', kind, metadata: { name: 'web', namespace: 'default', creationTimestamp: CREATED }, ...obj } as KubeObject], { now: NOW }).rows[0].cells.map(String);

  it('deployment: READY ready/desired, UP-TO-DATE, AVAILABLE, then containers, images and selector', () => {
    const spec = { replicas: 3, selector: { matchLabels: { app: 'web' } }, template };
    expect(row('Deployment', { spec, status: { replicas: 3, readyReplicas: 2, updatedReplicas: 1, availableReplicas: 2 } })).toEqual([
      'web', '2/3', '1', '2', '10m', 'web,log', 'nginx:1.27,busybox', 'app=web',
    ]);
    // absent status counts are zero
    expect(row('Deployment', { spec, status: {} }).slice(1, 4)).toEqual(['0/3', '0', '0']);
  });

  it('replicaset: DESIRED, CURRENT, READY', () => {
    const spec = { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } }, template };
    expect(row('ReplicaSet', { spec, status: { replicas: 2, readyReplicas: 1 } })).toEqual([
      'web', '2', '2', '1', '10m', 'web,log', 'nginx:1.27,busybox', 'app=web,pod-template-hash=abc',
    ]);
  });

  it('service: CLUSTER-IP from clusterIPs, EXTERNAL-IP per type, PORT(S) with node ports, SELECTOR', () => {
    const ports = [{ port: 80, protocol: 'TCP', nodePort: 30080 }, { port: 443, protocol: 'TCP' }];
    expect(row('Service', { spec: { type: 'NodePort', clusterIPs: ['10.96.0.10'], ports, selector: { tier: 'front', app: 'web' } } })).toEqual([
      'web', 'NodePort', '10.96.0.10', '<none>', '80:30080/TCP,443/TCP', '10m', 'app=web,tier=front',
    ]);
    expect(row('Service', { spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.11'], ports: [{ port: 80, protocol: 'TCP' }] }, status: { loadBalancer: {} } }).slice(2, 5)).toEqual([
      '10.96.0.11', '<pending>', '80/TCP',
    ]);
    expect(row('Service', { spec: { type: 'ClusterIP', clusterIPs: ['None'], ports: [] } }).slice(2, 5).concat(row('Service', { spec: { type: 'ClusterIP' } })[6])).toEqual([
      'None', '<none>', '<none>', '<none>',
    ]);
  });
});
