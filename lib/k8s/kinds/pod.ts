/**
 * Pod (core/v1). Names and categories as pkg/registry/core/pod/storage/storage.go registers them; columns and
 * cells as pkg/printers/internalversion/printers.go prints them.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { ageSince, timestampMs } from '../age';
import { ALL_VERBS, columns, statusSubresource, type KindInfo } from './kind';
import { nameOf } from './printing';

/**
 * While init containers run, printPod reports the first one that has not succeeded: `Init:Error` (or
 * `Init:ExitCode:N`) for a failed one, `Init:<waiting reason>` (e.g. Init:CrashLoopBackOff) unless it is
 * PodInitializing, else `Init:<index>/<count>`. Undefined once every init container has succeeded.
 */
function initReason(pod: V1Pod): string | undefined {
  const statuses = pod.status?.initContainerStatuses ?? [];
  const count = pod.spec?.initContainers?.length ?? 0;
  for (let i = 0; i < statuses.length; i++) {
    const st = statuses[i].state;
    if (st?.terminated && st.terminated.exitCode === 0) continue;
    if (st?.terminated) return st.terminated.reason ? `Init:${st.terminated.reason}` : st.terminated.signal ? `Init:Signal:${st.terminated.signal}` : `Init:ExitCode:${st.terminated.exitCode}`;
    if (st?.waiting?.reason && st.waiting.reason !== 'PodInitializing') return `Init:${st.waiting.reason}`;
    return `Init:${i}/${count}`;
  }
  return undefined;
}

const initialized = (pod: V1Pod) => pod.status?.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True') ?? false;

/** STATUS the way `kubectl get pods` derives it: phase, overridden by init progress, waiting/terminated reasons and deletion. */
export function podStatusReason(pod: V1Pod): string {
  let reason: string = pod.status?.reason || pod.status?.phase || 'Pending';
  const init = initReason(pod);
  const initializing = init !== undefined && !initialized(pod);
  if (initializing) reason = init;
  const statuses = initializing ? [] : (pod.status?.containerStatuses ?? []);
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const st = statuses[i].state;
    if (st?.waiting?.reason) reason = st.waiting.reason;
    else if (st?.terminated?.reason) reason = st.terminated.reason;
    else if (st?.terminated) {
      reason = st.terminated.signal ? `Signal:${st.terminated.signal}` : `ExitCode:${st.terminated.exitCode}`;
    } else if (statuses[i].ready && st?.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) {
    const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    reason = ready ? 'Running' : 'NotReady';
  }
  const phase = pod.status?.phase;
  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  return reason;
}

function podCells(pod: V1Pod, now: number): unknown[] {
  // while initializing, RESTARTS counts the init containers' restarts (printPod)
  const initializing = initReason(pod) !== undefined && !initialized(pod);
  const statuses = initializing ? (pod.status?.initContainerStatuses ?? []) : (pod.status?.containerStatuses ?? []);
  let restarts = 0;
  let ready = 0;
  let lastRestart = NaN;
  for (const cs of statuses) {
    restarts += cs.restartCount ?? 0;
    const finished = timestampMs(cs.lastState?.terminated?.finishedAt);
    if (!Number.isNaN(finished) && !(finished <= lastRestart)) lastRestart = finished;
    if (!initializing && cs.ready && cs.state?.running && !cs.state.waiting && !cs.state.terminated) ready++;
  }
  const restartsText =
    restarts !== 0 && !Number.isNaN(lastRestart) ? `${restarts} (${ageSince(lastRestart, now)} ago)` : String(restarts);
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
    `${ready}/${pod.spec?.containers?.length ?? 0}`,
    podStatusReason(pod),
    restartsText,
    ageSince(pod.metadata?.creationTimestamp, now),
    ip,
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    gatesText,
  ];
}

export const POD: KindInfo = {
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
};
