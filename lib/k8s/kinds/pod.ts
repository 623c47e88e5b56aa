/**
 * Pod (core/v1). Names and categories as pkg/registry/core/pod/storage/storage.go registers them; columns and
 * cells as pkg/printers/internalversion/printers.go prints them.
 */
import type { V1Pod } from '../api-types';
import { ageSince, timestampMs } from '../age';
import { ALL_VERBS, columns, statusSubresource, type KindDef } from './kind';
import { nameOf } from './printing';

type ContainerStatus = NonNullable<NonNullable<V1Pod['status']>['containerStatuses']>[number];
const NO_CONTAINERS: NonNullable<NonNullable<V1Pod['spec']>['initContainers']> = [];

/** What printPod derives from a pod's statuses: READY's counts, STATUS, RESTARTS and when the last restart ended. */
interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  /** epoch ms of the latest lastState.terminated.finishedAt counted, NaN when none */
  lastRestart: number;
}

/** `Error`, or `ExitCode:1` / `Signal:9` when the runtime gave no reason. */
function terminatedReason(t: NonNullable<NonNullable<ContainerStatus['state']>['terminated']>): string {
  if (t.reason) return t.reason;
  return t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
}

/**
 * kubernetes/kubernetes pkg/printers/internalversion/printers.go printPod, step by step: the phase (or
 * status.reason, or SchedulingGated); the first init container not done decides while the pod initializes
 * (`Init:Error`, `Init:CrashLoopBackOff`, `Init:1/2`), sidecars (restartable init containers) count in READY;
 * then the app containers from last to first (a waiting or terminated reason wins); `Completed` beside a running
 * container is Running or NotReady; a deleted pod is Terminating (Unknown when its node was lost). O(containers).
 */
function summarizePod(pod: V1Pod): PodSummary {
  const status = pod.status ?? {};
  // a few at most (names are unique in a valid pod): a search beats building a Map for every pod a rollout writes
  const initSpecs = pod.spec?.initContainers ?? NO_CONTAINERS;
  const isSidecar = (name: string) => initSpecs.find((c) => c.name === name)?.restartPolicy === 'Always';
  const out: PodSummary = { ready: 0, total: pod.spec?.containers?.length ?? 0, reason: status.reason || status.phase || '', restarts: 0, lastRestart: NaN };
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) out.reason = 'SchedulingGated';
  for (const c of initSpecs) if (c.restartPolicy === 'Always') out.total++;
  let sidecarRestarts = 0;
  let sidecarLastRestart = NaN;
  const later = (a: number, b: number) => (Number.isNaN(a) || b > a ? b : a);
  const finishedOf = (cs: ContainerStatus) => timestampMs(cs.lastState?.terminated?.finishedAt);

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const cs = inits[i];
    const finished = finishedOf(cs);
    out.restarts += cs.restartCount ?? 0;
    if (!Number.isNaN(finished)) out.lastRestart = later(out.lastRestart, finished);
    if (isSidecar(cs.name)) {
      sidecarRestarts += cs.restartCount ?? 0;
      if (!Number.isNaN(finished)) sidecarLastRestart = later(sidecarLastRestart, finished);
    }
    const st = cs.state;
    if (st?.terminated && st.terminated.exitCode === 0) continue;
    if (isSidecar(cs.name) && cs.started) {
      if (cs.ready) out.ready++;
      continue;
    }
    if (st?.terminated) out.reason = `Init:${terminatedReason(st.terminated)}`;
    else if (st?.waiting?.reason && st.waiting.reason !== 'PodInitializing') out.reason = `Init:${st.waiting.reason}`;
    else out.reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }

  const initialized = status.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    out.restarts = sidecarRestarts;
    out.lastRestart = sidecarLastRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      const st = cs.state;
      out.restarts += cs.restartCount ?? 0;
      const finished = finishedOf(cs);
      if (!Number.isNaN(finished)) out.lastRestart = later(out.lastRestart, finished);
      if (st?.waiting?.reason) out.reason = st.waiting.reason;
      else if (st?.terminated) out.reason = terminatedReason(st.terminated);
      else if (cs.ready && st?.running) {
        hasRunning = true;
        out.ready++;
      }
    }
    if (out.reason === 'Completed' && hasRunning) {
      out.reason = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  const deleted = !!pod.metadata?.deletionTimestamp;
  if (deleted && status.reason === 'NodeLost') out.reason = 'Unknown';
  else if (deleted && status.phase !== 'Succeeded' && status.phase !== 'Failed') out.reason = 'Terminating';
  return out;
}

