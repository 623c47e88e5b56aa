/**
 * ReplicaSet (apps/v1). Names and categories as pkg/registry/apps/replicaset/storage/storage.go registers them;
 * columns and cells as pkg/printers/internalversion/printers.go prints them.
 */
import type { V1ReplicaSet } from '../api-types';
import { ageSince } from '../age';
import { ALL_VERBS, columns, scaleSubresource, statusSubresource, type KindDef } from './kind';
import { formatLabelSelector, nameOf, templateCells } from './printing';

export const REPLICASET = {
  kind: 'ReplicaSet',
  group: 'apps',
  version: 'v1',
  plural: 'replicasets',
  singular: 'replicaset',
  shortNames: ['rs'],
  categories: ['all'],
  namespaced: true,
  generation: true,
  ko: '레플리카셋',
  verbs: ALL_VERBS,
  subresources: [scaleSubresource, statusSubresource('ReplicaSet')],
  columns: columns([
    ['Name'],
    ['Desired', 'integer', 0, 'Replicas is the number of desired replicas.'],
    ['Current', 'integer', 0, 'Replicas is the most recently observed number of replicas.'],
    ['Ready', 'integer', 0, 'readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1, 'Selector is a label query over pods that should match the replica count.'],
  ]),
  cells: (rs: V1ReplicaSet, now: number) => [
    nameOf(rs),
    rs.spec?.replicas ?? 1,
    rs.status?.replicas ?? 0,
    rs.status?.readyReplicas ?? 0,
    ageSince(rs.metadata?.creationTimestamp, now),
    ...templateCells(rs.spec?.template?.spec?.containers),
    formatLabelSelector(rs.spec?.selector),
  ],
  fieldsKo: {
    ReplicaSet: {
      '': '레플리카셋은 지정한 개수의 파드가 항상 실행되도록 유지해요.',
      spec: '레플리카셋의 원하는 상태.',
      status: '레플리카셋의 현재 상태. 컨트롤러가 채우는 읽기 전용 필드예요.',
    },
    ReplicaSetSpec: {
      '': '레플리카셋의 원하는 상태예요.',
      replicas: '원하는 파드 개수. 기본 1.',
      selector: '이 레플리카셋이 셀 파드를 고르는 레이블 셀렉터. 템플릿의 레이블과 맞아야 해요.',
      template: '파드가 모자랄 때 새 파드를 만드는 틀(템플릿).',
      minReadySeconds: '파드가 준비된 뒤 사용 가능으로 볼 때까지 기다릴 시간(초).',
    },
    ReplicaSetStatus: {
      '': '레플리카셋의 현재 상태예요.',
      replicas: '지금 있는 파드 수.',
      readyReplicas: '준비된 파드 수.',
      availableReplicas: '사용 가능한 파드 수.',
    },
  },
} as const satisfies KindDef;
