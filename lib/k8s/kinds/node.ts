/**
 * Node (core/v1, cluster-scoped). Names as pkg/registry/core/node/storage/storage.go registers them; columns and
 * cells as pkg/printers/internalversion/printers.go prints them.
 */
import type { V1Node } from '../api-types';
import { ageSince } from '../age';
import { ALL_VERBS, columns, statusSubresource, type KindDef } from './kind';
import { nameOf } from './printing';

function nodeCells(node: V1Node, now: number): unknown[] {
  const conditions = node.status?.conditions ?? [];
  const status: string[] = [];
  const readyCondition = conditions.find((c) => c.type === 'Ready');
  status.push(readyCondition ? (readyCondition.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  const address = (type: string) => node.status?.addresses?.find((a) => a.type === type)?.address || '<none>';
  const info = node.status?.nodeInfo;
  return [
    nameOf(node),
    status.join(','),
    roles.size > 0 ? [...roles].sort().join(',') : '<none>',
    ageSince(node.metadata?.creationTimestamp, now),
    info?.kubeletVersion ?? '',
    address('InternalIP'),
    address('ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ];
}

export const NODE = {
  kind: 'Node',
  group: '',
  version: 'v1',
  plural: 'nodes',
  singular: 'node',
  shortNames: ['no'],
  categories: [],
  namespaced: false,
  ko: '노드',
  verbs: ALL_VERBS,
  subresources: [statusSubresource('Node')],
  columns: columns([
    ['Name'],
    ['Status', 'string', 0, 'The status of the node'],
    ['Roles', 'string', 0, 'The roles of the node'],
    ['Age'],
    ['Version', 'string', 0, 'Kubelet Version reported by the node.'],
    ['Internal-IP', 'string', 1, 'List of addresses reachable to the node.'],
    ['External-IP', 'string', 1, 'List of addresses reachable to the node.'],
    ['OS-Image', 'string', 1, 'OS Image reported by the node from /etc/os-release.'],
    ['Kernel-Version', 'string', 1, "Kernel Version reported by the node from 'uname -r'."],
    ['Container-Runtime', 'string', 1, 'ContainerRuntime Version reported by the node through runtime remote API.'],
  ]),
  cells: nodeCells,
  fieldsKo: {
    Node: {
      '': '노드는 파드가 실행되는 워커 머신(가상 또는 물리)이에요.',
      spec: '노드 설정 (테인트, 스케줄 가능 여부).',
      status: '노드의 현재 상태. kubelet이 채우는 읽기 전용 필드예요.',
    },
    NodeSpec: {
      '': '노드 설정이에요.',
      unschedulable: 'true면 새 파드를 배치하지 않아요 (cordon).',
      taints: '노드 테인트: 톨러레이션이 없는 파드를 밀어내요.',
      podCIDR: '이 노드의 파드 IP 대역.',
      podCIDRs: '파드 IP 대역 목록.',
      providerID: '클라우드 제공자 ID.',
    },
    Taint: {
      '': '테인트: 이 노드에 파드가 오지 못하게 하는 표시예요.',
      key: '테인트 키.',
      value: '테인트 값.',
      effect: 'NoSchedule, PreferNoSchedule, NoExecute(이미 있던 파드도 쫓아내요).',
      timeAdded: '테인트가 붙은 시각 (NoExecute).',
    },
    NodeStatus: {
      '': '노드의 현재 상태예요.',
      capacity: '노드의 전체 리소스.',
      allocatable: '파드에 줄 수 있는 리소스.',
      conditions: '노드 조건 (Ready, MemoryPressure, DiskPressure …).',
      addresses: '노드 주소 (InternalIP, Hostname …).',
      nodeInfo: '노드 정보 (kubelet 버전, OS, 컨테이너 런타임).',
    },
  },
} as const satisfies KindDef;
