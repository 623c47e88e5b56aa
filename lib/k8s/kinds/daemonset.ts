/**
 * DaemonSet (apps/v1): one pod per matching node. Names and categories as
 * pkg/registry/apps/daemonset/storage/storage.go registers them; columns and cells as
 * pkg/printers/internalversion/printers.go (daemonSetColumnDefinitions, printDaemonSet) prints them.
 */
import type { V1DaemonSet } from '../api-types';
import { ageSince } from '../age';
import { ALL_VERBS, columns, statusSubresource, type KindDef } from './kind';
import { formatLabelSelector, formatLabels, nameOf, templateCells } from './printing';

export const DAEMONSET = {
  kind: 'DaemonSet',
  group: 'apps',
  version: 'v1',
  plural: 'daemonsets',
  singular: 'daemonset',
  shortNames: ['ds'],
  categories: ['all'],
  namespaced: true,
  generation: true,
  ko: '데몬셋',
  verbs: ALL_VERBS,
  subresources: [statusSubresource('DaemonSet')],
  columns: columns([
    ['Name'],
    ['Desired', 'integer', 0, 'The total number of nodes that should be running the daemon pod.'],
    ['Current', 'integer', 0, 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'],
    ['Ready', 'integer', 0, 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'],
    ['Up-to-date', 'integer', 0, 'The total number of nodes that are running updated daemon pod'],
    ['Available', 'integer', 0, 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'],
    ['Node Selector', 'string', 0, "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node."],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1, 'A label query over pods that are managed by the daemon set.'],
  ]),
  cells: (ds: V1DaemonSet, now: number) => [
    nameOf(ds),
    ds.status?.desiredNumberScheduled ?? 0,
    ds.status?.currentNumberScheduled ?? 0,
    ds.status?.numberReady ?? 0,
    ds.status?.updatedNumberScheduled ?? 0,
    ds.status?.numberAvailable ?? 0,
    formatLabels(ds.spec?.template?.spec?.nodeSelector),
    ageSince(ds.metadata?.creationTimestamp, now),
    ...templateCells(ds.spec?.template?.spec?.containers),
    formatLabelSelector(ds.spec?.selector),
  ],
  fieldsKo: {
    DaemonSet: {
      '': '데몬셋은 조건에 맞는 모든 노드에 파드를 하나씩 실행해요 (예: kube-proxy, 로그 수집기).',
      spec: '데몬셋의 원하는 상태.',
      status: '데몬셋의 현재 상태. 컨트롤러가 채우는 읽기 전용 필드예요.',
    },
    DaemonSetSpec: {
      '': '데몬셋의 원하는 상태예요.',
      selector: '이 데몬셋이 관리할 파드를 고르는 레이블 셀렉터. 템플릿의 레이블과 맞아야 해요.',
      template: '노드마다 만들 파드의 틀(템플릿).',
      updateStrategy: '파드를 새 버전으로 바꾸는 방법.',
      minReadySeconds: '파드가 준비된 뒤 사용 가능으로 볼 때까지 기다릴 시간(초).',
      revisionHistoryLimit: '롤백용으로 남겨 둘 예전 리비전 수 (기본 10).',
    },
    DaemonSetUpdateStrategy: {
      '': '데몬셋 파드를 새 버전으로 바꾸는 방법이에요.',
      type: 'RollingUpdate(기본) 또는 OnDelete(직접 지울 때만 바뀌어요).',
      rollingUpdate: '롤링 업데이트 설정.',
    },
  },
} as const satisfies KindDef;
