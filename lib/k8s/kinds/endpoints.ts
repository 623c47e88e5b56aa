/**
 * Endpoints (core/v1). Names as pkg/registry/core/endpoint/storage/storage.go registers them; columns and cells as
 * pkg/printers/internalversion/printers.go prints them.
 */
import type { V1Endpoints } from '../api-types';
import { ageSince } from '../age';
import { ALL_VERBS, columns, type KindDef } from './kind';
import { nameOf } from './printing';

/** At most three `ip:port` entries, then ` + N more...`, as kubectl shows endpoints. */
function formatEndpoints(ep: V1Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    const pairs = ports.length === 0 ? addresses.map((a) => a.ip) : ports.flatMap((p) => addresses.map((a) => `${a.ip}:${p.port}`));
    count += pairs.length;
    for (const pair of pairs) {
      if (list.length === max) {
        more = true;
        break;
      }
      list.push(pair);
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export const ENDPOINTS = {
  kind: 'Endpoints',
  group: '',
  version: 'v1',
  plural: 'endpoints',
  singular: 'endpoints',
  shortNames: ['ep'],
  categories: [],
  namespaced: true,
  ko: '엔드포인트',
  verbs: ALL_VERBS,
  subresources: [],
  // staging/src/k8s.io/api/core/v1/types.go: `+k8s:prerelease-lifecycle-gen:deprecated=1.33` and
  // `:replacement=discovery.k8s.io,v1,EndpointSlice` on Endpoints (KEP-4974).
  deprecated: { since: '1.33', replacement: 'discovery.k8s.io/v1 EndpointSlice' },
  columns: columns([['Name'], ['Endpoints', 'string', 0, 'The set of all endpoints is the union of all subsets.'], ['Age']]),
  cells: (ep: V1Endpoints, now: number) => [nameOf(ep), formatEndpoints(ep), ageSince(ep.metadata?.creationTimestamp, now)],
  fieldsKo: {
    Endpoints: {
      '': '엔드포인트는 서비스가 트래픽을 보낼 실제 파드 IP와 포트 목록이에요.',
      subsets: '주소와 포트 묶음 목록.',
    },
    EndpointSubset: {
      '': '같은 포트를 쓰는 주소 묶음이에요.',
      addresses: '준비된 파드의 주소.',
      notReadyAddresses: '아직 준비되지 않은 파드의 주소.',
      ports: '이 주소들이 여는 포트.',
    },
    EndpointAddress: { '': '엔드포인트 주소 하나예요.', ip: '파드 IP.', nodeName: '파드가 있는 노드.', targetRef: '이 주소의 파드.' },
  },
} as const satisfies KindDef;
