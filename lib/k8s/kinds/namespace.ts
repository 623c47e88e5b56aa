/**
 * Namespace (core/v1, cluster-scoped). Names as pkg/registry/core/namespace/storage/storage.go registers them;
 * columns and cells as pkg/printers/internalversion/printers.go prints them.
 */
import type { V1Namespace } from '../api-types';
import { ageSince } from '../age';
import { columns, statusSubresource, type KindDef } from './kind';
import { nameOf } from './printing';

export const NAMESPACE = {
  kind: 'Namespace',
  group: '',
  version: 'v1',
  plural: 'namespaces',
  singular: 'namespace',
  shortNames: ['ns'],
  categories: [],
  namespaced: false,
  ko: '네임스페이스',
  // Namespaces have no deletecollection: deleting every namespace at once is not offered.
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: [statusSubresource('Namespace'), { name: 'finalize', kind: 'Namespace', verbs: ['update'] }],
  columns: columns([['Name'], ['Status', 'string', 0, 'The status of the namespace'], ['Age']]),
  cells: (ns: V1Namespace, now: number) => [nameOf(ns), ns.status?.phase ?? 'Active', ageSince(ns.metadata?.creationTimestamp, now)],
  fieldsKo: {
    Namespace: {
      '': '네임스페이스는 하나의 클러스터 안에서 리소스 이름과 권한을 나누는 공간이에요.',
      spec: '네임스페이스 설정.',
      status: '네임스페이스의 현재 상태 (Active, Terminating).',
    },
    NamespaceSpec: { '': '네임스페이스 설정이에요.', finalizers: '삭제 전에 처리할 작업.' },
    NamespaceStatus: { '': '네임스페이스의 현재 상태예요.', phase: 'Active 또는 Terminating(삭제 중).' },
  },
} as const satisfies KindDef;