/** STATUS the way `kubectl get pods` derives it (printPod's reason). */
export function podStatusReason(pod: V1Pod): string {
  return summarizePod(pod).reason || 'Pending';
}

function podCells(pod: V1Pod, now: number): unknown[] {
  const s = summarizePod(pod);
  const restartsText = s.restarts !== 0 && !Number.isNaN(s.lastRestart) ? `${s.restarts} (${ageSince(s.lastRestart, now)} ago)` : String(s.restarts);
  const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
  const gates = pod.spec?.readinessGates ?? [];
  let gatesText = '<none>';
  if (gates.length > 0) {
    const trueConditions = gates.filter((g) =>
      pod.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True'),
    ).length;
    gatesText = `${trueConditions}/${gates.length}`;
  }
  return [
    nameOf(pod),
    `${s.ready}/${s.total}`,
    s.reason,
    restartsText,
    ageSince(pod.metadata?.creationTimestamp, now),
    ip,
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    gatesText,
  ];
}

export const POD = {
  kind: 'Pod',
  group: '',
  version: 'v1',
  plural: 'pods',
  singular: 'pod',
  shortNames: ['po'],
  categories: ['all'],
  namespaced: true,
  ko: '파드',
  verbs: ALL_VERBS,
  subresources: [
    statusSubresource('Pod'),
    { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
    { name: 'log', kind: 'Pod', verbs: ['get'] },
  ],
  columns: columns([
    ['Name'],
    ['Ready', 'string', 0, 'The aggregate readiness state of this pod for accepting traffic.'],
    ['Status', 'string', 0, 'The aggregate status of the containers in this pod.'],
    ['Restarts', 'string', 0, 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'],
    ['Age'],
    ['IP', 'string', 1, 'podIP address allocated to the pod.'],
    ['Node', 'string', 1, 'NodeName indicates in which node this pod is scheduled.'],
    ['Nominated Node', 'string', 1, 'nominatedNodeName is set only when this pod preempts other pods on the node.'],
    ['Readiness Gates', 'string', 1, 'If specified, all readiness gates will be evaluated for pod readiness.'],
  ]),
  cells: podCells,
  fieldsKo: {
    Pod: {
      '': '파드는 함께 배치되어 실행되는 컨테이너 묶음으로, 쿠버네티스에서 배포하는 가장 작은 단위예요.',
      spec: '파드의 원하는 상태: 어떤 컨테이너를 어떻게 실행할지.',
      status: '파드의 현재 상태. kubelet이 채우는 읽기 전용 필드예요.',
    },
    PodStatus: {
      '': '파드의 현재 상태예요.',
      phase: '파드의 단계: Pending, Running, Succeeded, Failed, Unknown.',
      conditions: '파드 조건 (PodScheduled, Initialized, ContainersReady, Ready).',
      podIP: '파드에 붙은 IP.',
      hostIP: '파드가 실행 중인 노드의 IP.',
      startTime: 'kubelet이 파드를 받아들인 시각.',
      containerStatuses: '컨테이너별 상태 (대기, 실행, 종료, 재시작 횟수).',
      qosClass: 'QoS 클래스: Guaranteed, Burstable, BestEffort.',
    },
  },
} as const satisfies KindDef;
